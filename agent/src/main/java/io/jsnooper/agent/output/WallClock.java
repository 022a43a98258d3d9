package io.jsnooper.agent.output;

import java.time.Instant;
import java.util.TimeZone;

/**
 * Local wall-clock time in microseconds, derived from {@link System#nanoTime()} and one base read at
 * start-up: reading the wall clock and a zone per event would cost several times more (see the
 * cost table in the design notes).
 */
public final class WallClock {

    private static final long MICROS_PER_DAY = 86_400_000_000L;
    private static final long BASE_NANOS;
    private static final long BASE_LOCAL_MICROS;
    private static final long BASE_EPOCH_MICROS;

    static {
        Instant now = Instant.now();
        BASE_NANOS = System.nanoTime();
        long epochMicros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
        BASE_EPOCH_MICROS = epochMicros;
        BASE_LOCAL_MICROS = epochMicros + TimeZone.getDefault().getOffset(now.toEpochMilli()) * 1_000L;
    }

    private WallClock() {
    }

    /** Microseconds since the epoch (UTC) at the moment {@code nanoTime} was read. */
    public static long epochMicros(long nanoTime) {
        return BASE_EPOCH_MICROS + (nanoTime - BASE_NANOS) / 1_000;
    }

    /** Microseconds since local midnight at the moment {@code nanoTime} was read. */
    public static long microsOfDay(long nanoTime) {
        return Math.floorMod(BASE_LOCAL_MICROS + (nanoTime - BASE_NANOS) / 1_000, MICROS_PER_DAY);
    }
}
