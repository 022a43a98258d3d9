package io.jsnooper.junit;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsnooper.junit.samples.KitMain;
import io.jsnooper.junit.samples.SampleTests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The samples in a fresh JVM started with {@code -javaagent}: the extension finds the agent there,
 * attaches nothing, and its capture takes the test thread's trace even from the {@code output=}
 * file every {@code @Snoop} was sent to.
 */
class AgentStartedByJavaagentTest {

    @TempDir
    Path folder;

    @Test
    void withTheAgentFromJavaagentAFailingTestStillGetsItsOwnTraceAndThePassingOneNothing() throws Exception {
        Path agent = Paths.get(System.getProperty(AgentJar.PROPERTY)).toAbsolutePath();
        Path output = folder.resolve("output.trace");
        Path traces = folder.resolve("traces");
        Path stdout = folder.resolve("stdout.txt");
        Path stderr = folder.resolve("stderr.txt");
        Process child = new ProcessBuilder(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-javaagent:" + agent + "=output=" + output,
                "-cp", System.getProperty("java.class.path"),
                KitMain.class.getName(), traces.toString()))
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the child JVM did not finish");

        String err = read(stderr);
        Path failing = traces.resolve(SampleTests.OneFailingOnePassing.class.getName()).resolve("squareOfThreeIsTen.trace");
        Path passing = failing.resolveSibling("squareOfFourIsSixteen.trace");
        assertAll(
                () -> assertEquals("failed=1 succeeded=1", read(stdout).trim(), err),
                () -> assertTrue(read(failing).contains("Starting var:.. n = 3"), err),
                () -> assertFalse(read(failing).contains("n = 4"), err),
                () -> assertFalse(Files.exists(passing)),
                () -> assertFalse(Files.exists(output) && read(output).contains("square"),
                        "the capture should have taken the test thread's trace from the output file"));
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
