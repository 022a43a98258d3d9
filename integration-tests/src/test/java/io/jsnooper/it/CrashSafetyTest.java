package io.jsnooper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsnooper.it.fixtures.failure.DyingMain;
import io.jsnooper.it.support.ChildJvm;
import io.jsnooper.it.support.ChildProcess;
import io.jsnooper.it.support.Jdk;
import io.jsnooper.it.support.TestPaths;
import io.jsnooper.it.support.TraceGrammar;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever ends the JVM, the trace file holds every event of the calls traced so far, in whole
 * lines; after SIGKILL only the last moments may be missing, and the file still ends after a whole
 * line. The child prints {@code done N} after each call, so a call the test saw done must be whole.
 */
class CrashSafetyTest {

    private static final Pattern STEP_START = Pattern.compile("^Starting var:\\.\\. i = (\\d+)$");
    private static final Pattern TIME = Pattern.compile("^\\s*(\\d\\d:\\d\\d:\\d\\d\\.\\d{6}) ");

    @TempDir
    Path folder;

    private Path trace() {
        return folder.resolve("trace.log");
    }

    private String options() {
        return "sourcepath=" + TestPaths.sourceRoot() + ",output=" + trace();
    }

    private ChildJvm.Result run(String... args) throws Exception {
        return ChildJvm.on(Jdk.CURRENT).main(DyingMain.class, args).workingDirectory(folder).agentOptions(options()).run();
    }

    private String readTrace() throws Exception {
        assertTrue(Files.exists(trace()), "no trace file");
        return Files.readString(trace(), StandardCharsets.UTF_8);
    }

    /** Whole lines only, and the file ends after one: nothing torn anywhere. */
    private static void assertWholeLines(String trace) {
        assertFalse(trace.isEmpty(), "the trace is empty");
        assertTrue(trace.endsWith("\n"), "the file ends inside a line: " + trace.substring(Math.max(0, trace.length() - 200)));
        assertEquals("", TraceGrammar.malformedLines(trace), "torn or foreign lines");
    }

    /** step(i) calls that are whole in the trace: Starting var, call, return, Return value, Elapsed time. */
    private static Map<Integer, String> wholeSteps(String trace) {
        Map<Integer, String> steps = new HashMap<>();
        List<String> lines = trace.lines().toList();
        for (int at = 0; at < lines.size(); at++) {
            Matcher start = STEP_START.matcher(lines.get(at));
            if (!start.matches()) {
                continue;
            }
            StringBuilder call = new StringBuilder();
            int end = at;
            while (end < lines.size() && !lines.get(end).startsWith("Elapsed time: ")) {
                call.append(lines.get(end++)).append('\n');
            }
            if (end < lines.size()) {
                call.append(lines.get(end)).append('\n');
                String text = call.toString();
                if (TraceGrammar.countEvents(text, "call") == 1 && TraceGrammar.countEvents(text, "return") == 1
                        && text.contains("Return value:.. ")) {
                    steps.put(Integer.parseInt(start.group(1)), text);
                }
            }
        }
        return steps;
    }

    private static void assertStepsWhole(String trace, int count) {
        Map<Integer, String> steps = wholeSteps(trace);
        for (int i = 0; i < count; i++) {
            assertTrue(steps.containsKey(i), "step(" + i + ") is not whole in the trace");
        }
    }

    @Test
    void aNormalExitLeavesEveryCallWhole() throws Exception {
        ChildJvm.Result result = run("normal", "2000").assertSucceeded();
        String trace = readTrace();
        assertWholeLines(trace);
        assertStepsWhole(trace, 2000);
        assertEquals(2000, TraceGrammar.countEvents(trace, "call"), result.stderr);
    }

    @Test
    void systemExitInsideASnoopedCallLeavesEveryCallAndTheExitLine() throws Exception {
        ChildJvm.Result result = run("exit", "2000");
        assertEquals(3, result.exitCode, result.stderr);
        String trace = readTrace();
        assertWholeLines(trace);
        assertStepsWhole(trace, 2000);
        assertTrue(trace.contains("Starting var:.. status = 3\n"), "quit's call");
        assertTrue(trace.matches("(?s).*line +\\d+ +System\\.exit\\(code\\);\n$"),
                "the last line is quit's System.exit line:\n" + trace.substring(trace.length() - 300));
    }

    @Test
    void anUncaughtExceptionInAWorkerThreadLeavesTheWorkersCallsAndHowItDied() throws Exception {
        ChildJvm.Result result = run("thread", "1000").assertSucceeded();
        assertTrue(result.stderr.contains("Exception in thread \"worker\" java.lang.IllegalStateException"), result.stderr);
        String trace = readTrace();
        assertWholeLines(trace);
        assertStepsWhole(trace, 1000);
        assertTrue(trace.contains("Exception:..... java.lang.IllegalStateException: worker died after 1000\n"
                + "Call ended by exception\nElapsed time: "), trace.substring(trace.length() - 500));
    }

    @Test
    void anOutOfMemoryErrorThrownInsideSnoopedCodeIsTracedToItsEnd() throws Exception {
        ChildJvm.Result result = ChildJvm.on(Jdk.CURRENT).main(DyingMain.class, "oom").workingDirectory(folder)
                .agentOptions(options()).jvmArg("-Xmx32m").run();
        assertEquals(1, result.exitCode, result.stderr);
        assertTrue(result.stderr.contains("java.lang.OutOfMemoryError"), result.stderr);
        String trace = readTrace();
        assertWholeLines(trace);
        assertTrue(trace.contains("Exception:..... java.lang.OutOfMemoryError: Java heap space\n"
                + "Call ended by exception\nElapsed time: "), trace.substring(Math.max(0, trace.length() - 800)));
    }

    @Test
    void sigtermRunsTheShutdownHookAndEveryCallSeenDoneIsWhole() throws Exception {
        try (ChildProcess child = ChildProcess.start(folder, options(), List.of(), DyingMain.class, "forever")) {
            child.awaitLine("ready", 30_000);
            child.awaitLine("done ", 10_000);
            child.process().destroy(); // SIGTERM
            assertEquals(143, child.awaitExit(30_000), child.stderrText());
            int lastDone = lastDone(child.stdoutLines());
            String trace = readTrace();
            assertWholeLines(trace);
            assertStepsWhole(trace, lastDone + 1);
        }
    }

    @Test
    void sigkillLosesOnlyTheLastMomentsAndCutsNoLineBeforeTheEnd() throws Exception {
        try (ChildProcess child = ChildProcess.start(folder, options(), List.of(), DyingMain.class, "forever")) {
            child.awaitLine("ready", 30_000);
            String done = child.awaitLine("done ", 10_000);
            while (Integer.parseInt(done.substring(5)) < 3_000) {
                done = child.awaitLine("done ", 10_000);
            }
            long killedAt = LocalTime.now().toNanoOfDay() / 1_000;
            child.process().destroyForcibly(); // SIGKILL
            assertEquals(137, child.awaitExit(30_000), child.stderrText());
            int lastDone = lastDone(child.stdoutLines());

            String written = readTrace();
            // SIGKILL can stop a multi-page write(2) between two pages: only the file's very end can
            // be cut, never a line before it (each write is appended whole or cut at its end)
            String trace = written.substring(0, written.lastIndexOf('\n') + 1);
            String cut = written.substring(trace.length());
            assertWholeLines(trace);
            if (!cut.isEmpty()) {
                System.out.printf("SIGKILL cut the last line after %d bytes: %s%n", cut.length(), cut);
            }
            Map<Integer, String> steps = wholeSteps(trace);
            int lastWhole = steps.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1);
            for (int i = 0; i <= lastWhole; i++) {
                assertTrue(steps.containsKey(i), "step(" + i + ") is missing before the last whole step " + lastWhole);
            }
            long lastTraced = lastTimestamp(trace);
            long lostMillis = (killedAt - lastTraced) / 1_000;
            System.out.printf("SIGKILL: the trace ends %d ms before the kill; last whole step %d, last step"
                    + " the child reported done %d (%d steps after it are not in the file)%n",
                    lostMillis, lastWhole, lastDone, Math.max(0, lastDone - lastWhole));
            assertTrue(lostMillis < 1_000, "lost " + lostMillis + " ms: more than the flusher's interval"
                    + " and any scheduling delay should allow");
        }
    }

    private static int lastDone(List<String> stdout) {
        int last = -1;
        for (String line : stdout) {
            if (line.startsWith("done ")) {
                last = Integer.parseInt(line.substring(5));
            }
        }
        assertTrue(last >= 0, "the child reported no call done: " + stdout);
        return last;
    }

    private static long lastTimestamp(String trace) {
        List<String> lines = trace.lines().toList();
        for (int i = lines.size() - 1; i >= 0; i--) {
            Matcher time = TIME.matcher(lines.get(i));
            if (time.find()) {
                String t = time.group(1);
                return ((Long.parseLong(t.substring(0, 2)) * 60 + Long.parseLong(t.substring(3, 5))) * 60
                        + Long.parseLong(t.substring(6, 8))) * 1_000_000 + Long.parseLong(t.substring(9));
            }
        }
        throw new AssertionError("no timed line in the trace");
    }
}
