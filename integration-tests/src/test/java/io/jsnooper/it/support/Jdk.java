package io.jsnooper.it.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** The JDKs a child JVM can run on: the one running the tests (17), and Java 25 where installed. */
public enum Jdk {
    CURRENT(Paths.get(System.getProperty("java.home"))),
    JAVA_25(Paths.get(System.getProperty("jsnooper.jdk25", "/usr/lib/jvm/temurin-25-jdk-amd64")));

    private final Path home;

    Jdk(Path home) {
        this.home = home;
    }

    public Path java() {
        return home.resolve("bin/java");
    }

    public boolean isPresent() {
        return Files.isExecutable(java());
    }

    /** Skips the calling test, with the reason, when this JDK is not installed. */
    public Jdk assumePresent() {
        Assumptions.assumeTrue(isPresent(), () -> "skipped: no Java 25 at " + home
                + " (set -Djsnooper.jdk25=/path/to/jdk25 to run the Java 25 tests)");
        return this;
    }

    /** For {@code @MethodSource}: every JDK; tests call {@link #assumePresent()} first. */
    public static Stream<Jdk> all() {
        List<Jdk> all = new ArrayList<>(List.of(values()));
        return all.stream();
    }
}
