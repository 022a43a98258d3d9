package io.jsnooper.it.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Where the build put what the child JVMs need; set by the surefire configuration. */
public final class TestPaths {

    private TestPaths() {
    }

    public static Path agentJar() {
        return existing("jsnooper.agentJar", "run `mvn -B verify` from the project root so the agent jar is built first");
    }

    public static Path annotationsJar() {
        return existing("jsnooper.annotationsJar", "run `mvn -B verify` from the project root");
    }

    public static Path testClasses() {
        return existing("jsnooper.testClasses", "");
    }

    public static Path goldenDir() {
        return Paths.get(System.getProperty("jsnooper.goldenDir", "src/test/resources/golden"));
    }

    /** The folder the fixtures' sources are in: the trace's Source path is shown relative to it. */
    public static Path sourceRoot() {
        return Paths.get(System.getProperty("jsnooper.sourceRoot", "src/test/java")).toAbsolutePath().normalize();
    }

    /** A folder of sources beside {@code src/test/java} that Maven doesn't compile: tests compile them. */
    public static Path extraSourceRoot(String name) {
        return sourceRoot().resolveSibling(name);
    }

    private static Path existing(String property, String hint) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is not set; " + hint);
        }
        Path path = Paths.get(value).toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            throw new IllegalStateException(path + " does not exist; " + hint);
        }
        return path;
    }
}
