package io.jsnooper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.jsnooper.it.fixtures.loading.ParallelLoading;
import io.jsnooper.it.support.ChildJvm;
import io.jsnooper.it.support.Jdk;
import io.jsnooper.it.support.TraceGrammar;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/** Parallel class loading, classes defined at run time and proxies: no deadlock, no error, all traced. */
class ClassLoadingUnderTheAgentTest {

    @TempDir
    Path folder;

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void eightThreadsDefiningSnoopedClassesAtOnceLoseNothingAndDeadlockNothing(Jdk jdk) throws Exception {
        Path trace = folder.resolve("trace.log");
        ChildJvm.Result result = ChildJvm.on(jdk.assumePresent()).main(ParallelLoading.class)
                .agentOptions("output=" + trace).run().assertSucceeded();

        int expectedSum = 8 * (40 * 1 + (39 * 40) / 2);
        assertEquals("parallel sum " + expectedSum + "\ndefined 42\nhi ann\n", result.stdout);
        assertFalse(result.stderr.contains("jsnooper:"), "no agent message expected:\n" + result.stderr);
        String text = Files.readString(trace);
        assertEquals("", TraceGrammar.malformedLines(text), "torn or foreign lines");
        // 320 calls of PartN.value from 8 loaders, DefinedLater.twice, Handler.invoke
        assertEquals(322, text.lines().filter(l -> l.matches("^\\d\\d:\\d\\d:\\d\\d\\.\\d{6} call .*")).count(), text);
    }
}
