package io.jsnooper.demo;

import java.util.List;
import java.util.Map;

/**
 * Prices orders. Deliberately not annotated: {@code serve} mode runs it in a loop so that you can
 * attach to the running JVM and snoop {@code io.jsnooper.demo.OrderService#place} (docs/attach.md).
 */
final class OrderService {

    private static final Map<String, Integer> PRICES_IN_CENTS =
            Map.of("apple", 40, "bread", 250, "coffee", 899, "milk", 120);

    private int ordersPlaced;

    /** The total in cents: the items' prices, 10 % off an order of 20.00 or more. */
    int place(String customer, List<String> items) {
        int total = 0;
        for (String item : items) {
            total += PRICES_IN_CENTS.getOrDefault(item, 0);
        }
        if (total >= 2000) {
            total -= total / 10;
        }
        ordersPlaced++;
        return total;
    }

    int ordersPlaced() {
        return ordersPlaced;
    }
}
