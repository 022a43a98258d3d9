package io.jsnooper.agent.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineBufferTest {

    private final RecordingSink sink = new RecordingSink();
    private final LineBuffer buffer = new LineBuffer(sink, Thread.currentThread());

    private String line(Runnable format) {
        format.run();
        buffer.endLine();
        buffer.drain();
        String last = sink.writes.get(sink.writes.size() - 1);
        return last.substring(0, last.length() - 1);
    }

    @Test
    void numbersAreRightAlignedInTheirWidth() {
        assertEquals("  42", line(() -> buffer.number(42, 4)));
        assertEquals("   0", line(() -> buffer.number(0, 4)));
        assertEquals("  -5", line(() -> buffer.number(-5, 4)));
        assertEquals("-1234", line(() -> buffer.number(-1234, 4)));
    }

    @Test
    void aNumberWiderThanItsWidthIsWrittenWhole() {
        assertEquals("123456", line(() -> buffer.number(123456, 4)));
        assertEquals("9223372036854775807", line(() -> buffer.number(Long.MAX_VALUE, 0)));
        assertEquals("-9223372036854775808", line(() -> buffer.number(Long.MIN_VALUE, 4)));
    }

    @Test
    void everyNumberIsWrittenAsLongDoesWrite() {
        // each digit count either side of the int range, and of every power of ten
        List<Long> values = new java.util.ArrayList<>();
        for (long p = 1; p > 0 && p <= Long.MAX_VALUE / 10 * 10; p *= 10) {
            values.addAll(List.of(p - 1, p, p + 1, -p, -(p - 1), 7 * p));
        }
        values.addAll(List.of((long) Integer.MAX_VALUE, Integer.MAX_VALUE + 1L, (long) Integer.MIN_VALUE,
                Integer.MIN_VALUE - 1L, Long.MAX_VALUE - 1, Long.MIN_VALUE + 1));
        for (long value : values) {
            assertEquals(Long.toString(value), line(() -> buffer.number(value, 0)));
        }
    }

    @Test
    void zeroPaddedKeepsTheLastDigitsOfAnyNumber() {
        assertEquals("000042", line(() -> buffer.zeroPadded(42, 6)));
        assertEquals("5807", line(() -> buffer.zeroPadded(Long.MAX_VALUE, 4)));
        assertEquals("7", line(() -> buffer.zeroPadded(Long.MAX_VALUE, 1)));
        assertEquals("09223372036854775807", line(() -> buffer.zeroPadded(Long.MAX_VALUE, 20)));
        assertEquals("", line(() -> buffer.zeroPadded(123, 0)));
    }

    @Test
    void spacesOfAnyCountBeyondTheCopiedRow() {
        for (int count : new int[] {0, 1, 255, 256, 257, 1000}) {
            assertEquals(" ".repeat(count) + "|", line(() -> buffer.spaces(count).ch('|')));
        }
    }

    @Test
    void theClockIsHoursMinutesSecondsAndSixDigitsOfMicroseconds() {
        long micros = ((13 * 3600 + 5 * 60 + 9) * 1_000_000L) + 42;

        assertEquals("13:05:09.000042", line(() -> buffer.clock(micros)));
        assertEquals("00:00:00.000000", line(() -> buffer.clock(0)));
        assertEquals("23:59:59.999999", line(() -> buffer.clock(86_400_000_000L - 1)));
    }

    @Test
    void theClockIsRightWhetherTheMicrosecondOrTheSecondIsKeptOrNew() {
        long nine = (9 * 3600 + 59 * 60 + 59) * 1_000_000L;
        // the same microsecond again (copied), the same second (six digits), the next second and
        // hour, back in time, and the elapsed-time use of the same clock in between
        long[] sequence = {nine + 999_998, nine + 999_998, nine + 999_999, nine + 1_000_000, nine + 1_000_000,
            nine + 1_000_001, 1_500_000, nine + 999_998, 0, 0, 86_400_000_000L - 1};
        for (long micros : sequence) {
            long s = micros / 1_000_000;
            String expected = String.format("%02d:%02d:%02d.%06d", s / 3600, s / 60 % 60, s % 60, micros % 1_000_000);
            assertEquals(expected, line(() -> buffer.clock(micros)), "after the sequence so far, " + micros);
        }
    }

    @Test
    void epochMicrosAreDecimalWhetherTheSecondIsNewOrKept() {
        assertEquals("1795716510268405", line(() -> buffer.epochMicros(1_795_716_510_268_405L)));
        assertEquals("1795716510000007", line(() -> buffer.epochMicros(1_795_716_510_000_007L)), "the same second");
        assertEquals("1795716511999999", line(() -> buffer.epochMicros(1_795_716_511_999_999L)), "the next");
        assertEquals("10000000", line(() -> buffer.epochMicros(10_000_000L)), "fewer digits again");
        assertEquals("1000000", line(() -> buffer.epochMicros(1_000_000L)));
        assertEquals("999999", line(() -> buffer.epochMicros(999_999L)));
        assertEquals("0", line(() -> buffer.epochMicros(0)));
    }

    @Test
    void textIsWrittenAsUtf8() {
        assertEquals("caf\u00e9 \u2192 ok", line(() -> buffer.text("caf\u00e9 \u2192 ok")));
    }

    @Test
    void drainHandsOverFinishedLinesOnly() {
        buffer.ascii("first").endLine();
        buffer.ascii("second, unfinished");

        buffer.drain();
        buffer.drain();

        assertEquals(List.of("first\n"), sink.writes);

        buffer.endLine();
        buffer.drain();

        assertEquals(List.of("first\n", "second, unfinished\n"), sink.writes);
    }

    @Test
    void aLineLongerThanTheCapacityGrowsTheBufferAndArrivesWhole() {
        String longLine = "x".repeat(LineBuffer.CAPACITY + 10_000);
        buffer.ascii("short").endLine();

        buffer.ascii(longLine);
        buffer.endLine();
        buffer.drain();

        assertEquals("short\n" + longLine + "\n", sink.text());
        for (String write : sink.writes) {
            assertTrue(write.endsWith("\n"), "a write ended mid-line");
        }
    }

    @Test
    void manyLinesAreHandedOverInLargeWritesOfWholeLines() {
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            buffer.ascii("line ").number(i, 6);
            buffer.endLine();
            expected.append(String.format("line %6d%n", i));
        }
        buffer.handOver();

        assertEquals(expected.toString(), sink.text());
        assertTrue(sink.writes.size() < 10, sink.writes.size() + " writes");
        for (String write : sink.writes) {
            assertTrue(write.endsWith("\n"), "a write ended mid-line");
        }
    }
}
