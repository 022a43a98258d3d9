package io.jsnooper.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixed part of a library's own test suite that CI runs: a few commons-text test classes, in
 * two child JVMs, without the agent and with it rewriting every method of commons-text. Every test
 * must end the same way. run-suites.sh runs the whole suites (docs/reliability.md).
 */
class SuiteSubsetTest {

    /** Chosen for breadth (parsing, recursion, builders, algorithms) at a few seconds each. */
    private static final List<String> TEST_CLASSES = List.of(
            "org.apache.commons.text.StringSubstitutorTest",
            "org.apache.commons.text.WordUtilsTest",
            "org.apache.commons.text.CaseUtilsTest",
            "org.apache.commons.text.StrTokenizerTest",
            "org.apache.commons.text.similarity.LevenshteinDistanceTest",
            "org.apache.commons.text.similarity.JaroWinklerSimilarityTest",
            "org.apache.commons.text.translate.NumericEntityUnescaperTest");

    @Test
    void commonsTextTestsEndTheSameWayUnderTheAgent(@TempDir Path work) throws Exception {
        Map<String, SuiteDiff.Outcome> baseline = run(work.resolve("baseline"), List.of(), TEST_CLASSES);
        Map<String, SuiteDiff.Outcome> agent = run(work.resolve("agent"), List.of(
                "-javaagent:" + System.getProperty("jsnooper.agentJar") + "=include=org.apache.commons.text..*,output="
                        + work.resolve("trace.txt")), TEST_CLASSES);

        assertTrue(baseline.size() > 200, "ran " + SuiteDiff.counts(baseline));
        assertFalse(baseline.containsValue(SuiteDiff.Outcome.FAILED), SuiteDiff.counts(baseline));
        assertEquals(List.of(), SuiteDiff.differences(baseline, agent),
                "without agent " + SuiteDiff.counts(baseline) + "; with agent " + SuiteDiff.counts(agent));
        // the agent really traced the library, it was not merely present
        assertTrue(Files.size(work.resolve("trace.txt")) > 100_000, "trace size " + Files.size(work.resolve("trace.txt")));
    }

    /**
     * Found by run-suites.sh: this test takes 0.5 s without the agent and did not end within 10
     * minutes with it. On every line event Tracer.reportMutations re-renders each live reference
     * variable, and ValueRenderer.appendToString calls the user's toString() on a TextStringBuilder
     * holding the fuzzer's large input, then cuts the result: quadratic in the input size.
     */
    @Test
    void aFuzzTestWithALargeBuilderDoesNotSlowDownManyfold(@TempDir Path work) throws Exception {
        List<String> fuzz = List.of("org.apache.commons.text.StringSubstitutorOssFuzzTest");
        long start = System.nanoTime();
        Map<String, SuiteDiff.Outcome> baseline = run(work.resolve("baseline"), List.of(), fuzz);
        long baselineMillis = (System.nanoTime() - start) / 1_000_000;
        Map<String, SuiteDiff.Outcome> agent = run(work.resolve("agent"), List.of("-javaagent:"
                + System.getProperty("jsnooper.agentJar") + "=include=org.apache.commons.text..*,output=/dev/null"),
                fuzz, baselineMillis * 20 + 30_000);
        assertEquals(List.of(), SuiteDiff.differences(baseline, agent));
    }

    private static Map<String, SuiteDiff.Outcome> run(Path dir, List<String> agentArgs, List<String> testClasses)
            throws Exception {
        return run(dir, agentArgs, testClasses, TimeUnit.MINUTES.toMillis(5));
    }

    private static Map<String, SuiteDiff.Outcome> run(Path dir, List<String> agentArgs, List<String> testClasses,
            long timeoutMillis) throws Exception {
        Path jars = Paths.get(System.getProperty("jsnooper.suiteSubsetJars"));
        String classPath = String.join(File.pathSeparator,
                jars.resolve("junit-platform-console-standalone.jar").toString(),
                jars.resolve("commons-text-tests.jar").toString(),
                jarOf("org.apache.commons.text.StringSubstitutor"),
                jarOf("org.apache.commons.lang3.StringUtils"));
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(agentArgs);
        command.addAll(List.of("-cp", classPath, "org.junit.platform.console.ConsoleLauncher", "execute",
                "--disable-banner", "--details=none", "--reports-dir", dir.resolve("reports").toString()));
        for (String c : testClasses) {
            command.add("--select-class=" + c);
        }
        unpackResources(jars.resolve("commons-text-tests.jar"), dir.resolve("src/test/resources"));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("console.txt").toFile()).start();
        if (!p.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            fail("timed out after " + timeoutMillis + " ms: " + testClasses);
        }
        String console = Files.readString(dir.resolve("console.txt"));
        assertFalse(console.matches("(?s).*(VerifyError|ClassFormatError|LinkageError).*"), console);
        return SuiteDiff.read(dir.resolve("reports"));
    }

    /** The tests open their fixtures by the path they have in the library's source tree. */
    private static void unpackResources(Path jar, Path into) throws Exception {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                if (e.isDirectory() || e.getName().endsWith(".class") || e.getName().startsWith("META-INF/")) {
                    continue;
                }
                Path target = into.resolve(e.getName());
                Files.createDirectories(target.getParent());
                try (var in = zip.getInputStream(e)) {
                    Files.copy(in, target);
                }
            }
        }
    }

    private static String jarOf(String className) throws Exception {
        Class<?> c = Class.forName(className, false, SuiteSubsetTest.class.getClassLoader());
        return Paths.get(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
