package io.jsnooper.bench;

import io.jsnooper.Snoop;

/**
 * The workload: per iteration three line events ({@code for}, {@code int x},
 * {@code total +=}) and three local changes ({@code i}, {@code x}, {@code total}). The benchmarks
 * override the output with the agent option {@code output=}; the path here is only a fallback.
 */
public final class Workload {

    /** Events the agent writes per loop iteration: 3 line events + 3 "Modified var" lines. */
    public static final int EVENTS_PER_ITERATION = 6;

    private Workload() {
    }

    @Snoop("benchmarks/target/bench-trace/fallback.log")
    public static long work(int n) {
        long total = 0;
        for (int i = 0; i < n; i++) {
            int x = i * 3;
            total += x;
        }
        return total;
    }

    /**
     * The same loop with two objects in scope that it never changes: the agent used to re-render
     * them at every line to spot in-place changes (PySnooper's rule); now only after a line whose
     * code can change an object, which none of these lines is. Same 6 events per iteration.
     */
    @Snoop("benchmarks/target/bench-trace/fallback.log")
    public static long withObjectsInScope(int n, int[] weights, StringBuilder log) {
        long total = 0;
        for (int i = 0; i < n; i++) {
            int x = i * 3;
            total += x;
        }
        return total;
    }

    /** The same body, not snooped, in a class the agent rewrites (because of {@link #work}). */
    public static long unsnooped(int n) {
        long total = 0;
        for (int i = 0; i < n; i++) {
            int x = i * 3;
            total += x;
        }
        return total;
    }
}
