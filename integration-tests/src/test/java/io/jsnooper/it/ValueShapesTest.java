package io.jsnooper.it;

import io.jsnooper.it.fixtures.Values;
import io.jsnooper.it.fixtures.MultiLineNew;
import io.jsnooper.it.support.Jdk;
import io.jsnooper.it.support.Shapes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** How values render, and expressions spread over several lines. */
class ValueShapesTest {

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void arraysMapsPlainObjectsAndEscapedStringsRenderReadably(Jdk jdk) throws Exception {
        Shapes.assertUnchangedAndTraced(jdk.assumePresent(), Values.class);
    }

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void aNewWhoseArgumentsSpanLinesTracesEachLine(Jdk jdk) throws Exception {
        Shapes.assertUnchangedAndTraced(jdk.assumePresent(), MultiLineNew.class);
    }
}
