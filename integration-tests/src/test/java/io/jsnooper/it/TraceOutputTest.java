package io.jsnooper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsnooper.it.fixtures.env.ExitingMain;
import io.jsnooper.it.fixtures.env.FileTraceMain;
import io.jsnooper.it.fixtures.env.ShutdownHookMain;
import io.jsnooper.it.fixtures.env.UnwritableTraceMain;
import io.jsnooper.it.support.ChildJvm;
import io.jsnooper.it.support.Jdk;
import io.jsnooper.it.support.TestPaths;
import io.jsnooper.it.support.TraceGrammar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Where the trace goes: a file named by {@code @Snoop} (created, private, appended), stderr when
 * that file cannot be written, and complete however the program ends. Each child runs in a
 * temporary working directory, so the fixtures' relative output paths land there.
 */
class TraceOutputTest {

    /** {@code 0² + 1² + ... + 299²}: what ExitingMain prints. */
    private static final String SUM_OF_SQUARES = "8955050\n";

    @TempDir
    Path temp;

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void aTraceFileIsCreatedWithItsFoldersReadableByItsOwnerOnlyAndAppendedToAcrossRuns(Jdk jdk) throws Exception {
        ChildJvm.Result first = inTemp(jdk).main(FileTraceMain.class, "5").run().assertSucceeded();
        Path file = temp.resolve("a/b/trace.log");

        assertEquals("10\n", first.stdout);
        assertEquals("", first.stderr, "nothing on stderr: the trace went to the file");
        assertTrue(Files.isRegularFile(file), "the file and its folders a/b were created");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(1, TraceGrammar.countEvents(Files.readString(file), "call"));

        ChildJvm.Result second = inTemp(jdk).main(FileTraceMain.class, "6").run().assertSucceeded();
        String trace = Files.readString(file);

        assertEquals("12\n", second.stdout);
        assertEquals(2, TraceGrammar.countEvents(trace, "call"), trace);
        int firstRun = trace.indexOf("Return value:.. 10\n");
        int secondRun = trace.indexOf("Return value:.. 12\n");
        assertTrue(firstRun >= 0 && secondRun > firstRun, "the second run was appended after the first:\n" + trace);
        assertEquals("", TraceGrammar.malformedLines(trace));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void anOutputPathUnderProcGivesOneWarningAndTheTraceGoesToStderr(Jdk jdk) throws Exception {
        assertUnwritableOutputFallsBackToStderr(jdk, "proc", "/proc/nope/x.log");
    }

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void anOutputPathWhoseFolderIsAPlainFileGivesOneWarningAndTheTraceGoesToStderr(Jdk jdk) throws Exception {
        Files.writeString(temp.resolve("blocker"), "not a folder");
        assertUnwritableOutputFallsBackToStderr(jdk, "file", "blocker/x.log");
    }

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void anOutputThatOpensButFailsOnWriteGivesOneWarningAndTheTraceGoesToStderr(Jdk jdk) throws Exception {
        assertUnwritableOutputFallsBackToStderr(jdk, "full", "/dev/full");
    }

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void theTraceFileIsCompleteForSnoopedCallsMadeInTheProgramsOwnShutdownHook(Jdk jdk) throws Exception {
        ChildJvm.Result result = inTemp(jdk).main(ShutdownHookMain.class, "warm").run().assertSucceeded();

        assertEquals("warm 4\nmain done\ncleaned up " + SUM_OF_SQUARES, result.stdout);
        assertEquals("", result.stderr);
        assertHookTraceComplete(ShutdownHookMain.CALLS + 1);
    }

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void aFirstSnoopedCallMadeDuringShutdownIsTracedCompletely(Jdk jdk) throws Exception {
        ChildJvm.Result result = inTemp(jdk).main(ShutdownHookMain.class).run().assertSucceeded();

        assertEquals("main done\ncleaned up " + SUM_OF_SQUARES, result.stdout);
        assertEquals("", result.stderr, "no agent error, no trace on stderr");
        assertHookTraceComplete(ShutdownHookMain.CALLS);
    }

    private void assertHookTraceComplete(int calls) throws Exception {
        Path file = temp.resolve("hook/trace.log");
        assertTrue(Files.exists(file), "no trace file " + file);
        String trace = Files.readString(file);
        assertEquals("", TraceGrammar.malformedLines(trace), "lines that are not whole trace lines");
        assertEquals(calls, TraceGrammar.countEvents(trace, "call"), "calls in the trace");
        assertEquals(calls, TraceGrammar.countLabelled(trace, "Elapsed time: "), "ended calls in the trace");
    }

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void theTraceFileIsCompleteAfterMainReturns(Jdk jdk) throws Exception {
        ChildJvm.Result result = inTemp(jdk).main(ExitingMain.class, "normal").run().assertSucceeded();

        assertEquals(SUM_OF_SQUARES, result.stdout);
        assertAllWorkTraced(traceFile(), 0);
    }

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void theTraceFileIsCompleteAfterTheCallerOfASnoopedMethodCallsSystemExit(Jdk jdk) throws Exception {
        ChildJvm.Result result = inTemp(jdk).main(ExitingMain.class, "exit").run();

        assertEquals(3, result.exitCode, result.stderr);
        assertEquals(SUM_OF_SQUARES, result.stdout);
        assertAllWorkTraced(traceFile(), 0);
    }

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void theTraceOnStderrIsCompleteAfterTheCallerOfASnoopedMethodCallsSystemExit(Jdk jdk) throws Exception {
        ChildJvm.Result result = inTemp(jdk, ",output=stderr").main(ExitingMain.class, "exit").run();

        assertEquals(3, result.exitCode, result.stderr);
        assertEquals(SUM_OF_SQUARES, result.stdout);
        assertAllWorkTraced(result.stderr, 0);
    }

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void theTraceFileShowsASnoopedCallUpToTheSystemExitItMakes(Jdk jdk) throws Exception {
        ChildJvm.Result result = inTemp(jdk).main(ExitingMain.class, "exit-inside").run();

        assertEquals(3, result.exitCode, result.stderr);
        String trace = traceFile();
        assertAllWorkTraced(trace, 1);
        List<String> lines = trace.lines().toList();
        assertTrue(lines.get(lines.size() - 2).endsWith("New var:....... code = 3"), trace);
        assertTrue(lines.get(lines.size() - 1).matches(".* line +\\d+ +System\\.exit\\(code\\);"),
                "the last line is the line that exits:\n" + lines.get(lines.size() - 1));
    }

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void theTraceFileIsCompleteAfterAWorkerThreadDiesOfAnUncaughtException(Jdk jdk) throws Exception {
        ChildJvm.Result result = inTemp(jdk).main(ExitingMain.class, "thread").run().assertSucceeded();

        assertEquals(SUM_OF_SQUARES, result.stdout);
        assertTrue(result.stderr.contains("Exception in thread \"worker\" java.lang.IllegalStateException: "
                + "worker died with 42"), result.stderr);
        String trace = traceFile();
        assertAllWorkTraced(trace, 1);
        List<String> lines = trace.lines().toList();
        assertEquals(List.of("Exception:..... java.lang.IllegalStateException: worker died with 42",
                        "Call ended by exception"),
                lines.subList(lines.size() - 3, lines.size() - 1), trace);
    }

    /** The fixtures' sources are named explicitly: the working directory is not the module's. */
    private ChildJvm inTemp(Jdk jdk) {
        return inTemp(jdk, "");
    }

    private ChildJvm inTemp(Jdk jdk, String moreAgentOptions) {
        return ChildJvm.on(jdk.assumePresent()).workingDirectory(temp)
                .agentOptions("sourcepath=" + TestPaths.sourceRoot() + moreAgentOptions);
    }

    private String traceFile() throws Exception {
        return Files.readString(temp.resolve("exit/trace.log"));
    }

    /**
     * Every line whole; every one of the {@value ExitingMain#CALLS} work calls has its return
     * value and elapsed time, the last one included; {@code extraCalls} more calls after them.
     */
    private static void assertAllWorkTraced(String trace, int extraCalls) {
        assertEquals("", TraceGrammar.malformedLines(trace), "lines that are not whole trace lines");
        assertEquals(ExitingMain.CALLS + extraCalls, TraceGrammar.countEvents(trace, "call"));
        assertEquals(ExitingMain.CALLS, TraceGrammar.countLabelled(trace, "Return value:.. "));
        int last = ExitingMain.CALLS - 1;
        assertTrue(trace.contains("Return value:.. " + last * last + "\nElapsed time: "),
                "the last work call's return is there");
        if (extraCalls == 0) {
            assertTrue(trace.lines().reduce((a, b) -> b).orElse("").startsWith("Elapsed time: "),
                    "the trace ends with the last call's elapsed time");
        }
    }

    private void assertUnwritableOutputFallsBackToStderr(Jdk jdk, String which, String output) throws Exception {
        ChildJvm.Result plain = inTemp(jdk).withoutAgent().main(UnwritableTraceMain.class, which).run();
        ChildJvm.Result traced = inTemp(jdk).main(UnwritableTraceMain.class, which).run();

        assertEquals(7, plain.exitCode, plain.stderr);
        assertEquals(plain.exitCode, traced.exitCode, "the exit code is unchanged");
        assertEquals(plain.stdout, traced.stdout, "the program's stdout is unchanged");
        List<String> warnings = TraceGrammar.agentMessages(traced.stderr);
        assertEquals(1, warnings.size(), "exactly one warning:\n" + traced.stderr);
        assertTrue(warnings.get(0).contains(output) && warnings.get(0).contains("stderr"),
                "the warning names the path and says where the trace goes: " + warnings.get(0));
        String trace = traced.stderr.replace(warnings.get(0) + "\n", "");
        assertEquals("", TraceGrammar.malformedLines(trace), "the rest of stderr is the trace");
        assertEquals(3, TraceGrammar.countEvents(trace, "call"));
        assertTrue(trace.contains("Return value:.. 9\n"), trace);
        assertFalse(Files.exists(TestPaths.agentJar().resolveSibling("x.log")));
    }
}
