package io.jsnooper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jsnooper.it.fixtures.env.ThreadsMain;
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
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Many threads tracing into one file: lines never tear, no call is lost, each thread's calls stay in order. */
class ConcurrentTraceTest {

    private static final Pattern MARK = Pattern.compile("^(?:New var:\\.{7} mark = |Return value:\\.\\. )(\\d+)$");

    @TempDir
    Path temp;

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void thirtyTwoThreadsTracingIntoOneFileLeaveWholeLinesAllCallsAndEachThreadsCallsInOrder(Jdk jdk) throws Exception {
        ChildJvm.Result result = ChildJvm.on(jdk.assumePresent()).workingDirectory(temp)
                .agentOptions("sourcepath=" + TestPaths.sourceRoot())
                .main(ThreadsMain.class).run().assertSucceeded();
        String trace = Files.readString(temp.resolve("threads/trace.log"));
        int calls = ThreadsMain.THREADS * ThreadsMain.CALLS;

        assertEquals(expectedTotal() + "\n", result.stdout, "the program's result is unchanged");
        assertEquals("", result.stderr);
        assertEquals("", TraceGrammar.malformedLines(trace), "lines that are not whole trace lines");
        assertEquals(calls, TraceGrammar.countEvents(trace, "call"));
        assertEquals(calls, TraceGrammar.countEvents(trace, "return"));
        assertEquals(calls, TraceGrammar.countLabelled(trace, "Elapsed time: "));

        List<List<Long>> newMarks = new ArrayList<>();
        List<List<Long>> returnedMarks = new ArrayList<>();
        for (int t = 0; t < ThreadsMain.THREADS; t++) {
            newMarks.add(new ArrayList<>());
            returnedMarks.add(new ArrayList<>());
        }
        for (String line : trace.lines().collect(Collectors.toList())) {
            Matcher mark = MARK.matcher(line);
            if (mark.matches()) {
                long value = Long.parseLong(mark.group(1));
                (line.startsWith("New") ? newMarks : returnedMarks).get((int) (value / ThreadsMain.MARK_BASE)).add(value);
            }
        }
        for (int t = 0; t < ThreadsMain.THREADS; t++) {
            long thread = t;
            List<Long> inOrder = LongStream.range(0, ThreadsMain.CALLS).map(i -> thread * ThreadsMain.MARK_BASE + i)
                    .boxed().collect(Collectors.toList());
            assertEquals(inOrder, newMarks.get(t), "thread " + t + "'s `mark` locals, in file order");
            assertEquals(inOrder, returnedMarks.get(t), "thread " + t + "'s return values, in file order");
        }
    }

    private static long expectedTotal() {
        long total = 0;
        for (int t = 0; t < ThreadsMain.THREADS; t++) {
            for (int i = 0; i < ThreadsMain.CALLS; i++) {
                total += t * ThreadsMain.MARK_BASE + i;
            }
        }
        return total;
    }
}
