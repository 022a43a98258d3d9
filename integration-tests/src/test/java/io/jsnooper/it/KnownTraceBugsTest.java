package io.jsnooper.it;

import io.jsnooper.it.fixtures.CaughtException;
import io.jsnooper.it.fixtures.ConstructorThrowingBeforeSuper;
import io.jsnooper.it.fixtures.EnumConstructor;
import io.jsnooper.it.fixtures.ExceptionThroughFinally;
import io.jsnooper.it.fixtures.FinallyReturnAfterThrow;
import io.jsnooper.it.fixtures.ForEachOverList;
import io.jsnooper.it.fixtures.LambdaInALocal;
import io.jsnooper.it.fixtures.MethodWithoutLocals;
import io.jsnooper.it.fixtures.NewWithConditionalArgument;
import io.jsnooper.it.fixtures.Records;
import io.jsnooper.it.support.Jdk;
import io.jsnooper.it.support.Shapes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The smallest fixtures that show an agent bug. Each program must still run unchanged (enabled
 * tests); its golden file holds the trace a PySnooper user expects, written by hand, and the test
 * that compares it stays disabled until the agent is fixed.
 */
class KnownTraceBugsTest {

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void aNewWithABranchInItsArgumentsLoadsAndTraces(Jdk jdk) throws Exception {
        Shapes.assertUnchangedAndTraced(jdk.assumePresent(), NewWithConditionalArgument.class);
    }

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void aCaughtExceptionRunsUnchanged(Jdk jdk) throws Exception {
        Shapes.assertUnchanged(jdk.assumePresent(), CaughtException.class);
    }

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void aCaughtExceptionIsReportedAtTheLineThatThrewIt(Jdk jdk) throws Exception {
        Shapes.assertUnchangedAndTraced(jdk.assumePresent(), CaughtException.class);
    }

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void anExceptionThroughFinallyOrSynchronizedRunsUnchanged(Jdk jdk) throws Exception {
        Shapes.assertUnchanged(jdk.assumePresent(), ExceptionThroughFinally.class);
    }

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void anExceptionThroughFinallyOrSynchronizedIsReportedWhereItWasThrown(Jdk jdk) throws Exception {
        Shapes.assertUnchangedAndTraced(jdk.assumePresent(), ExceptionThroughFinally.class);
    }

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void aFinallyReturningAfterAThrowRunsUnchanged(Jdk jdk) throws Exception {
        Shapes.assertUnchanged(jdk.assumePresent(), FinallyReturnAfterThrow.class);
    }

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void aFinallyReturningAfterAThrowShowsItsReturnLine(Jdk jdk) throws Exception {
        Shapes.assertUnchangedAndTraced(jdk.assumePresent(), FinallyReturnAfterThrow.class);
    }

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void aForEachOverAListRunsUnchanged(Jdk jdk) throws Exception {
        Shapes.assertUnchanged(jdk.assumePresent(), ForEachOverList.class);
    }

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void aForEachOverAListShowsItsHeaderForEveryElement(Jdk jdk) throws Exception {
        Shapes.assertUnchangedAndTraced(jdk.assumePresent(), ForEachOverList.class);
    }

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void aConstructorWhoseThisArgumentThrowsRunsUnchanged(Jdk jdk) throws Exception {
        Shapes.assertUnchanged(jdk.assumePresent(), ConstructorThrowingBeforeSuper.class);
    }

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void aConstructorWhoseThisArgumentThrowsEndsByException(Jdk jdk) throws Exception {
        Shapes.assertUnchangedAndTraced(jdk.assumePresent(), ConstructorThrowingBeforeSuper.class);
    }

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void aLambdaInALocalRunsUnchanged(Jdk jdk) throws Exception {
        Shapes.assertUnchanged(jdk.assumePresent(), LambdaInALocal.class);
    }

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void aLambdaInALocalRendersTheSameOnEveryJdk(Jdk jdk) throws Exception {
        Shapes.assertUnchangedAndTraced(jdk.assumePresent(), LambdaInALocal.class);
    }

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void anEnumConstructorRunsUnchanged(Jdk jdk) throws Exception {
        Shapes.assertUnchanged(jdk.assumePresent(), EnumConstructor.class);
    }

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void anEnumConstructorShowsOnlyTheParametersTheUserWrote(Jdk jdk) throws Exception {
        Shapes.assertUnchangedAndTraced(jdk.assumePresent(), EnumConstructor.class);
    }

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void recordsRunUnchanged(Jdk jdk) throws Exception {
        Shapes.assertUnchanged(jdk.assumePresent(), Records.class);
    }

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void recordsTraceTheirCompactConstructorAndMethods(Jdk jdk) throws Exception {
        Shapes.assertUnchangedAndTraced(jdk.assumePresent(), Records.class);
    }

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void aMethodWithoutLocalsRunsUnchanged(Jdk jdk) throws Exception {
        Shapes.assertUnchanged(jdk.assumePresent(), MethodWithoutLocals.class);
    }

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void aMethodWithoutLocalsCompiledWithGNeitherWarnsNorShowsTemporaries(Jdk jdk) throws Exception {
        Shapes.assertUnchangedAndTraced(jdk.assumePresent(), MethodWithoutLocals.class);
    }
}
