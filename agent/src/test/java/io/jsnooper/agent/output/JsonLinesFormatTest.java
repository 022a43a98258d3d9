package io.jsnooper.agent.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsnooper.agent.config.SnoopSettings;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class JsonLinesFormatTest {

    private final RecordingSink sink = new RecordingSink();
    private final LineBuffer out = new LineBuffer(sink, Thread.currentThread());
    /** normalize leaves out the time fields, which makes the objects exact. */
    private final JsonLinesFormat format = new JsonLinesFormat(SnoopSettings.DEFAULTS.with(SnoopSettings.NORMALIZE, true));
    private final TraceFormat.Call call = new FixedCall(out, 1, 0);
    private static final String NAMES = "\"thread\":\"1-main\",\"class\":\"demo.Bits\",\"method\":\"twice\","
            + "\"file\":\"Bits.java\",\"depth\":1";

    private String written() {
        out.drain();
        return sink.text();
    }

    private static byte[] source(String line) {
        return line.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theCallObjectNamesTheCallAndLaterObjectsOnlyItsId() {
        format.event(call, 0, TraceFormat.CALL, 5, source("    static int twice(int n) {"));
        format.event(call, 0, TraceFormat.LINE, 6, source("        if (n != 0) {"));

        assertEquals("{\"call\":7,\"event\":\"call\"," + NAMES + ",\"line\":5,\"source\":\"    static int twice(int n) {\"}\n"
                + "{\"call\":7,\"event\":\"line\",\"line\":6,\"source\":\"        if (n != 0) {\"}\n", written());
    }

    @Test
    void startingVariablesWaitForTheCallObject() {
        format.variable(call, TraceFormat.Change.STARTING, "n", 'I', 6);
        format.variable(call, TraceFormat.Change.STARTING, "s", "\"x\"");
        assertEquals("", written(), "nothing before the call object");

        format.event(call, 0, TraceFormat.CALL, 5, source("static int twice(int n) {"));

        assertEquals("{\"call\":7,\"event\":\"call\"," + NAMES + ",\"line\":5,\"source\":\"static int twice(int n) {\"}\n"
                + "{\"call\":7,\"event\":\"var\",\"change\":\"starting\",\"name\":\"n\",\"value\":\"6\"}\n"
                + "{\"call\":7,\"event\":\"var\",\"change\":\"starting\",\"name\":\"s\",\"value\":\"\\\"x\\\"\"}\n", written());
    }

    @Test
    void eachCallObjectHasItsOwnIdAndDepthWhenTheNamesAreReusedFromTheCallBefore() {
        format.event(new FixedCall(out, 1, 0, 8), 0, TraceFormat.CALL, 5, source("int f() {"));
        format.event(new FixedCall(out, 2, 0, 9), 0, TraceFormat.CALL, 5, source("int f() {"));
        format.end(new FixedCall(out, 1, 0, 10), false, 0);

        assertEquals("{\"call\":8,\"event\":\"call\"," + NAMES + ",\"line\":5,\"source\":\"int f() {\"}\n"
                + "{\"call\":9,\"event\":\"call\"," + NAMES.replace("\"depth\":1", "\"depth\":2") + ",\"line\":5,\"source\":\"int f() {\"}\n"
                + "{\"call\":10,\"event\":\"end\"," + NAMES + ",\"by\":\"return\"}\n", written());
    }

    @Test
    void everyEntryIsOneObjectButTheSourcePathIsNone() {
        for (TraceFormat.Entry entry : TraceFormat.Entry.values()) {
            assertEquals(entry == TraceFormat.Entry.SOURCE_PATH ? 0 : 1, format.lines(entry), entry.name());
        }
    }

    @Test
    void theGapOfAnOnFailureCaptureIsAnObjectToo() {
        format.omitted(call, out, 12);

        assertEquals("{\"call\":7,\"event\":\"omitted\",\"lines\":12}\n", written());
    }

    @Test
    void valuesAreEscapedStringsAndTheChangeIsNamed() {
        format.variable(call, TraceFormat.Change.NEW, "s", "\"a\\b\"\n");
        format.variable(call, TraceFormat.Change.MODIFIED, "c", 'C', '\'');

        assertEquals("{\"call\":7,\"event\":\"var\",\"change\":\"new\",\"name\":\"s\",\"value\":\"\\\"a\\\\b\\\"\\n\"}\n"
                + "{\"call\":7,\"event\":\"var\",\"change\":\"modified\",\"name\":\"c\",\"value\":\"'\\\\''\"}\n",
                written());
    }

    @Test
    void aReturnCarriesItsValueAndTheEndSaysHowAndNamesTheCallAgain() {
        format.returned(call, 0, 13, source("return n;"), 'J', 42);
        format.end(call, false, 5_000);

        assertEquals("{\"call\":7,\"event\":\"return\",\"line\":13,\"source\":\"return n;\",\"value\":\"42\"}\n"
                + "{\"call\":7,\"event\":\"end\"," + NAMES + ",\"by\":\"return\"}\n", written());
    }

    @Test
    void theCallObjectHasBothClocksAndAVariableTheTimeOfTheEventBeforeIt() {
        JsonLinesFormat timed = new JsonLinesFormat(SnoopSettings.DEFAULTS);
        long start = System.nanoTime();
        long later = start + 2_500_000;
        timed.event(call, start, TraceFormat.CALL, 5, source("int f() {"));
        timed.event(call, later, TraceFormat.LINE, 6, source("x = 1;"));
        timed.variable(call, TraceFormat.Change.NEW, "x", 'I', 1);

        LineBuffer clock = LineBuffer.scratch();
        clock.clock(WallClock.microsOfDay(start));
        String time = new String(clock.copyOfPending(), StandardCharsets.US_ASCII);
        long startMicros = WallClock.epochMicros(start);
        long laterMicros = WallClock.epochMicros(later);
        assertEquals("{\"time\":\"" + time + "\",\"epoch_us\":" + startMicros + ",\"call\":7,\"event\":\"call\","
                + NAMES.replace("Bits.java", "/src/demo/Bits.java") + ",\"line\":5,\"source\":\"int f() {\"}\n"
                + "{\"epoch_us\":" + laterMicros + ",\"call\":7,\"event\":\"line\",\"line\":6,\"source\":\"x = 1;\"}\n"
                + "{\"epoch_us\":" + laterMicros + ",\"call\":7,\"event\":\"var\",\"change\":\"new\",\"name\":\"x\",\"value\":\"1\"}\n",
                written());
    }

    @Test
    void aVariableAfterANestedCallTakesTheTimeOfThatCallsEndSoTimesNeverGoBack() {
        JsonLinesFormat timed = new JsonLinesFormat(SnoopSettings.DEFAULTS);
        TraceFormat.Call inner = new FixedCall(out, 2, 0, 8);
        timed.event(call, System.nanoTime(), TraceFormat.LINE, 6, source("list.add(inner());"));
        timed.event(inner, System.nanoTime() + 1_000_000, TraceFormat.CALL, 9, source("int inner() {"));
        timed.end(inner, false, 1_000);
        timed.variable(call, TraceFormat.Change.MODIFIED, "list", "[1]");

        List<String> lines = written().lines().collect(Collectors.toList());
        assertEquals(4, lines.size());
        assertEquals(epochMicros(lines.get(2)), epochMicros(lines.get(3)), "the end's time: " + lines);
        assertTrue(epochMicros(lines.get(3)) > epochMicros(lines.get(0)), lines.toString());
    }

    @Test
    void theEndTakesTheTimeOfTheReturnBeforeIt() {
        JsonLinesFormat timed = new JsonLinesFormat(SnoopSettings.DEFAULTS);
        long returned = System.nanoTime() - 5_000_000;
        timed.returned(call, returned, 13, source("return n;"), 'I', 1);
        timed.end(call, false, 1_000);

        List<String> lines = written().lines().collect(Collectors.toList());
        assertEquals(WallClock.epochMicros(returned), epochMicros(lines.get(0)));
        assertEquals(WallClock.epochMicros(returned), epochMicros(lines.get(1)), lines.toString());
    }

    private static long epochMicros(String object) {
        Matcher time = Pattern.compile("\"epoch_us\":(\\d+)").matcher(object);
        assertTrue(time.find(), object);
        return Long.parseLong(time.group(1));
    }
}
