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
    /** Local time of day at {@link #BASE_NANOS}, in [0, a day). */
    private static final long BASE_MICROS_OF_DAY;
    private static final long BASE_EPOCH_MICROS;

    static {
        Instant now = Instant.now();
        BASE_NANOS = System.nanoTime();
        long epochMicros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
        BASE_EPOCH_MICROS = epochMicros;
        long localMicros = epochMicros + TimeZone.getDefault().getOffset(now.toEpochMilli()) * 1_000L;
        BASE_MICROS_OF_DAY = Math.floorMod(localMicros, MICROS_PER_DAY);
    }

    private WallClock() {
    }

    /** Microseconds since the epoch (UTC) at the moment {@code nanoTime} was read. */
    public static long epochMicros(long nanoTime) {
        return BASE_EPOCH_MICROS + (nanoTime - BASE_NANOS) / 1_000;
    }

    /** Microseconds since local midnight at the moment {@code nanoTime} was read. */
    public static long microsOfDay(long nanoTime) {
        long micros = BASE_MICROS_OF_DAY + (nanoTime - BASE_NANOS) / 1_000;
        // the same day as the base, nearly always: no long division (a profile's 5 % of a line event)
        return micros >= 0 && micros < MICROS_PER_DAY ? micros : Math.floorMod(micros, MICROS_PER_DAY);
    }
}
