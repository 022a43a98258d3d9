package io.jsnooper.agent.output;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * Trace lines kept in memory instead of written, for one capture of one thread (a test run by the
 * JUnit extension). Never registered in {@link Sinks}: the flusher doesn't know it, and only the
 * owning thread hands lines over, so what {@link #text()} returns is everything that thread
 * finished. Bounded like an {@code onFailure} call: past {@value #HEAD_BYTES} bytes it keeps the
 * head and the last {@value #TAIL_BYTES} bytes, and says how much it left out.
 */
public final class CaptureSink extends TraceSink {

    static final int HEAD_BYTES = 4 << 20;
    static final int TAIL_BYTES = 4 << 20;

    private final ByteArrayOutputStream head = new ByteArrayOutputStream();
    /** Whole chunks of lines, oldest first; together at most TAIL_BYTES (but always the last one). */
    private final ArrayDeque<byte[]> tail = new ArrayDeque<>();
    private long tailBytes;
    private long omittedBytes;

    public CaptureSink() {
        // id -1: no thread indexes its buffers by this sink; the capture installs its buffer itself
        super(-1, "capture");
    }

    /** A buffer of the calling thread that writes here. */
    public LineBuffer newBuffer() {
        return new LineBuffer(this, Thread.currentThread());
    }

    /** Handed over at the end of each outermost call, so that the buffer stays small. */
    @Override
    public boolean isInteractive() {
        return true;
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        if (tail.isEmpty() && head.size() + length <= HEAD_BYTES) {
            head.write(bytes, offset, length);
            return;
        }
        byte[] chunk = new byte[length];
        System.arraycopy(bytes, offset, chunk, 0, length);
        tail.addLast(chunk);
        tailBytes += length;
        while (tailBytes > TAIL_BYTES && tail.size() > 1) {
            byte[] dropped = tail.removeFirst();
            tailBytes -= dropped.length;
            omittedBytes += dropped.length;
        }
    }

    /** Everything written so far, as UTF-8 text. */
    public synchronized String text() {
        StringBuilder text = new StringBuilder(head.toString(StandardCharsets.UTF_8));
        if (omittedBytes > 0) {
            text.append("... ").append(omittedBytes).append(" bytes of trace omitted ...\n");
        }
        for (byte[] chunk : tail) {
            text.append(new String(chunk, StandardCharsets.UTF_8));
        }
        return text.toString();
    }
}
