package io.jsnooper.bench.jdi;

import io.jsnooper.bench.Workload;

/** The debuggee: runs the workload once, in a JVM launched and stepped by {@link JdiLineTracer}. */
public final class JdiTarget {

    private JdiTarget() {
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        System.out.println("total = " + Workload.work(n));
    }
}
