package io.jsnooper.bench;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.TimeZone;

/**
 * The "hand-written ideal": the agent's text, byte for byte in format, written by code that
 * knows the workload in advance — every label, name and source line pre-encoded, one base for the
 * wall clock plus {@code nanoTime} per line event, digits by hand, into a 64 KiB buffer written to
 * the file when full. No per-thread lookup, no method table, no flusher, no lock.
 */
final class IdealTraceWriter implements AutoCloseable {

    private static final int CAPACITY = 64 * 1024;
    /** Longest line this writer produces is well under this. */
    private static final int MAX_LINE = 256;
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private final FileOutputStream out;
    private final byte[] buf = new byte[CAPACITY];
    private int pos;
    private final long baseNanos;
    private final long baseLocalMicros;

    IdealTraceWriter(Path file) {
        try {
            out = new FileOutputStream(file.toFile(), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Instant now = Instant.now();
        baseNanos = System.nanoTime();
        baseLocalMicros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000
                + TimeZone.getDefault().getOffset(now.toEpochMilli()) * 1_000L;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code HH:MM:SS.ffffff line      NNNN source}: {@code eventAndLine} is {@code " line        21 "}. */
    void lineEvent(byte[] eventAndLine, byte[] source) {
        room();
        long micros = Math.floorMod(baseLocalMicros + (System.nanoTime() - baseNanos) / 1_000, MICROS_PER_DAY);
        long seconds = micros / 1_000_000;
        two(seconds / 3600);
        buf[pos++] = ':';
        two(seconds / 60 % 60);
        buf[pos++] = ':';
        two(seconds % 60);
        buf[pos++] = '.';
        int frac = (int) (micros % 1_000_000);
        for (int i = pos + 5; i >= pos; i--) {
            buf[i] = (byte) ('0' + frac % 10);
            frac /= 10;
        }
        pos += 6;
        put(eventAndLine);
        put(source);
        buf[pos++] = '\n';
    }

    /** {@code Modified var:.. x = 42}: {@code labelAndName} is {@code "Modified var:.. x = "}. */
    void variable(byte[] labelAndName, long value) {
        room();
        put(labelAndName);
        if (value < 0) {
            buf[pos++] = '-';
            value = -value;
        }
        int digits = 1;
        for (long v = value; v >= 10; v /= 10) {
            digits++;
        }
        for (int i = pos + digits - 1; i >= pos; i--) {
            buf[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        pos += digits;
        buf[pos++] = '\n';
    }

    private void two(long v) {
        buf[pos++] = (byte) ('0' + v / 10);
        buf[pos++] = (byte) ('0' + v % 10);
    }

    private void put(byte[] b) {
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
    }

    private void room() {
        if (pos > CAPACITY - MAX_LINE) {
            flush();
        }
    }

    void flush() {
        try {
            out.write(buf, 0, pos);
            pos = 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        flush();
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
