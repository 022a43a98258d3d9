package io.jsnooper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsnooper.it.fixtures.options.RelativeTime;
import io.jsnooper.it.fixtures.options.ThreadInfo;
import io.jsnooper.it.support.ChildJvm;
import io.jsnooper.it.support.Jdk;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** threadInfo and relativeTime: their text changes from run to run, so it is checked by pattern. */
class ThreadAndTimeOptionsTest {

    /** An event line with threadInfo and normalize: 15 spaces, {@code id-name}, padding, the event. */
    private static final Pattern THREAD_EVENT =
            Pattern.compile("^ {16}(\\d+-[\\w-]+)( +)(call|line|return) {3,}\\d+ .*$");
    /** An event line with relativeTime, at any depth. */
    private static final Pattern TIMED_EVENT =
            Pattern.compile("^( *)(\\d{2}):(\\d{2}):(\\d{2})\\.(\\d{6}) (call|line|return|exception) .*$");

    @Test
    void threadInfoShowsIdAndNamePaddedToTheWidestThreadSeenSoFar() throws Exception {
        ChildJvm.Result result = ChildJvm.on(Jdk.CURRENT).main(ThreadInfo.class).run().assertSucceeded();
        assertEquals("6\n", result.stdout);
        List<String> columns = new ArrayList<>();
        for (String line : result.stderr.lines().collect(Collectors.toList())) {
            Matcher m = THREAD_EVENT.matcher(line);
            if (m.matches()) {
                columns.add(m.group(1) + "|" + m.group(2).length());
            }
        }
        String worker = columns.get(4).substring(0, columns.get(4).indexOf('|'));
        assertTrue(worker.matches("\\d+-inventory-worker"), worker);
        // PySnooper pads "id-name " to the widest seen: main's later lines line up with the worker's
        int padded = worker.length() + 1 - "1-main".length();
        assertEquals(List.of("1-main|1", "1-main|1", "1-main|1", "1-main|1",
                worker + "|1", worker + "|1", worker + "|1", worker + "|1",
                "1-main|" + padded, "1-main|" + padded, "1-main|" + padded, "1-main|" + padded), columns,
                result.stderr);
    }

    @Test
    void relativeTimeCountsFromTheStartOfTheOutermostSnoopedCall() throws Exception {
        ChildJvm.Result result = ChildJvm.on(Jdk.CURRENT).main(RelativeTime.class).run().assertSucceeded();
        assertEquals("6\n", result.stdout);
        List<long[]> events = new ArrayList<>(); // {depth, micros, isCall}
        for (String line : result.stderr.lines().collect(Collectors.toList())) {
            Matcher m = TIMED_EVENT.matcher(line);
            if (m.matches()) {
                long micros = ((Long.parseLong(m.group(2)) * 60 + Long.parseLong(m.group(3))) * 60
                        + Long.parseLong(m.group(4))) * 1_000_000 + Long.parseLong(m.group(5));
                events.add(new long[] {m.group(1).length() / 4, micros, m.group(6).equals("call") ? 1 : 0});
            }
        }
        // outer(3): call, 9 lines, return; 3 x inner: call, 2 lines, return; outer(2): call, 7 lines, return
        assertEquals(11 + 3 * 4 + 9 + 2 * 4, events.size(), result.stderr);
        long previous = -1;
        int outermostCalls = 0;
        for (long[] e : events) {
            if (e[0] == 0 && e[2] == 1) {
                assertEquals(0, e[1], "every outermost call starts at 00:00:00.000000\n" + result.stderr);
                outermostCalls++;
            } else {
                assertTrue(e[1] >= previous, "time never goes back within a call\n" + result.stderr);
                assertTrue(e[1] < 60_000_000, "relative, not wall-clock time\n" + result.stderr);
                if (e[0] == 1 && e[2] == 1) {
                    assertTrue(e[1] > 0, "a nested call is timed from the outermost call, not from itself\n"
                            + result.stderr);
                }
            }
            previous = e[1];
        }
        assertEquals(2, outermostCalls);
        assertFalse(result.stderr.lines().anyMatch(l -> l.matches("\\s*Elapsed time: (?!00:00:0).*")),
                "elapsed times are short\n" + result.stderr);
    }
}
