package io.jsnooper.it;

import io.jsnooper.it.fixtures.NestedClasses;
import io.jsnooper.it.fixtures.Enums;
import io.jsnooper.it.fixtures.Interfaces;
import io.jsnooper.it.support.Jdk;
import io.jsnooper.it.support.Shapes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Snooped methods declared in nested classes, enums and interfaces (records: KnownTraceBugsTest). */
class TypeShapesTest {

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void innerAnonymousAndLocalClassesTraceTheirMethods(Jdk jdk) throws Exception {
        Shapes.assertUnchangedAndTraced(jdk.assumePresent(), NestedClasses.class);
    }

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void enumsTraceTheirMethodsAndConstantBodies(Jdk jdk) throws Exception {
        Shapes.assertUnchangedAndTraced(jdk.assumePresent(), Enums.class);
    }

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void interfaceDefaultAndStaticMethodsTrace(Jdk jdk) throws Exception {
        Shapes.assertUnchangedAndTraced(jdk.assumePresent(), Interfaces.class);
    }
}
