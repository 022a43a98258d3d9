package io.jsnooper.agent.output;

import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

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
    private static final byte[] SPACES = new byte[256];
    /** "00" to "99": two digits per division. */
    private static final byte[] DIGIT_PAIRS = new byte[200];

    static {
        Arrays.fill(SPACES, (byte) ' ');
        for (int i = 0; i < 100; i++) {
            DIGIT_PAIRS[2 * i] = (byte) ('0' + i / 10);
            DIGIT_PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    private final TraceSink sink;
    private final WeakReference<Thread> owner;

    private byte[] bytes;
    /** Owner only: where the next byte goes. */
    private int position;
    /** End of the last finished line; written by the owner, read by flushers. */
    private int published;
    /**
     * Release/acquire on {@link #published}: the flusher must see a line's bytes once it sees its
     * end, which a release store guarantees without the full fence of a volatile one.
     */
    private static final java.lang.invoke.VarHandle PUBLISHED;

    static {
        try {
            PUBLISHED = java.lang.invoke.MethodHandles.lookup().findVarHandle(LineBuffer.class, "published", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
    /** Guarded by this: bytes before it were handed to the sink already. */
    private int handedOver;

    /**
     * Owner only: the microsecond {@link #clockText} shows, and its {@code HH:MM:SS.ffffff} bytes.
     * A busy thread writes several lines per microsecond: they copy the text; in the same second
     * only the last six digits change (as {@link #epochMicros} keeps its digits).
     */
    private long clockMicros = -1;
    private final byte[] clockText = {'0', '0', ':', '0', '0', ':', '0', '0', '.', '0', '0', '0', '0', '0', '0'};

    /**
     * Owner only: the last count of microseconds {@link #epochMicros} wrote, and its digits. Lines
     * written in the same microsecond copy them; in the same second, only the last six change.
     */
    private long epochMicros = -1;
    private final byte[] epochDigits = new byte[20];
    private int epochLength;

    /** Owner only: the "Source path" last written here, written again only when it changes. */
    public String lastSourcePath;

    /**
     * Owner only: the {@code nanoTime} of the last line written here with a time (JSON Lines: the
     * time its variable lines carry, so that times never go back in a thread's run of lines).
     */
    long lastNanos = NO_NANOS;
    static final long NO_NANOS = Long.MIN_VALUE;

    /** Owner only: what a format keeps for the lines of this thread (JSON Lines: strings it encoded lately). */
    Object formatCache;

    /** A scratch buffer: never handed to a sink, it grows instead. */
    private final boolean detached;
    /** The sink wants each line on the traced thread as soon as it is finished (SLF4J: MDC). */
    private final boolean immediate;

    LineBuffer(TraceSink sink, Thread owner) {
        this(sink, owner, false, CAPACITY);
    }

    private LineBuffer(TraceSink sink, Thread owner, boolean detached, int capacity) {
        this.bytes = new byte[capacity];
        this.sink = sink;
        this.owner = new WeakReference<>(owner);
        this.detached = detached;
        this.immediate = sink != null && sink.isImmediate();
    }

    /** A small buffer to encode one piece into once (it grows if needed); never written anywhere. */
    static LineBuffer scratch() {
        return new LineBuffer(null, null, true, 256);
    }

    /** The bytes written so far, finished line or not: for formats that encode a piece once. */
    byte[] copyOfPending() {
        return java.util.Arrays.copyOf(bytes, position);
    }

    /** Empties a scratch buffer, to encode the next piece into it. */
    void clearScratch() {
        if (detached) {
            position = 0;
        }
    }

    public TraceSink sink() {
        return sink;
    }

    boolean isOwnerAlive() {
        Thread thread = owner.get();
        return thread != null && thread.isAlive();
    }

    // ---- formatting, by the owner thread only

    /** A string known to be ASCII (labels, numbers' text): copied without encoding. */
    @SuppressWarnings("deprecation") // the one String method that copies chars to bytes without allocating
    public LineBuffer ascii(String s) {
        int n = s.length();
        ensure(n);
        s.getBytes(0, n, bytes, position);
        position += n;
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
        // Every line is indented, deep recursion by hundreds of columns: a copy from a row of
        // spaces is an intrinsic, 2-5x faster than Arrays.fill for 8-400 bytes (measured).
        for (int left = count; left > 0; left -= SPACES.length) {
            int n = Math.min(left, SPACES.length);
            System.arraycopy(SPACES, 0, bytes, position, n);
            position += n;
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
        putDigits(bytes, position, digits, value);
        position += digits;
        return this;
    }

    /**
     * {@code HH:MM:SS.ffffff} for a count of microseconds: a time of day, or an elapsed or relative
     * time (its hours wrap at 100).
     */
    public LineBuffer clock(long micros) {
        if (micros != clockMicros) {
            long seconds = micros / 1_000_000;
            if (clockMicros < 0 || seconds != clockMicros / 1_000_000) {
                clockText[0] = (byte) ('0' + seconds / 36000 % 10);
                clockText[1] = (byte) ('0' + seconds / 3600 % 10);
                clockText[3] = (byte) ('0' + seconds / 600 % 6);
                clockText[4] = (byte) ('0' + seconds / 60 % 10);
                clockText[6] = (byte) ('0' + seconds / 10 % 6);
                clockText[7] = (byte) ('0' + seconds % 10);
            }
            putDigits(clockText, 9, 6, (int) (micros - seconds * 1_000_000));
            clockMicros = micros;
        }
        ensure(15);
        System.arraycopy(clockText, 0, bytes, position, 15);
        position += 15;
        return this;
    }

    /**
     * Microseconds since the epoch, in decimal. Like {@link #clock}, what changes rarely is kept:
     * the same microsecond as the last time is copied whole, the same second gets six new digits.
     */
    public LineBuffer epochMicros(long micros) {
        if (micros < 1_000_000) {
            return number(micros, 0);
        }
        if (micros != epochMicros) {
            long seconds = micros / 1_000_000;
            if (epochMicros < 0 || seconds != epochMicros / 1_000_000) {
                epochLength = digitCount(seconds) + 6;
                putDigits(epochDigits, 0, epochLength - 6, seconds);
            }
            putDigits(epochDigits, epochLength - 6, 6, micros - seconds * 1_000_000);
            epochMicros = micros;
        }
        ensure(epochLength);
        System.arraycopy(epochDigits, 0, bytes, position, epochLength);
        position += epochLength;
        return this;
    }

    /** Finishes and publishes the current line; hands lines over when enough are pending. */
    public void endLine() {
        ensure(1);
        bytes[position++] = '\n';
        if (detached) {
            return;
        }
        PUBLISHED.setRelease(this, position);
        if (position >= HAND_OVER_AT || Sinks.shuttingDown || immediate) {
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
        int end = (int) PUBLISHED.getAcquire(this);
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
        if (detached) {
            bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, position + more));
            return;
        }
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
        putDigits(bytes, position, digits, value);
        position += digits;
    }

    /** The last {@code count} decimal digits of {@code value} (not negative), zero-padded, at {@code at}. */
    private static void putDigits(byte[] target, int at, int count, long value) {
        int end = at + count;
        long v = value;
        // long division only while the value needs it; two digits per division from a table
        while (v > Integer.MAX_VALUE && end - at >= 2) {
            long q = v / 100;
            end = putPair(target, end, (int) (v - q * 100));
            v = q;
        }
        putDigits(target, at, end - at, (int) (v > Integer.MAX_VALUE ? v % 10 : v));
    }

    /** The same for an int: every timestamp's microseconds and most line numbers. */
    private static void putDigits(byte[] target, int at, int count, int value) {
        int end = at + count;
        int v = value;
        while (end - at >= 2) {
            int q = v / 100;
            end = putPair(target, end, v - q * 100);
            v = q;
        }
        if (end > at) {
            target[at] = (byte) ('0' + v % 10);
        }
    }

    /** Writes {@code pair} (0-99) as two digits ending before {@code end}; returns where they start. */
    private static int putPair(byte[] target, int end, int pair) {
        target[end - 1] = DIGIT_PAIRS[2 * pair + 1];
        target[end - 2] = DIGIT_PAIRS[2 * pair];
        return end - 2;
    }

    private static int digitCount(long value) {
        if (value == Long.MIN_VALUE) {
            return 20;
        }
        long v = Math.abs(value);
        int digits = 1;
        // multiplications, not divisions; 19 digits is Long.MAX_VALUE's count (10^19 would overflow)
        for (long limit = 10; digits < 19 && v >= limit; limit *= 10) {
            digits++;
        }
        return value < 0 ? digits + 1 : digits;
    }
}
