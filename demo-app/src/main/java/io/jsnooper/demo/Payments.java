package io.jsnooper.demo;

import io.jsnooper.Snoop;

/** Traces that go to files: a plain file, the failed calls only, and JSON Lines for a log engine. */
final class Payments {

    static final String TRACE_FOLDER = "target/demo-traces/";

    private Payments() {
    }

    /** Retries a flaky gateway: the caught exception shows as an exception event at the catch line. */
    @Snoop(TRACE_FOLDER + "payments.log")
    static String charge(String card, int cents, String password) {
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                return Gateway.send(card, cents, attempt);
            } catch (IllegalStateException e) {
                cents += 0; // nothing to change: the next attempt sends the same amount
            }
        }
        return "declined";
    }

    /** Called for every order; only the calls that throw leave a trace. */
    @Snoop(output = TRACE_FOLDER + "failures.log", onFailure = true)
    static int validate(int quantity) {
        int checked = quantity * 2;
        if (checked > 40) {
            throw new IllegalArgumentException("quantity " + quantity + " is over the limit of 20");
        }
        return checked;
    }

    /** The same kind of trace, one JSON object per line. */
    @Snoop(output = TRACE_FOLDER + "refunds.jsonl", format = Snoop.Format.JSONL)
    static int refund(int cents) {
        int fee = cents / 100;
        return cents - fee;
    }

    /** A payment gateway that fails on the first attempt. */
    static final class Gateway {
        private Gateway() {
        }

        static String send(String card, int cents, int attempt) {
            if (attempt == 1) {
                throw new IllegalStateException("gateway timeout");
            }
            return "ok:" + card.substring(card.length() - 4) + ":" + cents;
        }
    }
}
