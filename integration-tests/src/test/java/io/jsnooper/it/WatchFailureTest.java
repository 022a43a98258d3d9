package io.jsnooper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsnooper.it.fixtures.options.BrokenWatch;
import io.jsnooper.it.support.ChildJvm;
import io.jsnooper.it.support.Golden;
import io.jsnooper.it.support.Jdk;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code BrokenWatch} watches a malformed expression ({@code "balance +"}) and one that throws at
 * run time ({@code owner.name} while {@code owner} is null): neither may change what the program
 * does, and the rest of the trace must be there.
 */
class WatchFailureTest {

    private static ChildJvm.Result traced;
    private static ChildJvm.Result untraced;

    @BeforeAll
    static void runWithAndWithoutTheAgent() throws Exception {
        traced = ChildJvm.on(Jdk.CURRENT).main(BrokenWatch.class).run();
        untraced = ChildJvm.on(Jdk.CURRENT).main(BrokenWatch.class).withoutAgent().run();
    }

    @Test
    void brokenWatchesLeaveTheProgramsBehaviourUnchanged() {
        untraced.assertSucceeded();
        traced.assertSucceeded();
        assertEquals("90\n135\n", untraced.stdout);
        assertEquals(untraced.stdout, traced.stdout);
    }

    @Test
    void aMalformedWatchIsReportedOnceNamingTheMethodAndTheExpression() {
        List<String> reports = traced.stderr.lines().filter(l -> l.startsWith("jsnooper:")).collect(Collectors.toList());
        assertEquals(List.of("jsnooper: watch expression 'balance +' of io.jsnooper.it.fixtures.options.BrokenWatch.deposit"
                + " is not understood (expected '.', '[' or the end at position 9, found '+'); it is left out"), reports,
                "one report although deposit runs twice");
    }

    @Test
    void aWatchThatThrowsShowsTheExceptionAndLaterItsValue() {
        List<String> ownerLines = traced.stderr.lines().filter(l -> l.contains("owner.name")).collect(Collectors.toList());
        assertEquals(List.of("Starting var:.. owner.name = <error: NullPointerException>",
                "Starting var:.. owner.name = \"Grace\""), ownerLines);
    }

    @Test
    void theRestOfTheTraceIsUntouchedByBrokenWatches() {
        assertTrue(traced.stderr.contains("Modified var:.. this.balance = 135"), traced.stderr);
        Golden.assertMatches("options/BrokenWatch", traced.stderr);
    }
}
