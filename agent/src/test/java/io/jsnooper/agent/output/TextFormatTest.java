package io.jsnooper.agent.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jsnooper.agent.config.SnoopSettings;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextFormatTest {

    private final RecordingSink sink = new RecordingSink();
    private final LineBuffer out = new LineBuffer(sink, Thread.currentThread());
    private final long nanoTime = System.nanoTime();
    private final SnoopSettings plain = SnoopSettings.DEFAULTS.with(SnoopSettings.COLOR, "never");
    private final TextFormat format = new TextFormat(plain, sink);

    private String clock() {
        long micros = WallClock.microsOfDay(nanoTime);
        long s = micros / 1_000_000;
        return String.format("%02d:%02d:%02d.%06d", s / 3600, s / 60 % 60, s % 60, micros % 1_000_000);
    }

    private String written() {
        out.drain();
        return sink.text();
    }

    private TraceFormat.Call at(int depth) {
        return new FixedCall(out, depth, nanoTime);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anEventPadsItsNameToNineColumnsAndItsLineNumberToFour() {
        format.event(at(0), nanoTime, TraceFormat.CALL, 5, utf8("    int twice(int x) {"));

        assertEquals(clock() + " call         5     int twice(int x) {\n", written());
    }

    @Test
    void anExceptionFillsTheNineColumnsExactlyAndNamesTheException() {
        format.exception(at(0), nanoTime, 1234, utf8("x"), "java.lang.IllegalStateException: no");

        assertEquals(clock() + " exception 1234 x\nException:..... java.lang.IllegalStateException: no\n", written());
    }

    @Test
    void eachNestingLevelIndentsByFourSpaces() {
        format.event(at(2), nanoTime, TraceFormat.LINE, 17, utf8("y = 1;"));

        assertEquals("        " + clock() + " line        17 y = 1;\n", written());
    }

    @Test
    void lineNumbersReadTheSameWhetherTheirColumnIsKeptOrFormattedEachTime() {
        // 4095 is the last kept column; beyond it, and for other events, it is formatted each time
        int[] lines = {0, 1, 17, 17, 999, 4095, 4095, 4096, 12345, 123456};
        for (int line : lines) {
            format.event(at(0), nanoTime, TraceFormat.LINE, line, utf8("x;"));
            format.event(at(0), nanoTime, TraceFormat.RETURN, line, utf8("x;"));
        }

        StringBuilder expected = new StringBuilder();
        for (int line : lines) {
            expected.append(clock()).append(String.format(" line      %4d x;\n", line));
            expected.append(clock()).append(String.format(" return    %4d x;\n", line));
        }
        assertEquals(expected.toString(), written());
    }

    @Test
    void coloursSurroundTheLineNumberWhetherOrNotItsColumnIsKept() {
        TextFormat coloured = new TextFormat(SnoopSettings.DEFAULTS.with(SnoopSettings.COLOR, "always"), sink);

        coloured.event(at(0), nanoTime, TraceFormat.LINE, 17, utf8("x;"));

        assertEquals(Palette.DIM + clock() + " line        17" + Palette.NORMAL + " x;" + Palette.RESET + "\n",
                written());
    }

    @Test
    void aPrefixStartsEveryLineBeforeTheIndentation() {
        TextFormat prefixed = new TextFormat(plain.with(SnoopSettings.PREFIX, "ZZZ "), sink);

        prefixed.returned(at(1), nanoTime, 9, utf8("return y;"));

        assertEquals("ZZZ     " + clock() + " return       9 return y;\n", written());
    }

    @Test
    void relativeTimeCountsFromTheOutermostCall() {
        TextFormat relative = new TextFormat(plain.with(SnoopSettings.RELATIVE_TIME, true), sink);

        relative.event(at(0), nanoTime + 3_725_000_042_000L, TraceFormat.LINE, 3, utf8("x"));

        assertEquals("01:02:05.000042 line         3 x\n", written());
    }

    @Test
    void aVariableLineIsLabelNameEqualsValueAndTheEndSaysTheElapsedTime() {
        format.variable(at(1), TraceFormat.Change.NEW, "total", 'I', 42);
        format.variable(at(1), TraceFormat.Change.MODIFIED, "flag", 'Z', 1);
        format.variable(at(1), TraceFormat.Change.STARTING, "name", "\"ann\"");
        format.end(at(0), false, 1_500_000L);

        assertEquals("    New var:....... total = 42\n    Modified var:.. flag = true\n"
                + "    Starting var:.. name = \"ann\"\nElapsed time: 00:00:00.001500\n", written());
    }

    @Test
    void aReturnWithAValueWritesTheValueLineAfterTheEvent() {
        format.returned(at(0), nanoTime, 13, utf8("return bits;"), "[1, 1, 0]");
        format.end(at(0), true, 278_000L);

        assertEquals(clock() + " return      13 return bits;\nReturn value:.. [1, 1, 0]\n"
                + "Call ended by exception\nElapsed time: 00:00:00.000278\n", written());
    }
}
