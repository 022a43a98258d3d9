package io.jsnooper.demo;

import java.util.List;

/**
 * Runs each demo once. Start it with {@code -javaagent:jsnooper-agent.jar} and read the trace on
 * stderr; without the agent it prints only its results.
 *
 * <p>{@code DemoMain serve [SECONDS]} instead handles an order every {@value #REQUEST_INTERVAL_MS} ms
 * for SECONDS (default {@value #DEFAULT_SERVE_SECONDS}) or until Ctrl-C: a running JVM to attach to.
 */
public final class DemoMain {

    static final long REQUEST_INTERVAL_MS = 200;
    static final int DEFAULT_SERVE_SECONDS = 600;

    private static final String[] CUSTOMERS = {"ada", "grace", "linus"};
    private static final List<List<String>> BASKETS = List.of(
            List.of("apple", "milk"),
            List.of("coffee", "coffee", "bread"),
            List.of("bread"),
            List.of("coffee", "apple", "apple", "coffee", "milk"));

    private DemoMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0 && args[0].equals("serve")) {
            serve(args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_SERVE_SECONDS);
            return;
        }
        // 1. PySnooper's first example: every line, every variable, to stderr
        System.out.println("numberToBits(6) = " + Bits.numberToBits(6));

        // 2. objects changed in place, watch expressions, and a callee traced through depth = 2
        Basket basket = new Basket();
        basket.add("coffee", 2);
        basket.add("bread", 1);
        System.out.println("basket total = " + basket.totalCents() + " cents");

        // 3. traces in files: a retry with a caught exception (the password shows as ***) ...
        System.out.println("charge = " + Payments.charge("4111111111111111", 2048, "hunter2"));
        // ... only the calls that fail, out of many ...
        int rejected = 0;
        for (int quantity = 1; quantity <= 25; quantity++) {
            try {
                Payments.validate(quantity);
            } catch (IllegalArgumentException e) {
                rejected++;
            }
        }
        System.out.println("validated 25 quantities, " + rejected + " rejected");
        // ... and JSON Lines
        System.out.println("refund = " + Payments.refund(2048));
        System.out.println("file traces: " + Payments.TRACE_FOLDER + "{payments.log,failures.log,refunds.jsonl}");
    }

    private static void serve(int seconds) throws InterruptedException {
        OrderService service = new OrderService();
        System.out.println("order service: pid " + ProcessHandle.current().pid() + ", one order every "
                + REQUEST_INTERVAL_MS + " ms for " + seconds + " s; Ctrl-C stops it");
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        for (int request = 1; System.nanoTime() < end; request++) {
            String customer = CUSTOMERS[request % CUSTOMERS.length];
            List<String> items = BASKETS.get(request % BASKETS.size());
            int total = service.place(customer, items);
            System.out.printf("order %d from %s: %s = %d.%02d%n", request, customer, items, total / 100, total % 100);
            Thread.sleep(REQUEST_INTERVAL_MS);
        }
        System.out.println("served " + service.ordersPlaced() + " orders");
    }
}
