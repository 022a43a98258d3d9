package io.jsnooper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsnooper.it.fixtures.hostile.HalfChangedStructuresMain;
import io.jsnooper.it.support.ChildJvm;
import io.jsnooper.it.support.Jdk;
import io.jsnooper.it.support.TraceGrammar;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The tracer calls no {@code toString()} of an object while code of its own class may be halfway
 * through changing it ({@code this}, or a class whose fields the method writes), nor of an
 * Iterable that may be endless: those show their fields. Before, each of these programs hung or
 * filled the heap under the agent (commons-collections4's TreeBidiMap, CircularFifoQueue,
 * FluentIterable). The heap is kept small so that a toString() filling it fails fast.
 */
class HalfChangedObjectsTest {

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void objectsBeingChangedByTheirOwnClassAreShownWithoutCallingTheirToString(Jdk jdk) throws Exception {
        ChildJvm.Result without = ChildJvm.on(jdk.assumePresent()).main(HalfChangedStructuresMain.class)
                .withoutAgent().jvmArg("-Xmx64m").run().assertSucceeded();
        ChildJvm.Result with = ChildJvm.on(jdk).main(HalfChangedStructuresMain.class)
                .jvmArg("-Xmx64m").run().assertSucceeded();

        assertEquals("chain of 2\nring of 4\nb -> a\nagain\n1250\n", without.stdout);
        assertEquals(without.stdout, with.stdout);
        String trace = with.stderr;
        assertEquals(List.of(), TraceGrammar.agentMessages(trace), trace);
        assertFalse(trace.contains("toString() threw"), trace);
        assertFalse(trace.contains("skipped: slow"), trace);
        assertTrue(trace.contains("Starting var:.. this = CountedChain{head="), trace);
        assertTrue(trace.contains("line        36             head = b;\nModified var:.. this = CountedChain{head="), trace);
        assertTrue(trace.contains("Modified var:.. this = Ring{elements=[1, 2, 3, 4], end=4, size=3}"), trace);
        assertTrue(trace.contains("Starting var:.. first = Link{name=\"a\", next=" + HalfChangedStructuresMain.class.getName()
                + "$Link@"), trace);
        assertTrue(trace.contains("New var:....... repeating = Repeating{word=\"again\"}"), trace);
        // the method is done with it: the return value is shown by its own toString()
        assertTrue(trace.contains("Return value:.. b -> a\n"), trace);
        // a class whose fields the method does not write keeps its toString()
        assertTrue(trace.contains("New var:....... money = 12.50 EUR\n"), trace);
    }
}
