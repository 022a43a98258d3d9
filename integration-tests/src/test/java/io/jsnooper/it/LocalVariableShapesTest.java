package io.jsnooper.it;

import io.jsnooper.it.fixtures.LocalSlots;
import io.jsnooper.it.fixtures.Primitives;
import io.jsnooper.it.support.Jdk;
import io.jsnooper.it.support.Shapes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Locals by slot: wide types, reused slots, every primitive type. */
class LocalVariableShapesTest {

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void wideAndReusedLocalSlotsKeepTheirOwnNames(Jdk jdk) throws Exception {
        Shapes.assertUnchangedAndTraced(jdk.assumePresent(), LocalSlots.class);
    }

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void everySmallPrimitiveTypeRendersAsItsJavaLiteral(Jdk jdk) throws Exception {
        Shapes.assertUnchangedAndTraced(jdk.assumePresent(), Primitives.class);
    }
}
