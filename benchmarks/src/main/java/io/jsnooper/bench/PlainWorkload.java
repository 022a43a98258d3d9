package io.jsnooper.bench;

/** The workload in a class with no {@code @Snoop} at all: the agent leaves it as it is. */
public final class PlainWorkload {

    private PlainWorkload() {
    }

    public static long work(int n) {
        long total = 0;
        for (int i = 0; i < n; i++) {
            int x = i * 3;
            total += x;
        }
        return total;
    }
}
