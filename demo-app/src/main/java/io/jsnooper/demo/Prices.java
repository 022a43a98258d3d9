package io.jsnooper.demo;

import java.util.Map;

/** Not annotated: traced only as a callee of Basket.add, which has depth = 2. */
final class Prices {

    private static final Map<String, Integer> CENTS = Map.of("apple", 40, "bread", 250, "coffee", 899);

    private Prices() {
    }

    static int priceOf(String item) {
        return CENTS.getOrDefault(item, 0);
    }

    static int discounted(int cents) {
        int discount = cents >= 2000 ? cents / 10 : 0;
        return cents - discount;
    }
}
