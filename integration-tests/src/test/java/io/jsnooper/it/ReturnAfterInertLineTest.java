package io.jsnooper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsnooper.it.fixtures.returns.ReturnsMain;
import io.jsnooper.it.support.ChildJvm;
import io.jsnooper.it.support.Jdk;
import io.jsnooper.it.support.TraceGrammar;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * At a return, as at a line, object variables are shown again only when the code since the last
 * line event could have changed them: a getter's {@code return tag.name;} cannot, so the tag is
 * rendered once per call (its Starting var line), not twice; a last line that changes it still
 * shows the change at the return.
 */
class ReturnAfterInertLineTest {

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void aGetterShowsItsArgumentOnceAndALastLineThatChangesItShowsTheChange(Jdk jdk) throws Exception {
        ChildJvm.Result without = ChildJvm.on(jdk.assumePresent()).main(ReturnsMain.class)
                .withoutAgent().run().assertSucceeded();
        ChildJvm.Result with = ChildJvm.on(jdk).main(ReturnsMain.class).run().assertSucceeded();

        assertEquals("ttt true [a]\n", without.stdout);
        assertEquals(without.stdout, with.stdout);
        assertTrue(without.stderr.contains("tag described 0 times"), without.stderr);
        String trace = with.stderr;
        assertEquals(List.of(), TraceGrammar.agentMessages(trace), trace);

        // three getter calls: one Starting var each; mark: its Starting var and the change at its return
        assertTrue(trace.contains("tag described 5 times"), trace);
        assertEquals(4, TraceGrammar.countLabelled(trace, "Starting var:.. tag = t[]"), trace);
        assertEquals(1, TraceGrammar.countLabelled(trace, "Modified var:.. tag = t[a]"), trace);
        assertFalse(trace.contains("Modified var:.. tag = t[]"), trace);
    }
}
