package io.jsnooper.it;

import io.jsnooper.it.fixtures.Calls;
import io.jsnooper.it.fixtures.Synchronization;
import io.jsnooper.it.fixtures.Lambdas;
import io.jsnooper.it.fixtures.VarargsAndGenerics;
import io.jsnooper.it.fixtures.SnoopedType;
import io.jsnooper.it.support.Jdk;
import io.jsnooper.it.support.Shapes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Kinds of methods javac emits: static, instance, synchronized, varargs, generic, lambdas inside. */
class MethodKindShapesTest {

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void snoopedMethodsCallingEachOtherNestTheirTraces(Jdk jdk) throws Exception {
        Shapes.assertUnchangedAndTraced(jdk.assumePresent(), Calls.class);
    }

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void synchronizedMethodsAndBlocksKeepTheirLocking(Jdk jdk) throws Exception {
        Shapes.assertUnchangedAndTraced(jdk.assumePresent(), Synchronization.class);
    }

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void lambdasAndMethodReferencesInsideASnoopedMethodWork(Jdk jdk) throws Exception {
        Shapes.assertUnchangedAndTraced(jdk.assumePresent(), Lambdas.class);
    }

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void varargsAndGenericMethodsTraceTheirErasedArguments(Jdk jdk) throws Exception {
        Shapes.assertUnchangedAndTraced(jdk.assumePresent(), VarargsAndGenerics.class);
    }

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void aSnoopOnATypeTracesEveryMethodAndConstructor(Jdk jdk) throws Exception {
        Shapes.assertUnchangedAndTraced(jdk.assumePresent(), SnoopedType.class);
    }
}
