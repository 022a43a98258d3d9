package io.jsnooper.it;

import io.jsnooper.it.fixtures.Exceptions;
import io.jsnooper.it.fixtures.Switches;
import io.jsnooper.it.support.Jdk;
import io.jsnooper.it.support.Shapes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Handlers, finally copies and switch tables javac emits. */
class ControlFlowShapesTest {

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void exceptionsCaughtPropagatedAndFinallyTraceAsTheyHappen(Jdk jdk) throws Exception {
        Shapes.assertUnchangedAndTraced(jdk.assumePresent(), Exceptions.class);
    }

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void oldAndArrowSwitchesOnIntsStringsAndEnumsTraceTheirCases(Jdk jdk) throws Exception {
        Shapes.assertUnchangedAndTraced(jdk.assumePresent(), Switches.class);
    }
}
