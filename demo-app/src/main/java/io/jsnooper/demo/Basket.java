package io.jsnooper.demo;

import io.jsnooper.Snoop;
import java.util.ArrayList;
import java.util.List;

/** A shopping basket: in-place changes, a watch expression, and a callee traced by depth. */
final class Basket {

    private final List<String> items = new ArrayList<>();
    private int totalCents;

    @Snoop(watch = {"this.totalCents", "items.size()"}, depth = 2)
    void add(String item, int quantity) {
        for (int i = 0; i < quantity; i++) {
            items.add(item);
            totalCents += Prices.priceOf(item);
        }
        totalCents = Prices.discounted(totalCents);
    }

    int totalCents() {
        return totalCents;
    }
}
