package io.jsnooper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsnooper.it.fixtures.env.FileTraceMain;
import io.jsnooper.it.fixtures.env.SquareMain;
import io.jsnooper.it.support.ChildJvm;
import io.jsnooper.it.support.Jdk;
import io.jsnooper.it.support.TraceGrammar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@code -javaagent:jsnooper-agent.jar=key=value,...} options and the off switch. */
class AgentOptionsTest {

    private static final String PLAIN_STDOUT = "main ran\n81\n";

    @TempDir
    Path temp;

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void anUnknownOptionStopsTheJvmBeforeMainWithOneLineNamingItAndTheValidKeys(Jdk jdk) throws Exception {
        ChildJvm.Result result = ChildJvm.on(jdk.assumePresent()).agentOptions("bogus=1")
                .main(SquareMain.class).run();

        assertNotEquals(0, result.exitCode, "a typo in the options must not run the program untraced");
        assertEquals("", result.stdout, "main did not run");
        List<String> lines = result.stderr.lines().toList();
        assertEquals(1, lines.size(), "one line:\n" + result.stderr);
        String line = lines.get(0);
        assertTrue(line.startsWith("jsnooper: ") && line.contains("bogus"), line);
        for (String key : List.of("output", "sourcepath", "dump")) {
            assertTrue(line.contains(key), "the line lists the valid key " + key + ": " + line);
        }
    }

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void theOutputOptionOverridesTheFileTheAnnotationNames(Jdk jdk) throws Exception {
        Path override = temp.resolve("override/trace.log");
        ChildJvm.Result result = ChildJvm.on(jdk.assumePresent()).workingDirectory(temp)
                .agentOptions("output=" + override)
                .main(FileTraceMain.class, "5").run().assertSucceeded();

        assertEquals("10\n", result.stdout);
        assertEquals("", result.stderr);
        assertFalse(Files.exists(temp.resolve("a")), "the annotation's a/b/trace.log was not created");
        String trace = Files.readString(override);
        assertEquals(1, TraceGrammar.countEvents(trace, "call"), trace);
        assertTrue(trace.contains("Return value:.. 10\n"), trace);
    }

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void theOverwriteOptionReplacesTheLastRunsTraceInsteadOfAppending(Jdk jdk) throws Exception {
        ChildJvm first = ChildJvm.on(jdk.assumePresent()).workingDirectory(temp).agentOptions("overwrite=true");
        first.main(FileTraceMain.class, "5").run().assertSucceeded();
        ChildJvm.Result second = ChildJvm.on(jdk).workingDirectory(temp).agentOptions("overwrite=true")
                .main(FileTraceMain.class, "6").run().assertSucceeded();

        assertEquals("12\n", second.stdout);
        String trace = Files.readString(temp.resolve("a/b/trace.log"));
        assertEquals(1, TraceGrammar.countEvents(trace, "call"), trace);
        assertFalse(trace.contains("Return value:.. 10\n"), "the first run's trace is gone:\n" + trace);
        assertTrue(trace.contains("Return value:.. 12\n"), trace);
    }

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void theJsnooperDisabledVariableTurnsTracingOffWithOneLineAndTheProgramRunsNormally(Jdk jdk) throws Exception {
        assertTracingOff(ChildJvm.on(jdk.assumePresent()).env("JSNOOPER_DISABLED", "1"));
    }

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void theJsnooperDisabledPropertyTurnsTracingOffWithOneLineAndTheProgramRunsNormally(Jdk jdk) throws Exception {
        assertTracingOff(ChildJvm.on(jdk.assumePresent()).jvmArg("-Djsnooper.disabled=true"));
    }

    private static void assertTracingOff(ChildJvm child) throws Exception {
        ChildJvm.Result result = child.main(SquareMain.class).run().assertSucceeded();

        assertEquals(PLAIN_STDOUT, result.stdout);
        List<String> lines = result.stderr.lines().toList();
        assertEquals(1, lines.size(), "one line and no trace:\n" + result.stderr);
        assertTrue(lines.get(0).startsWith("jsnooper: ") && lines.get(0).contains("disabled"), lines.get(0));
    }
}
