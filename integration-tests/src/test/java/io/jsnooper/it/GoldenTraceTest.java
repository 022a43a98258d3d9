package io.jsnooper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jsnooper.it.fixtures.Bits;
import io.jsnooper.it.support.ChildJvm;
import io.jsnooper.it.support.Golden;
import io.jsnooper.it.support.Jdk;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each fixture runs in a child JVM under the packaged agent; its stderr trace must match its golden file. */
class GoldenTraceTest {

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void numberToBitsTracesLikePySnoopersReadme(Jdk jdk) throws Exception {
        ChildJvm.Result result = ChildJvm.on(jdk.assumePresent()).main(Bits.class).run().assertSucceeded();
        assertEquals("[1, 1, 0]\n[0]\n", result.stdout, "the program's own output is unchanged");
        Golden.assertMatches("Bits", result.stderr);
    }
}
