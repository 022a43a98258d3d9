package io.jsnooper.agent.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jsnooper.agent.config.SnoopSettings;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TraceFormatterTest {

    private final RecordingSink sink = new RecordingSink();
    private final LineBuffer out = new LineBuffer(sink, Thread.currentThread());
    private final long nanoTime = System.nanoTime();
    private final TraceFormatter formatter = new TraceFormatter(SnoopSettings.DEFAULTS.with(SnoopSettings.COLOR, "never"), sink);

    private String clock() {
        long micros = WallClock.microsOfDay(nanoTime);
        long s = micros / 1_000_000;
        return String.format("%02d:%02d:%02d.%06d", s / 3600, s / 60 % 60, s % 60, micros % 1_000_000);
    }

    private String written() {
        out.drain();
        return sink.text();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anEventPadsItsNameToNineColumnsAndItsLineNumberToFour() {
        formatter.event(out, 0, nanoTime, nanoTime, "main", TraceFormatter.CALL, 5, utf8("    int twice(int x) {"));

        assertEquals(clock() + " call         5     int twice(int x) {\n", written());
    }

    @Test
    void exceptionFillsTheNineColumnsExactly() {
        formatter.event(out, 0, nanoTime, nanoTime, "main", TraceFormatter.EXCEPTION_EVENT, 1234, utf8("x"));

        assertEquals(clock() + " exception 1234 x\n", written());
    }

    @Test
    void eachNestingLevelIndentsByFourSpaces() {
        formatter.event(out, 2, nanoTime, nanoTime, "main", TraceFormatter.LINE, 17, utf8("y = 1;"));

        assertEquals("        " + clock() + " line        17 y = 1;\n", written());
    }

    @Test
    void aPrefixStartsEveryLineBeforeTheIndentation() {
        TraceFormatter prefixed = new TraceFormatter(SnoopSettings.DEFAULTS.with(SnoopSettings.COLOR, "never")
                .with(SnoopSettings.PREFIX, "ZZZ "), sink);

        prefixed.event(out, 1, nanoTime, nanoTime, "main", TraceFormatter.RETURN, 9, utf8("return y;"));

        assertEquals("ZZZ     " + clock() + " return       9 return y;\n", written());
    }

    @Test
    void relativeTimeCountsFromTheOutermostCall() {
        TraceFormatter relative = new TraceFormatter(SnoopSettings.DEFAULTS.with(SnoopSettings.COLOR, "never")
                .with(SnoopSettings.RELATIVE_TIME, true), sink);

        relative.event(out, 0, nanoTime + 3_725_000_042_000L, nanoTime, "main", TraceFormatter.LINE, 3, utf8("x"));

        assertEquals("01:02:05.000042 line         3 x\n", written());
    }

    @Test
    void aVariableLineIsLabelNameEqualsValue() {
        formatter.variable(out, 1, TraceFormatter.NEW_VAR, "total").ascii("42");
        formatter.endValue(out);
        formatter.elapsed(out, 0, 1_500_000L);

        assertEquals("    New var:....... total = 42\nElapsed time: 00:00:00.001500\n", written());
    }
}
