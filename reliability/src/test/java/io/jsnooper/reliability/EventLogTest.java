package io.jsnooper.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsnooper.reliability.SuiteDiff.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A launcher run cut off by run-suites.sh's timeout leaves an event file that stops mid-element:
 * the tests that finished are still compared, the rest are named, not counted as differences.
 */
class EventLogTest {

    private static final String HEAD = "<?xml version=\"1.0\" ?>\n<e:events"
            + " xmlns=\"https://schemas.opentest4j.org/reporting/core/0.2.0\""
            + " xmlns:e=\"https://schemas.opentest4j.org/reporting/events/0.2.0\""
            + " xmlns:junit=\"https://schemas.junit.org/open-test-reporting\">\n";

    private static String started(int id, String uniqueId, String type) {
        return "<e:started id=\"" + id + "\" name=\"n\" time=\"2026-11-27T04:34:44.96Z\"><metadata><junit:uniqueId>"
                + uniqueId + "</junit:uniqueId><junit:type>" + type + "</junit:type></metadata></e:started>\n";
    }

    private static String finished(int id, String status) {
        return "<e:finished id=\"" + id + "\" time=\"2026-11-27T04:34:45Z\"><result status=\"" + status
                + "\"></result></e:finished>\n";
    }

    /** The same five tests, each run as far as it got; {@code cutAt} characters of it, or all. */
    private static String run(String fifth, int cutAt) {
        String all = HEAD + started(1, "[engine:junit-jupiter]", "CONTAINER")
                + started(2, "[class:T]", "CONTAINER")
                + started(3, "[class:T]/[method:a()]", "TEST") + finished(3, "SUCCESSFUL")
                + started(4, "[class:T]/[method:b()]", "TEST") + finished(4, "ABORTED")
                + started(5, "[class:T]/[method:c()]", "TEST") + finished(5, "FAILED")
                + started(6, "[class:T]/[method:d()]", "TEST") + finished(6, fifth)
                + started(7, "[class:T]/[method:e()]", "TEST") + finished(7, "SUCCESSFUL")
                + finished(2, "SUCCESSFUL") + finished(1, "SUCCESSFUL") + "</e:events>\n";
        return cutAt < 0 ? all : all.substring(0, cutAt);
    }

    @Test
    void aCompleteRunGivesEveryTestItsOutcome(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("open-test-report.xml"), run("SKIPPED", -1));

        assertEquals(Map.of("[class:T]/[method:a()]", Outcome.PASSED, "[class:T]/[method:b()]", Outcome.SKIPPED,
                "[class:T]/[method:c()]", Outcome.FAILED, "[class:T]/[method:d()]", Outcome.SKIPPED,
                "[class:T]/[method:e()]", Outcome.PASSED), EventLog.read(file));
    }

    @Test
    void aRunCutOffMidTestKeepsWhatFinishedAndNamesTheRest(@TempDir Path dir) throws Exception {
        String complete = run("SUCCESSFUL", -1);
        // stopped while writing the fourth test's end: it was running, the fifth never started
        String cut = complete.substring(0, complete.indexOf("<e:finished id=\"6\"") + 25);
        Path baseline = Files.writeString(dir.resolve("baseline.xml"), complete);
        Path agent = Files.writeString(dir.resolve("agent.xml"), cut);

        Map<String, Outcome> agentRun = EventLog.read(agent);
        assertEquals(Outcome.PASSED, agentRun.get("[class:T]/[method:a()]"));
        assertEquals(Outcome.FAILED, agentRun.get("[class:T]/[method:c()]"));
        assertEquals(Outcome.UNFINISHED, agentRun.get("[class:T]/[method:d()]"));
        assertFalse(agentRun.containsKey("[class:T]/[method:e()]"));

        String report = compare(baseline, agent);
        assertTrue(report.contains("with agent, finished in the time limit: 3 tests: 1 passed, 1 failed, 1 skipped"), report);
        assertTrue(report.contains("same outcome for every test that finished"), report);
        assertTrue(report.contains("NOT FINISHED (running when the time ran out) [class:T]/[method:d()]"), report);
        assertTrue(report.contains("NOT STARTED: 1 tests"), report);
    }

    @Test
    void aRunStoppedBeforeItsFirstTestHasNoResultsAndEveryTestIsNamed(@TempDir Path dir) throws Exception {
        Path baseline = Files.writeString(dir.resolve("baseline.xml"), run("SUCCESSFUL", -1));
        Path empty = Files.writeString(dir.resolve("empty.xml"), "");

        assertEquals(Map.of(), EventLog.read(empty));
        assertEquals(Map.of(), EventLog.read(dir.resolve("never-written.xml")));
        String report = compare(baseline, empty);
        assertTrue(report.contains("finished in the time limit: 0 tests"), report);
        assertTrue(report.contains("NOT STARTED: 5 tests"), report);
    }

    @Test
    void aFinishedTestThatEndedDifferentlyIsADifference(@TempDir Path dir) throws Exception {
        Path baseline = Files.writeString(dir.resolve("baseline.xml"), run("SUCCESSFUL", -1));
        Path agent = Files.writeString(dir.resolve("agent.xml"), run("FAILED", -1));

        String report = compare(baseline, agent);
        assertTrue(report.contains("DIFFERENT [class:T]/[method:d()]: PASSED without the agent, FAILED with it"), report);
        assertTrue(report.contains("1 tests end differently"), report);
    }

    private static String compare(Path baseline, Path agent) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SuiteDiff.compareFinished(EventLog.read(baseline), EventLog.read(agent), new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }
}
