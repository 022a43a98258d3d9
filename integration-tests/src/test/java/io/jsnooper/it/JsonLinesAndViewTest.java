package io.jsnooper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsnooper.it.fixtures.failure.OnFailureMain;
import io.jsnooper.it.fixtures.failure.PlainLoopMain;
import io.jsnooper.it.fixtures.failure.RoundTrip;
import io.jsnooper.it.fixtures.failure.TwoThreadsMain;
import io.jsnooper.it.support.ChildJvm;
import io.jsnooper.it.support.Jdk;
import io.jsnooper.it.support.TestPaths;
import io.jsnooper.it.support.TraceGrammar;
import io.jsnooper.it.support.TraceJson;
import io.jsnooper.it.support.TraceText;
import io.jsnooper.it.support.ViewCli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON Lines parse line by line and read back as the text trace; view's filters and errors, run as a user runs it. */
class JsonLinesAndViewTest {

    /** What every object has: what groups it (the call id) and orders it (the time), and what it is. */
    private static final Set<String> COMMON = Set.of("epoch_us", "call", "event");
    /** What the call object says about its call, once; the end object says it again. */
    private static final Set<String> NAMES = Set.of("thread", "class", "method", "file", "depth");

    @TempDir
    Path folder;

    private ChildJvm.Result run(Class<?> main, String trace, String options, String... args) throws Exception {
        return ChildJvm.on(Jdk.CURRENT).main(main, args).workingDirectory(folder)
                .agentOptions("sourcepath=" + TestPaths.sourceRoot() + ",output=" + folder.resolve(trace) + options)
                .run().assertSucceeded();
    }

    private String read(String name) throws Exception {
        return Files.readString(folder.resolve(name), StandardCharsets.UTF_8);
    }

    private static void assertEveryLineIsATraceObject(String jsonl) {
        for (String line : jsonl.lines().toList()) {
            Map<String, Object> object = TraceJson.object(line);
            assertTrue(object.keySet().containsAll(COMMON), line);
            String event = (String) object.get("event");
            boolean named = event.equals("call") || event.equals("end");
            assertEquals(named, object.keySet().containsAll(NAMES), "only call and end objects name the call: " + line);
            assertEquals(event.equals("call"), object.containsKey("time"), "only the call object has the local time: " + line);
            switch (event) {
                case "call": case "line": case "return":
                    assertTrue(object.containsKey("line") && object.containsKey("source"), line);
                    break;
                case "exception":
                    assertTrue(object.containsKey("exception"), line);
                    break;
                case "var":
                    assertTrue(Set.of("starting", "new", "modified").contains(object.get("change"))
                            && object.containsKey("name") && object.get("value") instanceof String, line);
                    break;
                case "omitted":
                    assertTrue(object.get("lines") instanceof java.math.BigDecimal, line);
                    break;
                case "end":
                    assertTrue(Set.of("return", "exception").contains(object.get("by")) && object.containsKey("elapsed_us"), line);
                    break;
                default:
                    throw new AssertionError("unknown event: " + line);
            }
        }
    }

    /** The first object of every call is its call object: the one that names it. */
    private static void assertEachCallStartsWithItsCallObject(String jsonl) {
        Set<Object> seen = new java.util.HashSet<>();
        for (String line : jsonl.lines().toList()) {
            Map<String, Object> object = TraceJson.object(line);
            if (seen.add(object.get("call"))) {
                assertEquals("call", object.get("event"), "the first object of its call: " + line);
            }
        }
    }

    /**
     * The times view shows on event lines, in order, are the call object's {@code time} and every
     * other object's {@code epoch_us} on this machine's clock (the child JVM's zone is this one's).
     */
    private static void assertViewShowsTheWritersLocalTimes(String jsonl, String shown) {
        List<String> expected = new java.util.ArrayList<>();
        java.time.format.DateTimeFormatter clock = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");
        for (String line : jsonl.lines().toList()) {
            Map<String, Object> object = TraceJson.object(line);
            if (Set.of("call", "line", "return", "exception").contains(object.get("event"))) {
                long micros = ((java.math.BigDecimal) object.get("epoch_us")).longValueExact();
                java.time.Instant instant = java.time.Instant.ofEpochSecond(micros / 1_000_000, micros % 1_000_000 * 1_000);
                String local = clock.format(instant.atZone(java.time.ZoneId.systemDefault()));
                expected.add(object.containsKey("time") ? (String) object.get("time") : local);
                if (object.containsKey("time")) {
                    assertEquals(local, object.get("time"), "the call object's two clocks agree: " + line);
                }
            }
        }
        List<String> times = new java.util.ArrayList<>();
        java.util.regex.Matcher event = java.util.regex.Pattern
                .compile("(?m)^\\s*(\\d\\d:\\d\\d:\\d\\d\\.\\d{6}) (call|line|return|exception) ").matcher(shown);
        while (event.find()) {
            times.add(event.group(1));
        }
        assertEquals(expected, times);
    }

    @Test
    void everyJsonLineParsesAndViewReadsItBackAsTheTextTrace() throws Exception {
        run(RoundTrip.class, "trace.txt", "");
        run(RoundTrip.class, "trace.jsonl", ",format=jsonl");
        String jsonl = read("trace.jsonl");
        assertEveryLineIsATraceObject(jsonl);
        assertEachCallStartsWithItsCallObject(jsonl);
        assertTrue(jsonl.contains("\"depth\":1"), "the nested quote() calls");

        ViewCli view = ViewCli.run(folder, "trace.jsonl");
        assertEquals(0, view.exitCode, view.toString());
        assertEquals(TraceText.normalize(read("trace.txt")), TraceText.normalize(view.stdout));
        assertViewShowsTheWritersLocalTimes(jsonl, view.stdout);
    }

    @Test
    void everyLineOfAnOnFailureJsonLinesTraceWithAGapParsesAndViewShowsTheFailedCall() throws Exception {
        run(OnFailureMain.class, "trace.txt", "", "loop", "3000");
        run(OnFailureMain.class, "trace.jsonl", ",format=jsonl", "loop", "3000");
        String jsonl = read("trace.jsonl");
        assertEveryLineIsATraceObject(jsonl);
        assertEachCallStartsWithItsCallObject(jsonl);
        assertTrue(jsonl.contains("\"event\":\"omitted\""), "a gap: 3,000 rounds are more than a capture keeps");

        ViewCli view = ViewCli.run(folder, "trace.jsonl", "--failed");
        assertEquals(0, view.exitCode, view.toString());
        // a capture keeps 1,000 lines either side of the gap; a JSON object is not always one text line
        // (the text's Source path, Exception and Elapsed lines), so the gap falls a few lines apart
        List<String> text = TraceText.normalize(read("trace.txt")).lines().toList();
        List<String> shown = TraceText.normalize(view.stdout).lines().toList();
        assertEquals(text.subList(0, 990), shown.subList(0, 990));
        assertEquals(text.subList(text.size() - 990, text.size()), shown.subList(shown.size() - 990, shown.size()));
        assertEquals(1, shown.stream().filter(line -> line.matches("\\.\\.\\. \\d+ lines omitted \\.\\.\\.")).count(), view.stdout);
    }

    /** As for the text trace: the capture is the whole trace with its middle cut, and the gap counts its objects. */
    @Test
    void aLongFailedCallInJsonLinesIsTheWholeTraceWithItsMiddleCutAndTheCutCountedExactly() throws Exception {
        String options = ",format=jsonl,normalize=true,include=" + PlainLoopMain.class.getName() + "#loop";
        run(PlainLoopMain.class, "whole.jsonl", options, "1500");
        run(PlainLoopMain.class, "kept.jsonl", options + ",onFailure=true", "1500");
        List<String> whole = read("whole.jsonl").lines().toList();
        List<String> kept = read("kept.jsonl").lines().toList();

        int gap = -1;
        for (int i = 0; i < kept.size(); i++) {
            if ("omitted".equals(TraceJson.object(kept.get(i)).get("event"))) {
                gap = i;
            }
        }
        assertEquals(999, gap, "the head keeps 1000 entries, an object each but the first: the source path");
        long omitted = ((java.math.BigDecimal) TraceJson.object(kept.get(gap)).get("lines")).longValueExact();
        List<String> head = kept.subList(0, gap);
        List<String> tail = kept.subList(gap + 1, kept.size());
        assertEquals(whole.size(), head.size() + omitted + tail.size(), "kept + omitted = the whole trace");
        assertEquals(whole.subList(0, head.size()), head);
        assertEquals(whole.subList(whole.size() - tail.size(), whole.size()), tail);
    }

    /** Each call's lines come together: a call event, its lines on one thread, then its end, before the next call. */
    private static void assertCallsWhole(String shown, String thread) {
        List<String> lines = shown.lines().toList();
        boolean inCall = false;
        for (String line : lines) {
            if (line.contains(" call ")) {
                assertTrue(!inCall, "a call starts inside another:\n" + shown);
                inCall = true;
            }
            if (line.matches("^\\d\\d:.*")) {
                assertTrue(line.substring(16).startsWith(thread), "another thread's line in a call: " + line);
            }
            if (line.startsWith("Elapsed time: ")) {
                assertTrue(inCall, "an end without a call:\n" + shown);
                inCall = false;
            }
        }
        assertTrue(!inCall, "the last call has no end");
    }

    @Test
    void viewRegroupsTheCallsOfInterleavedThreadsAndFiltersThem() throws Exception {
        run(TwoThreadsMain.class, "trace.log", ",threadInfo=true", "300");
        run(TwoThreadsMain.class, "trace.jsonl", ",format=jsonl", "300");
        for (String trace : new String[] {"trace.log", "trace.jsonl"}) {
            ViewCli payments = ViewCli.run(folder, trace, "--thread", "payments");
            assertEquals(0, payments.exitCode, payments.toString());
            assertEquals(300, TraceGrammar.countLabelled(payments.stdout, "Elapsed time:"), trace);
            java.util.regex.Matcher thread = java.util.regex.Pattern.compile("(?m)^\\S+ (\\d+-payments) +call ")
                    .matcher(payments.stdout);
            assertTrue(thread.find(), payments.toString());
            assertCallsWhole(payments.stdout, thread.group(1));
            assertTrue(!payments.stdout.contains("ship(int order)"), trace);

            ViewCli failed = ViewCli.run(folder, trace, "--failed");
            assertEquals(300 / 7, TraceGrammar.countLabelled(failed.stdout, "Call ended by exception"), trace);
            assertEquals(300 / 7, TraceGrammar.countLabelled(failed.stdout, "Elapsed time:"), trace);

            ViewCli ship = ViewCli.run(folder, trace, "--method", "TwoThreadsMain#ship");
            assertEquals(300, TraceGrammar.countLabelled(ship.stdout, "Elapsed time:"), trace);
            assertTrue(!ship.stdout.contains("pay(int order)"), trace);

            ViewCli grep = ViewCli.run(folder, trace, "--grep", "declined for order 294");
            assertEquals(1, TraceGrammar.countLabelled(grep.stdout, "Starting var:.."), grep.toString());
            assertTrue(grep.stdout.contains("Starting var:.. order = 294\n"), grep.toString());

            assertEquals("", ViewCli.run(folder, trace, "--since", "23:59:59.999999").stdout, "nothing that late");
        }
    }

    @Test
    void viewOnAMissingEmptyForeignOrCutFileSaysWhatIsWrongAndFails() throws Exception {
        ViewCli missing = ViewCli.run(folder, "absent.log");
        assertEquals(1, missing.exitCode);
        assertTrue(missing.stderr.contains("absent.log: no such file"), missing.toString());

        Files.writeString(folder.resolve("empty.log"), "");
        ViewCli empty = ViewCli.run(folder, "empty.log");
        assertEquals(1, empty.exitCode);
        assertTrue(empty.stderr.contains("empty.log is empty"), empty.toString());

        Files.copy(TestPaths.sourceRoot().resolve("io/jsnooper/it/fixtures/failure/RoundTrip.java"), folder.resolve("code.java"));
        ViewCli foreign = ViewCli.run(folder, "code.java");
        assertEquals(1, foreign.exitCode);
        assertTrue(foreign.stderr.contains("code.java is not a JSnooper trace"), foreign.toString());

        run(RoundTrip.class, "trace.log", "");
        byte[] whole = Files.readAllBytes(folder.resolve("trace.log"));
        int cut = new String(whole, StandardCharsets.UTF_8).indexOf("Return value:") + 5;
        Files.write(folder.resolve("cut.log"), Arrays.copyOf(whole, cut));
        ViewCli truncated = ViewCli.run(folder, "cut.log");
        assertEquals(1, truncated.exitCode);
        assertTrue(truncated.stderr.contains("cut.log is truncated"), truncated.toString());
        assertTrue(truncated.stdout.contains(" call "), "the whole lines before the cut are shown");

        ViewCli usage = ViewCli.run(folder, "trace.log", "--no-such-option");
        assertEquals(2, usage.exitCode, usage.toString());
    }
}
