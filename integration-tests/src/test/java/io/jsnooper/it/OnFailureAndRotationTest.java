package io.jsnooper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsnooper.it.fixtures.failure.DyingMain;
import io.jsnooper.it.fixtures.failure.OnFailureMain;
import io.jsnooper.it.fixtures.failure.PlainLoopMain;
import io.jsnooper.it.support.ChildJvm;
import io.jsnooper.it.support.Jdk;
import io.jsnooper.it.support.TestPaths;
import io.jsnooper.it.support.TraceGrammar;
import io.jsnooper.it.support.ViewCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** onFailure keeps only failed calls, whole and bounded; maxFileSize/maxFiles rotate owner-only files. */
class OnFailureAndRotationTest {

    @TempDir
    Path folder;

    private ChildJvm child(Class<?> main, String options, String... args) {
        return ChildJvm.on(Jdk.CURRENT).main(main, args).workingDirectory(folder)
                .agentOptions("sourcepath=" + TestPaths.sourceRoot() + ",output=" + folder.resolve("trace.log") + options);
    }

    private String trace(String name) throws Exception {
        return Files.readString(folder.resolve(name));
    }

    @Test
    void onFailureWritesTheFailedCallsWholeAndNothingOfTheSuccessfulOnes() throws Exception {
        ChildJvm.Result result = child(OnFailureMain.class, "", "orders").run().assertSucceeded();
        assertTrue(result.stdout.contains("failed 4\n") && result.stdout.contains("failed 8\n"), result.stdout);
        String trace = trace("trace.log");
        assertEquals("", TraceGrammar.malformedLines(trace));
        assertEquals(2, TraceGrammar.countEvents(trace, "call"), trace);
        for (int order : new int[] {4, 8}) {
            String start = "Starting var:.. order = " + order + "\n";
            int at = trace.indexOf(start);
            assertTrue(at >= 0, "call for order " + order + " is missing:\n" + trace);
            String call = trace.substring(at, trace.indexOf("Elapsed time: ", at));
            assertTrue(call.contains("New var:....... total = " + order * 10 + "\n")
                    && call.contains("Exception:..... java.lang.IllegalArgumentException: order " + order + " rejected\n")
                    && call.endsWith("Call ended by exception\n"), call);
        }
        assertFalse(trace.contains("order = 1\n") || trace.contains("order = 9\n"), trace);
    }

    @Test
    void onFailureMemoryStaysBoundedOverTenMillionIterationsAndTheGapIsMarked() throws Exception {
        ChildJvm.Result result = child(OnFailureMain.class, "", "loop", "10000000").jvmArg("-Xmx64m")
                .run().assertSucceeded();
        assertEquals("sum 49999995000000\n", result.stdout);
        String trace = trace("trace.log");
        Matcher omitted = Pattern.compile("(?m)^\\.\\.\\. (\\d+) lines omitted \\.\\.\\.$").matcher(trace);
        assertTrue(omitted.find(), "no omitted-lines marker");
        assertTrue(Long.parseLong(omitted.group(1)) > 20_000_000L, omitted.group());
        long lines = trace.lines().count();
        assertTrue(lines <= 2_003, "a capture keeps 1000 + 1000 lines, the trace has " + lines);
        assertTrue(trace.contains("Exception:..... java.lang.IllegalStateException: sum 49999995000000\n"
                + "Call ended by exception\nElapsed time: "), trace.substring(trace.length() - 400));
        String withoutMarker = omitted.replaceAll("");
        assertEquals("", TraceGrammar.malformedLines(withoutMarker.replace("\n\n", "\n")));

        ViewCli view = ViewCli.run(folder, "trace.log", "--failed");
        assertEquals(0, view.exitCode, view.toString());
        assertEquals(trace, view.stdout, "the marker keeps the call together in view");
    }

    /**
     * The record keeps entries, not lines, and formats them only at the failure: what it writes
     * must be exactly the whole trace with its middle cut out, and the marker must count the cut
     * lines exactly (an exception or a return value takes two lines of text).
     */
    @Test
    void aLongFailedCallIsTheWholeTraceWithItsMiddleCutAndTheCutCountedExactly() throws Exception {
        String options = ",normalize=true,include=" + PlainLoopMain.class.getName() + "#loop";
        child(PlainLoopMain.class, options, "1500").run().assertSucceeded();
        List<String> whole = trace("trace.log").lines().toList();
        Files.delete(folder.resolve("trace.log"));
        ChildJvm.Result result = child(PlainLoopMain.class, options + ",onFailure=true", "1500").run().assertSucceeded();
        assertEquals("sum 1124250\n", result.stdout);
        List<String> kept = trace("trace.log").lines().toList();

        int marker = -1;
        for (int i = 0; i < kept.size(); i++) {
            if (kept.get(i).matches("\\.\\.\\. \\d+ lines omitted \\.\\.\\.")) {
                marker = i;
            }
        }
        assertTrue(marker >= 1_000, "the head keeps 1000 entries, at least 1000 lines: marker at " + marker);
        long omitted = Long.parseLong(kept.get(marker).split(" ")[1]);
        List<String> head = kept.subList(0, marker);
        List<String> tail = kept.subList(marker + 1, kept.size());
        assertEquals(whole.size(), head.size() + omitted + tail.size(), "kept + omitted = the whole trace");
        assertEquals(whole.subList(0, head.size()), head);
        assertEquals(whole.subList(whole.size() - tail.size(), whole.size()), tail);
        assertTrue(tail.get(tail.size() - 1).equals("Call ended by exception"), tail.toString());
    }

    @Test
    void maxFileSizeRotatesIntoNumberedFilesKeepsMaxFilesAndEachIsOwnerOnly() throws Exception {
        child(DyingMain.class, ",maxFileSize=100000,maxFiles=2", "normal", "3000").run().assertSucceeded();
        for (String name : new String[] {"trace.log", "trace.log.1", "trace.log.2"}) {
            Path file = folder.resolve(name);
            assertTrue(Files.exists(file), name + " is missing");
            assertTrue(Files.size(file) <= 100_000, name + " has " + Files.size(file) + " bytes");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), name);
            String text = trace(name);
            assertTrue(text.endsWith("\n"), name + " ends inside a line");
            assertEquals("", TraceGrammar.malformedLines(text), name);
        }
        assertFalse(Files.exists(folder.resolve("trace.log.3")), "only maxFiles rotated files are kept");
        assertTrue(trace("trace.log").contains("Starting var:.. i = 2999\n"), "the newest calls are in trace.log");

        ViewCli view = ViewCli.run(folder, "trace.log.2", "trace.log.1", "trace.log", "--method", "step");
        assertEquals(0, view.exitCode, view.toString());
        long calls = 0;
        for (String name : new String[] {"trace.log", "trace.log.1", "trace.log.2"}) {
            calls += TraceGrammar.countEvents(trace(name), "call");
        }
        assertEquals(calls, TraceGrammar.countEvents(view.stdout, "call"), "view reads the rotated files as one trace");
    }
}
