package io.jsnooper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsnooper.it.fixtures.env.DeepRecursionMain;
import io.jsnooper.it.support.ChildJvm;
import io.jsnooper.it.support.Jdk;
import io.jsnooper.it.support.TestPaths;
import io.jsnooper.it.support.TraceGrammar;
import io.jsnooper.it.support.TraceText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A snooped recursion down to StackOverflowError: the program gets its error as without the agent,
 * and the agent, which may itself run out of stack at the bottom, is sane afterwards: the next
 * snooped call is traced whole, at the top level. The stack is kept small so that the trace of
 * a thousand levels, indented four spaces each, stays small.
 */
class DeepRecursionTest {

    @TempDir
    Path folder;

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void aRecursionDownToStackOverflowReachesTheProgramAndLeavesTheTracerSane(Jdk jdk) throws Exception {
        Path trace = folder.resolve("trace.log");
        ChildJvm.Result without = ChildJvm.on(jdk.assumePresent()).main(DeepRecursionMain.class)
                .withoutAgent().jvmArg("-Xss256k").run().assertSucceeded();
        ChildJvm.Result with = ChildJvm.on(jdk).main(DeepRecursionMain.class).jvmArg("-Xss256k")
                .agentOptions("sourcepath=" + TestPaths.sourceRoot() + ",output=" + trace).run().assertSucceeded();

        assertEquals("overflowed\n42\n", without.stdout);
        assertEquals(without.stdout, with.stdout);
        assertEquals(List.of(), TraceGrammar.agentMessages(with.stderr), with.stderr);
        String text = Files.readString(trace);
        assertTrue(TraceGrammar.countEvents(text, "call") > 100, "the recursion was not traced");
        String tail = text.substring(text.lastIndexOf("Starting var:.. x = 21"));
        // unindented: the calls the overflow ended are all closed, none is taken for after()'s caller
        assertEquals(List.of("Starting var:.. x = 21", "call", "line", "New var:....... y = 42", "line",
                "return", "Return value:.. 42", "Elapsed time"), shapes(tail), tail);
    }

    /** Each line's event name, or its label and value, with the timestamps left out. */
    private static List<String> shapes(String lines) {
        return TraceText.normalize(lines).lines().map(line -> {
            if (line.startsWith("HH:MM:SS.ffffff ")) {
                return line.substring(16).split(" +")[0];
            }
            return line.startsWith("Elapsed time") ? "Elapsed time" : line;
        }).collect(java.util.stream.Collectors.toList());
    }
}
