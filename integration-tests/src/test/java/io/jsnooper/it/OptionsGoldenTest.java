package io.jsnooper.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsnooper.it.fixtures.options.ClassLevel;
import io.jsnooper.it.fixtures.options.CustomReprs;
import io.jsnooper.it.fixtures.options.Depth;
import io.jsnooper.it.fixtures.options.Explode;
import io.jsnooper.it.fixtures.options.Lambdas;
import io.jsnooper.it.fixtures.options.MaxLength;
import io.jsnooper.it.fixtures.options.MaxLengthNearLimit;
import io.jsnooper.it.fixtures.options.Normalize;
import io.jsnooper.it.fixtures.options.Prefix;
import io.jsnooper.it.fixtures.options.Watch;
import io.jsnooper.it.support.ChildJvm;
import io.jsnooper.it.support.Golden;
import io.jsnooper.it.support.Jdk;
import io.jsnooper.it.support.TraceText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One golden trace per {@code @Snoop} option. Every fixture sets {@code normalize = true}, so the
 * goldens are the child's stderr byte for byte: nothing is masked before comparing.
 */
class OptionsGoldenTest {

    /** Runs {@code main} under the agent and returns its stderr, after checking stdout. */
    private static String trace(Jdk jdk, Class<?> main, String expectedStdout) throws Exception {
        ChildJvm.Result result = ChildJvm.on(jdk.assumePresent()).main(main).run().assertSucceeded();
        assertEquals(expectedStdout, result.stdout, "the program's own output is unchanged");
        return result.stderr;
    }

    /** Normalized traces need no masking: what the child wrote is what the golden holds. */
    private static void assertGoldenExactly(String name, String stderr) {
        assertEquals(TraceText.normalize(stderr), stderr, "a normalized trace has nothing left to mask");
        Golden.assertMatches(name, stderr);
    }

    @ParameterizedTest
    @EnumSource(Jdk.class)
    void watchShowsFieldsStaticsIndexesMapLookupsAndCallsLikeLocals(Jdk jdk) throws Exception {
        assertGoldenExactly("options/Watch", trace(jdk, Watch.class, "7\n"));
    }

    @ParameterizedTest
    @EnumSource(Jdk.class)
    void watchExplodeShowsRecordComponentsFieldsElementsAndMapEntries(Jdk jdk) throws Exception {
        assertGoldenExactly("options/Explode", trace(jdk, Explode.class, "1\n"));
    }

    @Test
    void depthTracesCalleesDownToTheGivenLevelIndentedAndNeverTheJdk() throws Exception {
        assertGoldenExactly("options/Depth", trace(Jdk.CURRENT, Depth.class, "26\n4\n"));
    }

    @Test
    void prefixStartsEveryLineOfTheTrace() throws Exception {
        String stderr = trace(Jdk.CURRENT, Prefix.class, "#42 for Ada\n");
        assertAll(stderr.lines().map(line -> () -> assertTrue(line.startsWith("ORDER "), line)));
        assertGoldenExactly("options/Prefix", stderr);
    }

    @Test
    void maxVariableLengthCutsInTheMiddleAndZeroOrNegativeMeansNoLimit() throws Exception {
        assertGoldenExactly("options/MaxVariableLength", trace(Jdk.CURRENT, MaxLength.class, "1200\n"));
    }

    @Test
    void maxVariableLengthCutsAValueJustOverTheLimitOnceInTheMiddle() throws Exception {
        assertGoldenExactly("options/MaxVariableLengthNearLimit", trace(Jdk.CURRENT, MaxLengthNearLimit.class, "147\n"));
    }

    @Test
    void normalizeGivesByteIdenticalTracesWithoutTimesHashesOrPaths() throws Exception {
        String first = trace(Jdk.CURRENT, Normalize.class, "2\n");
        String second = trace(Jdk.CURRENT, Normalize.class, "2\n");
        assertEquals(first, second, "two runs give the same bytes");
        assertAll(
                () -> assertFalse(first.matches("(?s).*\\d{2}:\\d{2}:\\d{2}\\.\\d{6}.*"), "no timestamps"),
                () -> assertFalse(first.contains("Elapsed time"), "no Elapsed line"),
                () -> assertFalse(first.matches("(?s).*@[0-9a-f]{4,8}\\b.*"), "no identity hashes"),
                () -> assertFalse(first.contains("/"), "no absolute paths"));
        assertGoldenExactly("options/Normalize", first);
    }

    @Test
    void customReprRendersTheTypeAndItsSubtypesBeforeToString() throws Exception {
        assertGoldenExactly("options/CustomRepr",
                trace(Jdk.CURRENT, CustomReprs.class, "Money(1600)\nMoney(10)\n"));
    }

    @Test
    void lambdasInASnoopedMethodAreTracedAsNestedCalls() throws Exception {
        assertGoldenExactly("options/Lambdas", trace(Jdk.CURRENT, Lambdas.class, "[HI!, YO!]\n"));
    }

    @Test
    void snoopOnAClassCoversItsMethodsAndConstructorsAndAMethodsOwnElementsWin() throws Exception {
        assertGoldenExactly("options/ClassLevel", trace(Jdk.CURRENT, ClassLevel.class, "13\n"));
    }
}
