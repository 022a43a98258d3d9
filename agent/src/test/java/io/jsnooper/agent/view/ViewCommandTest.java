package io.jsnooper.agent.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ViewCommandTest {

    @TempDir
    Path folder;

    private String stdout;
    private String stderr;

    private int view(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ViewCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        stdout = out.toString(StandardCharsets.UTF_8);
        stderr = err.toString(StandardCharsets.UTF_8);
        return status;
    }

    private String file(String name, String text) throws Exception {
        Path path = folder.resolve(name);
        Files.writeString(path, text, StandardCharsets.UTF_8);
        return path.toString();
    }

    // ---- a text trace with a thread column: two threads' calls interleaved in the file

    private static final String MAIN_CALL = String.join("\n",
            "Source path:... /src/demo/Bits.java",
            "Starting var:.. n = 6",
            "10:00:00.000001 1-main    call         5     static int twice(int n) {",
            "10:00:00.000002 1-main    line         6         int doubled = n * 2;",
            "New var:....... doubled = 12",
            "10:00:00.000003 1-main    line         7         return doubled;",
            "10:00:00.000004 1-main    return       7         return doubled;",
            "Return value:.. 12",
            "Elapsed time: 00:00:00.000010",
            "");
    private static final String INTERLEAVED = String.join("\n",
            "Source path:... /src/demo/Bits.java",
            "Starting var:.. n = 6",
            "10:00:00.000001 1-main    call         5     static int twice(int n) {",
            "10:00:00.000002 1-main    line         6         int doubled = n * 2;",
            "Source path:... /src/demo/Bits.java",
            "Starting var:.. s = null",
            "10:00:00.000002 12-worker call        11     static int parse(String s) {",
            "10:00:00.000003 12-worker line        12         return Integer.parseInt(s);",
            "10:00:00.000003 12-worker exception   12         return Integer.parseInt(s);",
            "Exception:..... java.lang.NumberFormatException: null",
            "New var:....... doubled = 12", // main's again: a new chunk of main's lines
            "10:00:00.000003 1-main    line         7         return doubled;",
            "10:00:00.000004 1-main    return       7         return doubled;",
            "Return value:.. 12",
            "Elapsed time: 00:00:00.000010",
            "Call ended by exception", // the worker's, after main's chunk
            "Elapsed time: 00:00:00.000020",
            "");

    @Test
    void aTextTraceWithAThreadColumnPrintsEachThreadsCallWholeEvenWhenTheFileInterleavesThem() throws Exception {
        String trace = file("t.log", INTERLEAVED);
        assertEquals(0, view(trace, "--thread", "main"), stderr);

        assertEquals(MAIN_CALL, stdout, "padded to the widest thread");
        assertEquals(0, view(trace, "--thread", "worker"));
        assertEquals(String.join("\n",
                "Source path:... /src/demo/Bits.java",
                "Starting var:.. s = null",
                "10:00:00.000002 12-worker call        11     static int parse(String s) {",
                "10:00:00.000003 12-worker line        12         return Integer.parseInt(s);",
                "10:00:00.000003 12-worker exception   12         return Integer.parseInt(s);",
                "Exception:..... java.lang.NumberFormatException: null",
                "Call ended by exception",
                "Elapsed time: 00:00:00.000020",
                ""), stdout);
    }

    @Test
    void failedShowsOnlyCallsThatEndedByAnException() throws Exception {
        String trace = file("t.log", INTERLEAVED);
        assertEquals(0, view(trace, "--failed"));
        assertTrue(stdout.contains("12-worker call"), stdout);
        assertTrue(!stdout.contains("1-main"), stdout);
    }

    @Test
    void methodMatchesTheNameOrClassHashNameWithStars() throws Exception {
        String trace = file("t.log", INTERLEAVED);
        view(trace, "--method", "twice");
        assertTrue(stdout.contains("twice") && !stdout.contains("parse("), stdout);
        view(trace, "--method", "Bits#par*");
        assertTrue(stdout.contains("parse(") && !stdout.contains("twice"), stdout);
        view(trace, "--method", "nothing");
        assertEquals("", stdout);
    }

    @Test
    void grepKeepsCallsWithALineContainingTheText() throws Exception {
        String trace = file("t.log", INTERLEAVED);
        view(trace, "--grep", "NumberFormatException");
        assertTrue(stdout.contains("12-worker call") && !stdout.contains("1-main"), stdout);
    }

    @Test
    void sinceKeepsCallsThatStartedAtOrAfterTheTime() throws Exception {
        String trace = file("t.log", INTERLEAVED);
        view(trace, "--since", "10:00:00.000002");
        assertTrue(stdout.contains("12-worker call") && !stdout.contains("1-main"), stdout);
        view(trace, "--since", "09:59");
        assertTrue(stdout.contains("12-worker call") && stdout.contains("1-main"), stdout);
        assertEquals(2, view(trace, "--since", "tomorrow"));
        assertTrue(stderr.contains("not a time"), stderr);
    }

    // ---- text without a thread column: nesting, prefix, normalize, the onFailure gap

    @Test
    void withoutAThreadColumnCallsAreToldApartByTheirNestingAndAPrefixIsKept() throws Exception {
        String trace = String.join("\n",
                "ORDER Source path:... Calls.java",
                "ORDER Starting var:.. x = 1",
                "ORDER                 call         3     int outer(int x) {",
                "ORDER                 line         4         return inner(x) + 1;",
                "ORDER     Starting var:.. y = 1",
                "ORDER                     call         7     int inner(int y) {",
                "ORDER                     line         8         return y * 2;",
                "ORDER                     return       8         return y * 2;",
                "ORDER     Return value:.. 2",
                "ORDER                 return       4         return inner(x) + 1;",
                "ORDER Return value:.. 3",
                "ORDER Starting var:.. x = 5",
                "ORDER                 call         3     int outer(int x) {",
                "ORDER                 line         4         return inner(x) + 1;",
                "ORDER                 exception    4         return inner(x) + 1;",
                "ORDER Exception:..... java.lang.IllegalStateException: five",
                "ORDER Call ended by exception",
                "");
        assertEquals(0, view(file("n.log", trace), "--method", "inner"), stderr);
        assertEquals(trace.substring(0, trace.indexOf("ORDER Starting var:.. x = 5")), stdout,
                "only the first outer call has an inner call");
    }

    @Test
    void theOmittedLinesGapOfAnOnFailureCaptureKeepsTheOutermostCallTogether() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("Starting var:.. n = 3");
        lines.add("10:00:00.000001 call         3     void loop(int n) {");
        lines.add("10:00:00.000002 line         4         helper(n);");
        lines.add("    10:00:00.000003 call         9     void helper(int n) {");
        lines.add("... 77 lines omitted ...");
        lines.add("    10:00:00.000004 return      10         }");
        lines.add("10:00:00.000005 line         5         throw new IllegalStateException();");
        lines.add("10:00:00.000005 exception    5         throw new IllegalStateException();");
        lines.add("Exception:..... java.lang.IllegalStateException");
        lines.add("Call ended by exception");
        lines.add("Elapsed time: 00:00:00.000100");
        lines.add("10:00:01.000000 call         3     void loop(int n) {");
        lines.add("10:00:01.000001 return       3     void loop(int n) {");
        lines.add("Elapsed time: 00:00:00.000001");
        String trace = String.join("\n", lines) + "\n";

        assertEquals(0, view(file("gap.log", trace), "--failed"), stderr);
        assertEquals(String.join("\n", lines.subList(0, 11)) + "\n", stdout);
    }

    @Test
    void aNormalizedTraceWithBlankTimesIsReadToo() throws Exception {
        String trace = String.join("\n",
                "Starting var:.. n = 2",
                "                call         3     int f(int n) {",
                "                return       3     int f(int n) {",
                "Return value:.. 2",
                "");
        assertEquals(0, view(file("norm.log", trace)), stderr);
        assertEquals(trace, stdout);
    }

    // ---- JSON Lines

    /** 10:00:00 UTC on 2026-01-01, in microseconds since the epoch. */
    private static final long TEN_UTC = 1_767_261_600_000_000L;

    private static String names(String thread, String method, int depth) {
        return "\"thread\":\"" + thread + "\",\"class\":\"demo.C\",\"method\":\"" + method + "\",\"file\":\"C.java\",\"depth\":" + depth;
    }

    /** A call's first object: both clocks, its id and its names. */
    private static String callObject(String time, long epoch, int id, String names, int line, String source) {
        return "{\"time\":\"" + time + "\",\"epoch_us\":" + epoch + ",\"call\":" + id + ",\"event\":\"call\"," + names
                + ",\"line\":" + line + ",\"source\":\"" + source + "\"}";
    }

    /** Any later object: the time, the call id, and its own fields. */
    private static String object(long epoch, int id, String event, String rest) {
        return "{\"epoch_us\":" + epoch + ",\"call\":" + id + ",\"event\":\"" + event + "\"" + (rest.isEmpty() ? "" : "," + rest) + "}";
    }

    private static String endObject(long epoch, int id, String names, String by) {
        return object(epoch, id, "end", names + ",\"by\":\"" + by + "\"");
    }

    @Test
    void aJsonLinesTraceIsPrintedAsTheTextTraceWouldHaveBeenOnTheWritersClock() throws Exception {
        String twice = names("1-main", "twice", 0);
        String trace = String.join("\n",
                // the writer's clock was UTC+05:30: its call object says so, whatever the reader's zone
                callObject("15:30:00.000001", TEN_UTC + 1, 7, twice, 5, "static int twice(int n) {"),
                object(TEN_UTC + 1, 7, "var", "\"change\":\"starting\",\"name\":\"n\",\"value\":\"6\""),
                object(TEN_UTC + 3, 7, "line", "\"line\":6,\"source\":\"return n * 2;\""),
                object(TEN_UTC + 3, 7, "var", "\"change\":\"new\",\"name\":\"s\",\"value\":\"\\\"a\\\\b\\\"\""),
                object(TEN_UTC + 4, 7, "return", "\"line\":6,\"source\":\"return n * 2;\",\"value\":\"12\""),
                object(TEN_UTC + 5, 7, "end", twice + ",\"by\":\"return\",\"elapsed_us\":1500"),
                "");
        assertEquals(0, view(file("t.jsonl", trace)), stderr);
        assertEquals(String.join("\n",
                "Source path:... C.java",
                "Starting var:.. n = 6",
                "15:30:00.000001 call         5 static int twice(int n) {",
                "15:30:00.000003 line         6 return n * 2;",
                "New var:....... s = \"a\\b\"",
                "15:30:00.000004 return       6 return n * 2;",
                "Return value:.. 12",
                "Elapsed time: 00:00:00.001500",
                ""), stdout);
    }

    @Test
    void anOlderAgentsObjectsThatEachNameTheirCallReadTheSame() throws Exception {
        String header = "\"time\":\"10:00:00.000001\",\"epoch_us\":1767261600000001,\"thread\":\"1-main\",\"class\":\"demo.Bits\","
                + "\"method\":\"twice\",\"file\":\"Bits.java\",\"depth\":0,\"call\":7,";
        String trace = String.join("\n",
                "{" + header + "\"event\":\"var\",\"change\":\"starting\",\"name\":\"n\",\"value\":\"6\"}",
                "{" + header + "\"event\":\"call\",\"line\":5,\"source\":\"static int twice(int n) {\"}",
                "{" + header + "\"event\":\"return\",\"line\":5,\"source\":\"static int twice(int n) {\",\"value\":\"12\"}",
                "{" + header + "\"event\":\"end\",\"by\":\"return\",\"elapsed_us\":1500}",
                "... 3 lines omitted ...",
                "");
        assertEquals(0, view(file("old.jsonl", trace)), stderr);
        assertEquals(String.join("\n",
                "Source path:... Bits.java",
                "Starting var:.. n = 6",
                "10:00:00.000001 call         5 static int twice(int n) {",
                "10:00:00.000001 return       5 static int twice(int n) {",
                "Return value:.. 12",
                "Elapsed time: 00:00:00.001500",
                "... 3 lines omitted ...",
                ""), stdout);
    }

    @Test
    void jsonLinesSourceGetsItsIndentationBackFromTheSourceFile() throws Exception {
        String source = file("C.java", "class C {\n    static int twice(int n) {\n        return n * 2;\n    }\n}\n");
        String twice = names("1-main", "twice", 0).replace("C.java", source);
        String trace = String.join("\n",
                callObject("10:00:00.000001", TEN_UTC + 1, 7, twice, 2, "static int twice(int n) {"),
                object(TEN_UTC + 2, 7, "line", "\"line\":3,\"source\":\"return n * 2;\""),
                "");
        view(file("t.jsonl", trace));
        assertTrue(stdout.contains("call         2     static int twice(int n) {\n"), stdout);
        assertTrue(stdout.contains("line         3         return n * 2;\n"), stdout);
    }

    @Test
    void jsonLinesCallsOfDifferentThreadsRegroupByCallIdWithAThreadColumn() throws Exception {
        String a = names("1-main", "a", 0);
        String b = names("13-pool-1", "b", 0);
        String c = names("1-main", "c", 1);
        String trace = String.join("\n",
                callObject("10:00:00.000001", TEN_UTC + 1, 1, a, 1, "void a() {"),
                callObject("10:00:00.000002", TEN_UTC + 2, 2, b, 5, "void b() {"),
                callObject("10:00:00.000003", TEN_UTC + 3, 3, c, 9, "void c() {"),
                object(TEN_UTC + 4, 2, "exception", "\"line\":5,\"source\":\"void b() {\",\"exception\":\"E\""),
                endObject(TEN_UTC + 4, 2, b, "exception"),
                object(TEN_UTC + 5, 3, "return", "\"line\":9,\"source\":\"void c() {\""),
                endObject(TEN_UTC + 5, 3, c, "return"),
                object(TEN_UTC + 6, 1, "return", "\"line\":1,\"source\":\"void a() {\""),
                endObject(TEN_UTC + 6, 1, a, "return"),
                "");
        assertEquals(0, view(file("t.jsonl", trace)), stderr);
        assertEquals(String.join("\n",
                "Source path:... C.java",
                "10:00:00.000001 1-main    call         1 void a() {",
                "    10:00:00.000003 1-main    call         9 void c() {",
                "    10:00:00.000005 1-main    return       9 void c() {",
                "10:00:00.000006 1-main    return       1 void a() {",
                "10:00:00.000002 13-pool-1 call         5 void b() {",
                "10:00:00.000004 13-pool-1 exception    5 void b() {",
                "Exception:..... E",
                "Call ended by exception",
                ""), stdout);
        view(file("t.jsonl", trace), "--method", "C#c");
        assertTrue(stdout.contains("void a() {") && !stdout.contains("void b() {"), "a unit is a call and what it called");
        view(file("t.jsonl", trace), "--thread", "pool-1");
        assertTrue(stdout.contains("void b() {") && !stdout.contains("void a() {"), stdout);
    }

    @Test
    void theOmittedLinesObjectInAJsonLinesTraceStaysWithItsCall() throws Exception {
        String f = names("1-main", "f", 0);
        String trace = String.join("\n",
                callObject("10:00:00.000001", TEN_UTC + 1, 7, f, 5, "void f() {"),
                object(TEN_UTC + 2, 7, "omitted", "\"lines\":12"),
                object(TEN_UTC + 3, 7, "exception", "\"line\":6,\"source\":\"x();\",\"exception\":\"E\""),
                endObject(TEN_UTC + 3, 7, f, "exception"),
                "");
        assertEquals(0, view(file("t.jsonl", trace), "--failed"), stderr);
        assertTrue(stdout.contains("call         5 void f() {\n... 12 lines omitted ...\n"), stdout);
    }

    @Test
    void aCallWhoseStartTheCaptureLeftOutIsPlacedByItsEndAndKeepsWhatItCalled() throws Exception {
        // onFailure kept the head and the tail of loop(); helper() started in the part left out
        String loop = names("1-main", "loop", 0);
        String helper = names("1-main", "helper", 1);
        String leaf = names("1-main", "leaf", 2);
        String trace = String.join("\n",
                callObject("10:00:00.000001", TEN_UTC + 1, 1, loop, 3, "void loop(int n) {"),
                object(TEN_UTC + 2, 1, "line", "\"line\":4,\"source\":\"helper(n);\""),
                object(TEN_UTC + 3, 1, "omitted", "\"lines\":77"),
                object(TEN_UTC + 4, 40, "line", "\"line\":10,\"source\":\"leaf();\""),
                callObject("10:00:00.000005", TEN_UTC + 5, 41, leaf, 14, "void leaf() {"),
                object(TEN_UTC + 6, 41, "return", "\"line\":14,\"source\":\"void leaf() {\""),
                endObject(TEN_UTC + 6, 41, leaf, "return"),
                object(TEN_UTC + 7, 40, "return", "\"line\":11,\"source\":\"}\""),
                endObject(TEN_UTC + 7, 40, helper, "return"),
                object(TEN_UTC + 8, 1, "exception", "\"line\":5,\"source\":\"throw new E();\",\"exception\":\"E\""),
                endObject(TEN_UTC + 8, 1, loop, "exception"),
                "");
        assertEquals(0, view(file("t.jsonl", trace), "--failed"), stderr);
        assertEquals(String.join("\n",
                "Source path:... C.java",
                "10:00:00.000001 call         3 void loop(int n) {",
                "10:00:00.000002 line         4 helper(n);",
                "... 77 lines omitted ...",
                "    10:00:00.000004 line        10 leaf();",
                "        10:00:00.000005 call        14 void leaf() {",
                "        10:00:00.000006 return      14 void leaf() {",
                "    10:00:00.000007 return      11 }",
                "10:00:00.000008 exception    5 throw new E();",
                "Exception:..... E",
                "Call ended by exception",
                ""), stdout);
        view(file("t.jsonl", trace), "--method", "helper");
        assertTrue(stdout.contains("void loop(int n) {"), "the unit of loop() holds helper(): " + stdout);
    }

    @Test
    void aRotatedJsonLinesFileReadAloneShowsTheCallsThatStartedBeforeIt() throws Exception {
        String a = names("1-main", "a", 0);
        String trace = String.join("\n",
                object(TEN_UTC + 1, 1, "line", "\"line\":2,\"source\":\"return 1;\""),
                object(TEN_UTC + 1, 1, "return", "\"line\":2,\"source\":\"return 1;\",\"value\":\"1\""),
                endObject(TEN_UTC + 2, 1, a, "return"),
                callObject("10:00:00.000003", TEN_UTC + 3, 2, a, 1, "int a() {"),
                object(TEN_UTC + 4, 2, "return", "\"line\":2,\"source\":\"return 1;\",\"value\":\"1\""),
                endObject(TEN_UTC + 5, 2, a, "return"),
                "");
        assertEquals(0, view(file("trace.jsonl.1", trace), "--method", "a"), stderr);
        assertEquals(String.join("\n",
                "Source path:... C.java",
                "10:00:00.000001 line         2 return 1;",
                "10:00:00.000001 return       2 return 1;",
                "Return value:.. 1",
                "10:00:00.000003 call         1 int a() {",
                "10:00:00.000004 return       2 return 1;",
                "Return value:.. 1",
                ""), stdout, "the times of the first call come from the second's call object");
    }

    // ---- what is wrong with the file

    @Test
    void aMissingFileIsNamedAndExitsWithOne() {
        assertEquals(1, view(folder.resolve("nope.log").toString()));
        assertTrue(stderr.contains("nope.log: no such file"), stderr);
    }

    @Test
    void anEmptyFileSaysNoTraceWasWritten() throws Exception {
        assertEquals(1, view(file("empty.log", "")));
        assertTrue(stderr.contains("is empty"), stderr);
    }

    @Test
    void aFileOfOtherTextIsNotATrace() throws Exception {
        assertEquals(1, view(file("notes.txt", "hello\nworld\n")));
        assertTrue(stderr.contains("is not a JSnooper trace") && stderr.contains("'hello'"), stderr);
        assertEquals("", stdout);
    }

    @Test
    void aFileCutInTheMiddleOfALineIsTruncatedButItsWholeCallsArePrinted() throws Exception {
        String trace = MAIN_CALL + "Starting var:.. n = 7\n10:00:01.000000 1-main    call         5     static int tw";
        assertEquals(1, view(file("cut.log", trace)));
        assertTrue(stderr.contains("is truncated: its last line has no end"), stderr);
        assertEquals(MAIN_CALL.replace("1-main    ", "1-main "), stdout, "the thread column fits the threads shown");
    }

    @Test
    void callsWithoutAnEndMakeTheTraceTruncated() throws Exception {
        String trace = MAIN_CALL + "10:00:01.000000 1-main    call         5     static int twice(int n) {\n";
        assertEquals(1, view(file("killed.log", trace)));
        assertTrue(stderr.contains("1 call(s) have no end"), stderr);
        assertTrue(stdout.endsWith("call         5     static int twice(int n) {\n"), stdout);
    }

    @Test
    void anUnknownOptionIsAUsageMistake() throws Exception {
        assertEquals(2, view(file("t.log", MAIN_CALL), "--fialed"));
        assertTrue(stderr.contains("unknown option --fialed"), stderr);
        assertEquals(2, view());
    }

    @Test
    void colourAlwaysUsesTheAgentsPalette() throws Exception {
        view(file("t.log", MAIN_CALL), "--color", "always");
        assertTrue(stdout.contains("\u001b[32m\u001b[2mNew var:....... \u001b[39m\u001b[22mdoubled = 12\u001b[0m"), stdout);
    }

    @Test
    void aRotatedFileThatStartsWithTheEndOfACallShowsThatEndAsACallWithoutAStart() throws Exception {
        String trace = String.join("\n",
                "Return value:.. 12",
                "Elapsed time: 00:00:00.000010",
                "10:00:01.000000 call         5     static int twice(int n) {",
                "10:00:01.000001 return       5     static int twice(int n) {",
                "Return value:.. 10",
                "Elapsed time: 00:00:00.000010",
                "");
        assertEquals(0, view(file("trace.log.1", trace)), stderr);
        assertEquals(trace, stdout);
        view(file("trace.log.1", trace), "--method", "twice");
        assertEquals(trace.substring(trace.indexOf("10:00:01")), stdout);
    }
}
