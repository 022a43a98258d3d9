package io.jsnooper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsnooper.it.fixtures.env.MovedTraceMain;
import io.jsnooper.it.support.ChildJvm;
import io.jsnooper.it.support.Jdk;
import io.jsnooper.it.support.TestPaths;
import io.jsnooper.it.support.TraceGrammar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Another process moves the trace file away (logrotate without copytruncate) or deletes its folder
 * while the program traces: the agent notices at its next write, opens a new file at the same path,
 * says so in one line, and no call traced after that is lost. (Emptying the file in place:
 * {@link TraceFileTruncatedTest}.)
 */
class TraceFileMovedTest {

    private static final Pattern MARK = Pattern.compile("(?m)^Starting var:\\.\\. mark = (\\d+)$");
    private static final long TOTAL = 2L * IntStream.range(0, 2 * MovedTraceMain.CALLS).sum();

    @TempDir
    Path folder;

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void aTraceFileMovedAwayIsFollowedByANewOneAndEveryCallIsInOneOfThem(Jdk jdk) throws Exception {
        Path trace = folder.resolve("traces/trace.log");
        ChildJvm.Result result = run(jdk, "move", trace);

        String moved = Files.readString(folder.resolve("traces/trace.log.1"));
        String fresh = Files.readString(trace);
        assertEquals("", TraceGrammar.malformedLines(moved), "lines that are not whole trace lines");
        assertEquals("", TraceGrammar.malformedLines(fresh), "lines that are not whole trace lines");
        List<Integer> marks = marks(moved);
        marks.addAll(marks(fresh));
        marks.sort(null);
        assertEquals(IntStream.range(0, 2 * MovedTraceMain.CALLS).boxed().collect(Collectors.toList()), marks,
                "each call once, in one file or the other");
        assertTrue(marks(fresh).containsAll(IntStream.range(MovedTraceMain.CALLS, 2 * MovedTraceMain.CALLS)
                .boxed().collect(Collectors.toList())), "the calls after the move are in the new file");
        assertOneMessage(result, trace);
    }

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void aTraceFileWhoseFolderIsDeletedIsRecreatedWithEveryCallTracedAfterIt(Jdk jdk) throws Exception {
        Path trace = folder.resolve("traces/trace.log");
        ChildJvm.Result result = run(jdk, "delete", trace);

        String fresh = Files.readString(trace);
        assertEquals("", TraceGrammar.malformedLines(fresh), "lines that are not whole trace lines");
        assertTrue(marks(fresh).containsAll(IntStream.range(MovedTraceMain.CALLS, 2 * MovedTraceMain.CALLS)
                .boxed().collect(Collectors.toList())), "a call after the deletion is missing:\n" + fresh);
        assertOneMessage(result, trace);
    }

    private ChildJvm.Result run(Jdk jdk, String what, Path trace) throws Exception {
        ChildJvm.Result result = ChildJvm.on(jdk.assumePresent()).workingDirectory(folder)
                .agentOptions("sourcepath=" + TestPaths.sourceRoot() + ",output=" + trace)
                .main(MovedTraceMain.class, what, trace.toString()).run().assertSucceeded();
        assertEquals(TOTAL + "\n", result.stdout, "the program's result is unchanged");
        return result;
    }

    private static void assertOneMessage(ChildJvm.Result result, Path trace) {
        assertEquals(List.of("jsnooper: the trace file " + trace + " was moved or deleted by another process;"
                + " the trace goes on in a new " + trace), TraceGrammar.agentMessages(result.stderr), result.stderr);
    }

    private static List<Integer> marks(String trace) {
        List<Integer> marks = new ArrayList<>();
        Matcher m = MARK.matcher(trace);
        while (m.find()) {
            marks.add(Integer.parseInt(m.group(1)));
        }
        return marks;
    }
}
