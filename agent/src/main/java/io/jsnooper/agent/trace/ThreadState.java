package io.jsnooper.agent.trace;

import io.jsnooper.agent.output.LineBuffer;
import io.jsnooper.agent.output.Sinks;
import io.jsnooper.agent.output.TraceSink;
import java.util.Arrays;

/**
 * What the tracer knows about one thread: the innermost traced call, and this thread's buffers.
 * Fetched once per call (a ThreadLocal lookup); each event reaches it through its call.
 */
final class ThreadState {

    /** True while the tracer runs on this thread: a snooped method called from a toString() is not traced. */
    boolean busy;
    /**
     * Calls of rewritten methods this thread made while busy, i.e. program code the tracer ran (a
     * {@code toString()}, an iterator): how {@link io.jsnooper.agent.output.ValueRenderer} tells a
     * {@code toString()} that walks a whole structure, whatever the machine's speed.
     */
    long quietCalls;
    CallTrace innermost;
    /**
     * Where this thread's values are rendered to be compared with what was shown. Never used by two
     * renderings at once: program code run while rendering (a toString()) runs while {@link #busy},
     * so it is not traced.
     */
    final StringBuilder rendering = new StringBuilder(256);
    /** {@code id-name}, PySnooper's thread column; refreshed at each outermost call. */
    String label = "";
    private LineBuffer[] buffers = new LineBuffer[2];
    private EventRecorder recorder;

    /** This thread's record of onFailure calls, made on first use and reused. */
    EventRecorder recorder() {
        if (recorder == null) {
            recorder = new EventRecorder();
        }
        return recorder;
    }

    LineBuffer buffer(TraceSink sink) {
        int id = sink.id();
        if (id >= buffers.length) {
            buffers = Arrays.copyOf(buffers, Math.max(id + 1, buffers.length * 2));
        }
        LineBuffer buffer = buffers[id];
        if (buffer == null) {
            buffer = Sinks.newBuffer(sink);
            buffers[id] = buffer;
        }
        return buffer;
    }

    /** The thread's buffers, indexed by sink id. */
    LineBuffer[] buffers() {
        return buffers;
    }

    /** Installs another buffer table (a test capture) and returns the one it replaces. */
    LineBuffer[] swapBuffers(LineBuffer[] table) {
        LineBuffer[] previous = buffers;
        buffers = table;
        return previous;
    }

    @SuppressWarnings("deprecation") // Thread.threadId() is Java 19+
    void refreshLabel() {
        Thread thread = Thread.currentThread();
        label = thread.getId() + "-" + thread.getName();
    }

    /** At the end of an outermost call: lines for a terminal go out now, files wait for the flusher. */
    void handOverInteractive() {
        for (LineBuffer buffer : buffers) {
            if (buffer != null && buffer.sink().isInteractive()) {
                buffer.handOver();
            }
        }
    }
}
