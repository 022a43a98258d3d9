package io.jsnooper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsnooper.it.fixtures.slf4j.CheckoutService;
import io.jsnooper.it.fixtures.slf4j.NoLoggerApp;
import io.jsnooper.it.support.ChildJvm;
import io.jsnooper.it.support.Jdk;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code output = "slf4j"}: each trace line goes through the application's own SLF4J binding,
 * found through the snooped class's loader; the agent brings none of its own.
 */
class Slf4jOutputTest {

    private static final String DEFAULT_LOGGER = CheckoutService.class.getName();

    @Test
    void slf4jSimplePrintsEachTraceLineWithTheLoggerNameAndLevel() throws Exception {
        ChildJvm.Result result = ChildJvm.on(Jdk.CURRENT).main(CheckoutService.class)
                .classPath(jar("slf4j-api-")).classPath(jar("slf4j-simple-"))
                .jvmArg("-Dorg.slf4j.simpleLogger.defaultLogLevel=debug")
                .run().assertSucceeded();

        assertEquals("total=21\n", result.stdout);
        List<String> lines = result.stderr.lines().collect(Collectors.toList());
        assertTrue(lines.contains("[main] DEBUG " + DEFAULT_LOGGER + " - New var:....... sum = 21"), result.stderr);
        assertTrue(lines.contains("[main] DEBUG " + DEFAULT_LOGGER + " - Return value:.. 21"), result.stderr);
        assertTrue(lines.contains("[main] INFO audit.checkout - Return value:.. \"total=21\""), result.stderr);
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\[main\\] INFO audit\\.checkout - \\d\\d:\\d\\d:\\d\\d\\.\\d{6}"
                + " line +\\d+ +String text = \"total=\" \\+ total;")), result.stderr);
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("Source path") || l.startsWith("New var")),
                "every trace line goes through the logger: " + result.stderr);
    }

    @Test
    void logbackAppliesItsOwnPatternAndTheMdcOfTheTracedThread(@TempDir Path config) throws Exception {
        Files.writeString(config.resolve("logback.xml"), String.join("\n",
                "<configuration>",
                "  <appender name=\"OUT\" class=\"ch.qos.logback.core.ConsoleAppender\">",
                "    <target>System.err</target>",
                "    <encoder><pattern>LB %level %logger [%X{requestId}] %msg%n</pattern></encoder>",
                "  </appender>",
                "  <root level=\"DEBUG\"><appender-ref ref=\"OUT\"/></root>",
                "</configuration>"));
        ChildJvm.Result result = ChildJvm.on(Jdk.CURRENT).main(CheckoutService.class)
                .classPath(config).classPath(jar("slf4j-api-")).classPath(jar("logback-classic-"))
                .classPath(jar("logback-core-"))
                .run().assertSucceeded();

        assertEquals("total=21\n", result.stdout);
        List<String> lines = result.stderr.lines().collect(Collectors.toList());
        assertTrue(lines.contains("LB DEBUG " + DEFAULT_LOGGER + " [req-42] Starting var:.. items = 3"), result.stderr);
        assertTrue(lines.contains("LB INFO audit.checkout [req-42] New var:....... text = \"total=21\""), result.stderr);
    }

    @Test
    void withoutSlf4jTheTraceGoesToStderrAfterOneWarning() throws Exception {
        ChildJvm.Result result = ChildJvm.on(Jdk.CURRENT).main(NoLoggerApp.class).run().assertSucceeded();

        assertEquals("81\n", result.stdout);
        List<String> warnings = result.stderr.lines().filter(l -> l.startsWith("jsnooper:")).collect(Collectors.toList());
        assertEquals(List.of("jsnooper: output=slf4j, but the application has no SLF4J (org.slf4j:slf4j-api) on its"
                + " class path; tracing to stderr instead"), warnings);
        assertTrue(result.stderr.contains("New var:....... result = 81"), result.stderr);
    }

    /** A jar of the test class path, by the start of its file name. */
    private static Path jar(String prefix) {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Paths.get(entry);
            if (path.getFileName().toString().startsWith(prefix) && entry.endsWith(".jar")) {
                return path;
            }
        }
        throw new IllegalStateException("no " + prefix + "*.jar on the test class path");
    }
}
