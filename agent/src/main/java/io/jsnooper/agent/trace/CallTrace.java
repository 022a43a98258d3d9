package io.jsnooper.agent.trace;

import io.jsnooper.agent.output.LineBuffer;

/**
 * The state of one traced call: what was last shown of each variable, where the call is, and when
 * it started. The rewritten method keeps it in a local slot and passes it back with every event.
 */
final class CallTrace {

    final MethodInfo method;
    final ThreadState thread;
    final CallTrace caller;
    final int depth;
    final LineBuffer out;
    final long startNanos;

    /** While true, stores are the parameters: remembered, written as "Starting var" by begin(). */
    boolean starting = true;
    /** Set when the call has ended (or was abandoned); later events for it are ignored. */
    boolean ended;
    int currentLine;
    int currentProbe = -1;

    final boolean[] seen;
    final long[] primitives;
    final Object[] references;
    final String[] rendered;
    final int[] startingOrder;
    int startingCount;

    CallTrace(MethodInfo method, ThreadState thread, CallTrace caller, LineBuffer out, long startNanos) {
        this.method = method;
        this.thread = thread;
        this.caller = caller;
        this.depth = caller == null ? 0 : caller.depth + 1;
        this.out = out;
        this.startNanos = startNanos;
        int vars = method.varNames.length;
        this.seen = new boolean[vars];
        this.primitives = new long[vars];
        this.references = new Object[vars];
        this.rendered = new String[vars];
        this.startingOrder = new int[vars];
        this.currentLine = method.firstLine;
    }
}
