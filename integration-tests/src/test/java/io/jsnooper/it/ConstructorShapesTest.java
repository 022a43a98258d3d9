package io.jsnooper.it;

import io.jsnooper.it.fixtures.Constructors;
import io.jsnooper.it.support.Jdk;
import io.jsnooper.it.support.Shapes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Constructors: probes only after super(...)/this(...), where `this` is initialized. */
class ConstructorShapesTest {

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void constructorsTraceAroundTheirSuperAndThisCalls(Jdk jdk) throws Exception {
        Shapes.assertUnchangedAndTraced(jdk.assumePresent(), Constructors.class);
    }
}
