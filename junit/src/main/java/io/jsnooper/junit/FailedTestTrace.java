package io.jsnooper.junit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Where a failing test's trace is written ({@code <folder>/<test class>/<test method>.trace}), and
 * how it is shown on standard error. Repeated and parameterized tests add their invocation number:
 * {@code <test method>[2].trace}.
 */
final class FailedTestTrace {

    /** The folder for trace files; {@code target/jsnooper} under the working directory by default. */
    static final String DIRECTORY = "jsnooper.traceDirectory";
    static final String DEFAULT_DIRECTORY = "target/jsnooper";

    private final String testName;
    private final Path file;

    private FailedTestTrace(String testName, Path file) {
        this.testName = testName;
        this.file = file;
    }

    static FailedTestTrace of(ExtensionContext context) {
        Path folder = Paths.get(context.getConfigurationParameter(DIRECTORY).orElse(DEFAULT_DIRECTORY));
        String className = context.getRequiredTestClass().getName();
        String method = context.getRequiredTestMethod().getName() + invocation(context.getUniqueId());
        return new FailedTestTrace(className + "." + method,
                folder.resolve(safe(className)).resolve(safe(method) + ".trace"));
    }

    /** {@code [...]/[test-template-invocation:#2]} → {@code [2]}; empty for a plain test. */
    private static String invocation(String uniqueId) {
        int hash = uniqueId.lastIndexOf(":#");
        if (hash < 0 || !uniqueId.endsWith("]") || uniqueId.lastIndexOf('/') > hash) {
            return "";
        }
        return "[" + uniqueId.substring(hash + 2, uniqueId.length() - 1) + "]";
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._$\\[\\]-]", "_");
    }

    /** Writes the file and prints the trace; a file that can't be written is said on standard error. */
    void write(String trace) {
        String where;
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, trace.getBytes(StandardCharsets.UTF_8));
            where = " (saved in " + file + ")";
        } catch (IOException | RuntimeException e) {
            where = " (could not be saved in " + file + ": " + e + ")";
        }
        PrintStream err = System.err;
        // one print, so that the lines of tests failing in parallel don't interleave
        err.print("jsnooper: trace of the failed test " + testName + where + ":" + System.lineSeparator() + trace);
        err.flush();
    }

    /** A file from an earlier run in which this test failed would tell a story that is no longer true. */
    void deleteStale() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException | RuntimeException e) {
            // left as it was: harmless beyond what it says
        }
    }
}
