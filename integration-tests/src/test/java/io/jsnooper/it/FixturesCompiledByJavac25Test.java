package io.jsnooper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jsnooper.it.support.ChildJvm;
import io.jsnooper.it.support.Golden;
import io.jsnooper.it.support.Jdk;
import io.jsnooper.it.support.Shapes;
import io.jsnooper.it.support.TestPaths;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same fixtures, compiled by javac 25 instead of Maven's javac 17: its code shapes (line tables,
 * switch and try-with-resources lowering) must load and trace too. Where javac 25's line table
 * differs, the expected trace is {@code NAME.javac25.trace}.
 */
class FixturesCompiledByJavac25Test {

    @TempDir
    static Path classes;

    @BeforeAll
    static void compileEveryFixtureWithJavac25() throws Exception {
        if (!Jdk.JAVA_25.isPresent()) {
            return; // each test then skips with the reason
        }
        Path fixtures = TestPaths.sourceRoot().resolve("io/jsnooper/it/fixtures");
        List<String> command = new ArrayList<>(List.of(Jdk.JAVA_25.java().resolveSibling("javac").toString(),
                "-g", "--release", "25", "-cp", TestPaths.annotationsJar().toString(), "-d", classes.toString()));
        try (Stream<Path> sources = Files.list(fixtures)) {
            sources.filter(p -> p.toString().endsWith(".java")).sorted().forEach(p -> command.add(p.toString()));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("javac 25 did not finish: " + command);
        }
        assertEquals(0, process.exitValue(), () -> "javac 25 failed:\n" + output);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bits", "Calls", "Constructors", "Synchronization", "Exceptions", "Switches",
        "LocalSlots", "Primitives", "Lambdas", "NestedClasses", "Enums", "Interfaces", "VarargsAndGenerics",
        "SnoopedType", "Values", "MultiLineNew"})
    void everyShapeJavac25EmitsLoadsAndTraces(String fixture) throws Exception {
        Jdk.JAVA_25.assumePresent();
        boolean ownGolden = Files.exists(TestPaths.goldenDir().resolve(fixture + ".javac25.trace"));
        Shapes.assertUnchangedAndTraced(ownGolden ? fixture + ".javac25" : fixture,
                () -> ChildJvm.on(Jdk.JAVA_25).classPathFirst(classes).main("io.jsnooper.it.fixtures." + fixture));
    }
}
