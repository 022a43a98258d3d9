package io.jsnooper.agent.trace;

import io.jsnooper.agent.output.CaptureSink;
import io.jsnooper.agent.output.LineBuffer;
import java.lang.reflect.Field;
import java.util.Arrays;

/**
 * Sends the trace of the calls the current thread starts into memory instead of their sinks, until
 * it is stopped: how the JUnit extension gets one test's trace, even when tests run in parallel.
 * Called reflectively from the application class loader, so its API uses JDK types only:
 * {@code Object start()} and {@code String stop(Object)}.
 *
 * <p>How: a thread writes a call's lines into the buffer it keeps for that call's sink
 * ({@code ThreadState.buffer(sink)}, chosen when the call starts). {@link #start()} swaps the
 * thread's buffer table for one whose every slot is a single capturing buffer, and
 * {@link #stop(Object)} swaps the original back. One buffer for all sinks keeps the lines of nested
 * calls to differently configured methods in the order they ran. Calls already running when the
 * capture starts keep writing where they were; calls still running when it stops lose the lines
 * they write afterwards. A sink opened for the first time during the capture gets a slot past the
 * table ({@value #SLOTS} slots) only if more than that many sinks exist; its lines then go to it.
 *
 * <p>The buffer table and the thread-local are private to {@link Tracer} and {@link ThreadState};
 * they are reached by reflection here so that this class could be added without touching them.
 * If they change, {@link #start()} returns null and the caller says it can't capture.
 */
public final class TestCapture {

    static final int SLOTS = 64;

    private static final Field STATE;
    private static final Field BUFFERS;

    static {
        Field state = null;
        Field buffers = null;
        try {
            state = Tracer.class.getDeclaredField("STATE");
            state.setAccessible(true);
            buffers = ThreadState.class.getDeclaredField("buffers");
            buffers.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            state = null;
            buffers = null;
        }
        STATE = state;
        BUFFERS = buffers;
    }

    private TestCapture() {
    }

    /** One capture: the thread it belongs to and what to put back. */
    private static final class Capture {
        final ThreadState thread;
        final LineBuffer[] original;
        final CaptureSink sink = new CaptureSink();
        final LineBuffer buffer = sink.newBuffer();

        Capture(ThreadState thread, LineBuffer[] original) {
            this.thread = thread;
            this.original = original;
        }
    }

    /** Whether this agent can capture at all. */
    public static boolean isAvailable() {
        return STATE != null && BUFFERS != null;
    }

    /**
     * Starts capturing the calls the current thread starts from now on; captures nest.
     *
     * @return the handle {@link #stop(Object)} needs, or null if capturing is not possible
     */
    public static Object start() {
        if (!isAvailable()) {
            return null;
        }
        try {
            @SuppressWarnings("unchecked")
            ThreadState thread = ((ThreadLocal<ThreadState>) STATE.get(null)).get();
            LineBuffer[] original = (LineBuffer[]) BUFFERS.get(thread);
            Capture capture = new Capture(thread, original);
            LineBuffer[] table = new LineBuffer[Math.max(SLOTS, original.length)];
            Arrays.fill(table, capture.buffer);
            BUFFERS.set(thread, table);
            return capture;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Stops a capture, on the thread that started it, and returns its trace (empty if no traced
     * call ran). The thread's calls go to their own sinks again.
     */
    public static String stop(Object handle) {
        Capture capture = (Capture) handle;
        try {
            LineBuffer[] current = (LineBuffer[]) BUFFERS.get(capture.thread);
            LineBuffer[] restored = Arrays.copyOf(capture.original, Math.max(capture.original.length, current.length));
            for (int i = 0; i < current.length; i++) {
                // a buffer made during the capture for a sink past the table: a real one, keep it
                if (current[i] != null && current[i] != capture.buffer && restored[i] == null) {
                    restored[i] = current[i];
                }
            }
            BUFFERS.set(capture.thread, restored);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // the table stays the capture's: the thread's later lines are lost rather than misplaced
        }
        capture.buffer.handOver();
        return capture.sink.text();
    }
}
