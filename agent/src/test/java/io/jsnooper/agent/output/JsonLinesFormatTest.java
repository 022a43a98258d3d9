package io.jsnooper.agent.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jsnooper.agent.config.SnoopSettings;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonLinesFormatTest {

    private final RecordingSink sink = new RecordingSink();
    private final LineBuffer out = new LineBuffer(sink, Thread.currentThread());
    /** normalize leaves out the time fields, which makes the objects exact. */
    private final JsonLinesFormat format = new JsonLinesFormat(SnoopSettings.DEFAULTS.with(SnoopSettings.NORMALIZE, true));
    private final TraceFormat.Call call = new FixedCall(out, 1, 0);
    private static final String COMMON = "\"thread\":\"1-main\",\"class\":\"demo.Bits\",\"method\":\"twice\","
            + "\"file\":\"Bits.java\",\"depth\":1,\"call\":7,";

    private String written() {
        out.drain();
        return sink.text();
    }

    @Test
    void aLineEventIsOneObjectWithTheTrimmedSource() {
        format.event(call, 0, TraceFormat.LINE, 6, "        if (n != 0) {".getBytes(StandardCharsets.UTF_8));

        assertEquals("{" + COMMON + "\"event\":\"line\",\"line\":6,\"source\":\"if (n != 0) {\"}\n", written());
    }

    @Test
    void valuesAreEscapedStringsAndTheChangeIsNamed() {
        format.variable(call, TraceFormat.Change.NEW, "s", "\"a\\b\"\n");
        format.variable(call, TraceFormat.Change.MODIFIED, "c", 'C', '\'');

        assertEquals("{" + COMMON + "\"event\":\"var\",\"change\":\"new\",\"name\":\"s\",\"value\":\"\\\"a\\\\b\\\"\\n\"}\n"
                + "{" + COMMON + "\"event\":\"var\",\"change\":\"modified\",\"name\":\"c\",\"value\":\"'\\\\''\"}\n",
                written());
    }

    @Test
    void aReturnCarriesItsValueAndTheEndSaysHow() {
        format.returned(call, 0, 13, "return n;".getBytes(StandardCharsets.UTF_8), 'J', 42);
        format.end(call, false, 5_000);

        assertEquals("{" + COMMON + "\"event\":\"return\",\"line\":13,\"source\":\"return n;\",\"value\":\"42\"}\n"
                + "{" + COMMON + "\"event\":\"end\",\"by\":\"return\"}\n", written());
    }
}
