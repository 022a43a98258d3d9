package io.jsnooper.agent.output;

import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;

/**
 * One thread's pending lines for one sink. The owning thread formats straight into the byte array
 * without a lock; {@link #endLine()} publishes each finished line. Handing bytes to the sink —
 * by the owner when the buffer fills, by the flusher thread every few milliseconds, by the
 * shutdown hook at exit — happens under the buffer's lock and only ever covers published lines, so
 * the sink never sees half a line, whoever flushes and whenever the JVM stops.
 */
public final class LineBuffer {

    static final int CAPACITY = 32 * 1024;
    /** The owner hands its lines over when this much is pending, keeping each write large. */
    private static final int HAND_OVER_AT = 24 * 1024;

    private final TraceSink sink;
    private final WeakReference<Thread> owner;

    private byte[] bytes = new byte[CAPACITY];
    /** Owner only: where the next byte goes. */
    private int position;
    /** End of the last finished line; written by the owner, read by flushers. */
    private volatile int published;
    /** Guarded by this: bytes before it were handed to the sink already. */
    private int handedOver;

    /** Owner only: the "Source path" last written here, written again only when it changes. */
    public String lastSourcePath;

    LineBuffer(TraceSink sink, Thread owner) {
        this.sink = sink;
        this.owner = new WeakReference<>(owner);
    }

    public TraceSink sink() {
        return sink;
    }

    boolean isOwnerAlive() {
        Thread thread = owner.get();
        return thread != null && thread.isAlive();
    }

    // ---- formatting, by the owner thread only

    public LineBuffer ascii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            bytes[position++] = (byte) s.charAt(i);
        }
        return this;
    }

    public LineBuffer text(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (s.charAt(i) >= 0x80) {
                return bytes(s.getBytes(StandardCharsets.UTF_8));
            }
        }
        return ascii(s);
    }

    public LineBuffer bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, bytes, position, b.length);
        position += b.length;
        return this;
    }

    public LineBuffer ch(char c) {
        ensure(1);
        bytes[position++] = (byte) c;
        return this;
    }

    public LineBuffer spaces(int count) {
        ensure(count);
        for (int i = 0; i < count; i++) {
            bytes[position++] = ' ';
        }
        return this;
    }

    /** A decimal number, right-aligned in {@code width} columns (wider when it needs more). */
    public LineBuffer number(long value, int width) {
        ensure(21 + width);
        int digits = digitCount(value);
        for (int i = digits; i < width; i++) {
            bytes[position++] = ' ';
        }
        writeDigits(value, digits);
        return this;
    }

    /** {@code value} as exactly {@code digits} zero-padded digits. */
    public LineBuffer zeroPadded(long value, int digits) {
        ensure(digits);
        long v = value;
        for (int i = position + digits - 1; i >= position; i--) {
            bytes[i] = (byte) ('0' + (v % 10));
            v /= 10;
        }
        position += digits;
        return this;
    }

    /** {@code HH:MM:SS.ffffff} for a count of microseconds. */
    public LineBuffer clock(long micros) {
        long seconds = micros / 1_000_000;
        zeroPadded(seconds / 3600, 2).ch(':');
        zeroPadded(seconds / 60 % 60, 2).ch(':');
        zeroPadded(seconds % 60, 2).ch('.');
        return zeroPadded(micros % 1_000_000, 6);
    }

    /** Finishes and publishes the current line; hands lines over when enough are pending. */
    public void endLine() {
        ensure(1);
        bytes[position++] = '\n';
        published = position;
        if (position >= HAND_OVER_AT || Sinks.shuttingDown) {
            handOver();
        }
    }

    /** The owner hands everything finished to the sink and starts again at the front. */
    public synchronized void handOver() {
        drain();
        if (position == published) {
            position = 0;
            published = 0;
            handedOver = 0;
        }
    }

    // ---- by any thread

    /** Hands the finished lines that are still pending to the sink; keeps the buffer as it is. */
    synchronized void drain() {
        int end = published;
        if (end > handedOver) {
            sink.write(bytes, handedOver, end - handedOver);
            handedOver = end;
        }
    }

    private void ensure(int more) {
        if (position + more > bytes.length) {
            makeRoom(more);
        }
    }

    /** Mid-line: hand over the finished lines, then move the unfinished one to the front. */
    private synchronized void makeRoom(int more) {
        drain();
        int pending = position - handedOver;
        byte[] target = pending + more > bytes.length ? new byte[Math.max(bytes.length * 2, pending + more)] : bytes;
        System.arraycopy(bytes, handedOver, target, 0, pending);
        bytes = target;
        position = pending;
        published = 0;
        handedOver = 0;
    }

    private void writeDigits(long value, int digits) {
        if (value < 0) {
            if (value == Long.MIN_VALUE) {
                ascii(Long.toString(value));
                return;
            }
            bytes[position++] = '-';
            value = -value;
            digits--;
        }
        for (int i = position + digits - 1; i >= position; i--) {
            bytes[i] = (byte) ('0' + (value % 10));
            value /= 10;
        }
        position += digits;
    }

    private static int digitCount(long value) {
        if (value == Long.MIN_VALUE) {
            return 20;
        }
        int digits = value < 0 ? 2 : 1;
        long v = Math.abs(value);
        while (v >= 10) {
            v /= 10;
            digits++;
        }
        return digits;
    }
}
