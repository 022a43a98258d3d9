package io.jsnooper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jsnooper.it.support.ChildJvm;
import io.jsnooper.it.support.Golden;
import io.jsnooper.it.support.Jdk;
import io.jsnooper.it.support.Shapes;
import io.jsnooper.it.support.TestPaths;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shapes only javac 25 emits (record patterns, sealed types, flexible constructor bodies, unnamed
 * variables), compiled at test time from {@code src/test/java25} and run on Java 25 under the agent.
 */
class Java25ShapesTest {

    private static final String FIXTURE = "io.jsnooper.it.java25.ModernShapes";

    @Test
    void patternsSealedTypesFlexibleConstructorsAndUnnamedVariablesTraceOnJava25(@TempDir Path classes)
            throws Exception {
        Jdk.JAVA_25.assumePresent();
        Path sources = TestPaths.extraSourceRoot("java25");
        compileWithJavac25(sources.resolve(FIXTURE.replace('.', '/') + ".java"), classes);

        ChildJvm.Result traced = Shapes.assertUnchanged(() -> ChildJvm.on(Jdk.JAVA_25)
                .classPath(classes)
                .agentOptions("sourcepath=" + sources)
                .main(FIXTURE));
        Golden.assertMatches("ModernShapes", traced.stderr.replace(sources + "/", ""));
    }

    private static void compileWithJavac25(Path source, Path classes) throws Exception {
        Path javac = Jdk.JAVA_25.java().resolveSibling("javac");
        List<String> command = List.of(javac.toString(), "-g", "--release", "25",
                "-cp", TestPaths.annotationsJar().toString(), "-d", classes.toString(), source.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("javac 25 did not finish: " + command);
        }
        assertEquals(0, process.exitValue(), () -> "javac 25 failed: " + command + "\n" + output);
    }
}
