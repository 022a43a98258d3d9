package io.jsnooper.junit;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import io.jsnooper.junit.samples.SampleTests;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Runs the samples in {@link SampleTests} through EngineTestKit, in this JVM: the first run loads
 * the agent by attaching to this process, as it would in a user's Surefire run.
 */
class SnoopExtensionTest {

    private static final Class<?> ONE_OF_EACH = SampleTests.OneFailingOnePassing.class;
    private static final Class<?> PARALLEL = SampleTests.TwoFailingInParallel.class;

    @TempDir
    Path traces;

    /** Standard error while the samples ran. */
    private String stderr = "";

    @Test
    void aFailingTestPublishesTheTraceOfTheSnoopedMethodItCalledAsAReportEntry() {
        EngineExecutionResults results = run(selectMethod(ONE_OF_EACH, "squareOfThreeIsTen"), Map.of());

        results.testEvents().assertStatistics(s -> s.started(1).failed(1));
        String trace = entriesOf(results, "squareOfThreeIsTen").get(0);
        assertAll(
                () -> assertTrue(trace.contains("Source path:... "), trace),
                () -> assertTrue(trace.contains("Starting var:.. n = 3"), trace),
                () -> assertTrue(trace.contains("public static int square(int n) {"), trace),
                () -> assertTrue(trace.contains("New var:....... result = 9"), trace),
                () -> assertTrue(trace.contains("Return value:.. 9"), trace));
    }

    @Test
    void aFailingTestWritesTheSameTraceToAFileNamedAfterItsClassAndMethod() throws IOException {
        EngineExecutionResults results = run(selectMethod(ONE_OF_EACH, "squareOfThreeIsTen"), Map.of());

        Path file = traceFile(ONE_OF_EACH, "squareOfThreeIsTen");
        assertTrue(Files.isRegularFile(file), file + " is missing");
        assertEquals(entriesOf(results, "squareOfThreeIsTen").get(0), Files.readString(file));
    }

    @Test
    void aFailingTestPrintsItsTraceOnStandardErrorAfterTheFailure() {
        EngineExecutionResults results = run(selectMethod(ONE_OF_EACH, "squareOfThreeIsTen"), Map.of());

        String trace = entriesOf(results, "squareOfThreeIsTen").get(0);
        String header = "jsnooper: trace of the failed test " + ONE_OF_EACH.getName() + ".squareOfThreeIsTen (saved in "
                + traceFile(ONE_OF_EACH, "squareOfThreeIsTen") + "):" + System.lineSeparator();
        assertEquals(header + trace, stderr);
    }

    @Test
    void aPassingTestPublishesWritesAndPrintsNothing() {
        EngineExecutionResults results = run(selectMethod(ONE_OF_EACH, "squareOfFourIsSixteen"), Map.of());

        results.testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        assertAll(
                () -> assertEquals(List.of(), entriesOf(results, "squareOfFourIsSixteen")),
                () -> assertFalse(Files.exists(traceFile(ONE_OF_EACH, "squareOfFourIsSixteen"))),
                () -> assertEquals("", stderr));
    }

    @Test
    void aPassingTestDeletesTheTraceFileAnEarlierFailureOfItLeft() throws IOException {
        Path stale = traceFile(ONE_OF_EACH, "squareOfFourIsSixteen");
        Files.createDirectories(stale.getParent());
        Files.writeString(stale, "a trace from the run in which it failed\n");

        run(selectMethod(ONE_OF_EACH, "squareOfFourIsSixteen"), Map.of());

        assertFalse(Files.exists(stale));
    }

    @Test
    void onlyTheFailingTestOfAClassLeavesATrace() throws IOException {
        EngineExecutionResults results = run(selectClass(ONE_OF_EACH), Map.of());

        results.testEvents().assertStatistics(s -> s.started(2).failed(1).succeeded(1));
        try (var files = Files.walk(traces)) {
            assertEquals(List.of(traceFile(ONE_OF_EACH, "squareOfThreeIsTen")),
                    files.filter(Files::isRegularFile).collect(Collectors.toList()));
        }
        assertFalse(stderr.contains("n = 4"), stderr);
    }

    @Test
    void testsRunningInParallelEachGetOnlyTheCallsTheyMadeThemselves() throws IOException {
        EngineExecutionResults results = run(selectClass(PARALLEL), Map.of(
                "junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.mode.default", "concurrent",
                "junit.jupiter.execution.parallel.config.strategy", "fixed",
                "junit.jupiter.execution.parallel.config.fixed.parallelism", "2"));

        // both failed by fail(...), so both were past the barrier: they ran at the same time
        results.testEvents().assertStatistics(s -> s.started(2).failed(2));
        results.testEvents().failed().stream().forEach(e -> assertTrue(
                e.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                        .getThrowable().orElseThrow().getMessage().startsWith("to see the trace of"),
                "failed for another reason than its fail(...): " + e));
        String squares = Files.readString(traceFile(PARALLEL, "squares"));
        String cubes = Files.readString(traceFile(PARALLEL, "cubes"));
        assertAll(
                () -> assertTrue(squares.contains("Starting var:.. n = 2") && squares.contains("Starting var:.. n = 5"), squares),
                () -> assertFalse(squares.contains("cube"), squares),
                () -> assertTrue(cubes.contains("Starting var:.. n = 2") && cubes.contains("Starting var:.. n = 5"), cubes),
                () -> assertFalse(cubes.contains("square"), cubes));
    }

    // ---- helpers

    private EngineExecutionResults run(DiscoverySelector selector, Map<String, String> parameters) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            return EngineTestKit.engine("junit-jupiter")
                    .selectors(selector)
                    .configurationParameter(SampleTests.RUN, "true")
                    .configurationParameter(FailedTestTrace.DIRECTORY, traces.toString())
                    .configurationParameters(parameters)
                    .execute();
        } finally {
            System.setErr(original);
            stderr = captured.toString(StandardCharsets.UTF_8);
        }
    }

    private Path traceFile(Class<?> testClass, String method) {
        return traces.resolve(testClass.getName()).resolve(method + ".trace");
    }

    /** The values of the {@link SnoopExtension#REPORT_KEY} entries the test {@code method} published. */
    private static List<String> entriesOf(EngineExecutionResults results, String method) {
        return results.allEvents().reportingEntryPublished().stream()
                .filter(e -> e.getTestDescriptor().getDisplayName().equals(method + "()"))
                .map(e -> e.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs())
                .filter(pairs -> pairs.containsKey(SnoopExtension.REPORT_KEY))
                .map(pairs -> pairs.get(SnoopExtension.REPORT_KEY))
                .collect(Collectors.toList());
    }

}
