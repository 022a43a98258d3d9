package io.jsnooper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsnooper.it.fixtures.options.Colors;
import io.jsnooper.it.fixtures.options.Output;
import io.jsnooper.it.fixtures.options.Overwrite;
import io.jsnooper.it.support.ChildJvm;
import io.jsnooper.it.support.Golden;
import io.jsnooper.it.support.Jdk;
import io.jsnooper.it.support.TestPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * value/output, overwrite and color. The fixtures name relative files, so each child runs in a
 * fresh folder, finding the fixtures' sources through the {@code sourcepath=} agent option.
 */
class OutputOptionsTest {

    private static final String ESC = "\u001b[";

    @TempDir
    Path folder;

    private ChildJvm child(Class<?> main, String... args) {
        return ChildJvm.on(Jdk.CURRENT).main(main, args).workingDirectory(folder)
                .agentOptions("sourcepath=" + TestPaths.sourceRoot());
    }

    private String read(String relative) throws Exception {
        return Files.readString(folder.resolve(relative));
    }

    @Test
    void valueAndOutputNameTheTraceFileAndAnEmptyOneMeansStderr() throws Exception {
        ChildJvm.Result result = child(Output.class).run().assertSucceeded();
        assertEquals("9\n", result.stdout);
        Golden.assertMatches("options/Output.value", read("logs/value.trace"));
        Golden.assertMatches("options/Output.output", read("logs/output.trace"));
        assertFalse(Files.exists(folder.resolve("logs/ignored.trace")), "output wins over value");
        Golden.assertMatches("options/Output.stderr", result.stderr);
    }

    @Test
    void theOutputAgentOptionSendsEveryTraceToOneFile() throws Exception {
        ChildJvm.Result result = child(Output.class)
                .agentOptions("sourcepath=" + TestPaths.sourceRoot() + ",output=everything.trace")
                .run().assertSucceeded();
        assertEquals("", result.stderr);
        assertFalse(Files.exists(folder.resolve("logs")), "no annotation's file is created");
        String trace = read("everything.trace");
        for (String method : List.of("toValueFile", "outputWinsOverValue", "toStderr")) {
            assertTrue(trace.contains("call") && trace.contains(" " + method + "(int x) {"), method + "\n" + trace);
        }
    }

    @Test
    void theOutputAgentOptionStderrOverridesAnnotatedFiles() throws Exception {
        ChildJvm.Result result = child(Output.class)
                .agentOptions("sourcepath=" + TestPaths.sourceRoot() + ",output=stderr")
                .run().assertSucceeded();
        assertFalse(Files.exists(folder.resolve("logs")), "no annotation's file is created");
        assertEquals(3, result.stderr.lines().filter(l -> l.contains(" call ")).count(), result.stderr);
    }

    @Test
    void overwriteTruncatesTheFileAtEachRunsFirstWriteWhileTheDefaultAppends() throws Exception {
        Files.writeString(folder.resolve("overwritten.trace"), "left over from an earlier run\n");
        child(Overwrite.class, "1").run().assertSucceeded();
        child(Overwrite.class, "2").run().assertSucceeded();

        String overwritten = read("overwritten.trace");
        assertFalse(overwritten.contains("left over"), overwritten);
        assertEquals(List.of("Starting var:.. run = 2", "Starting var:.. run = 2"), startingRuns(overwritten),
                "both calls of the last run, and only those");
        Golden.assertMatches("options/Overwrite", overwritten);

        assertEquals(List.of("Starting var:.. run = 1", "Starting var:.. run = 1",
                "Starting var:.. run = 2", "Starting var:.. run = 2"), startingRuns(read("appended.trace")));
    }

    private static List<String> startingRuns(String trace) {
        return trace.lines().filter(l -> l.startsWith("Starting var:.. run")).collect(Collectors.toList());
    }

    @Test
    void colorAlwaysColoursStderrAndFilesWhileAutoAndNeverDoNotWhenNotOnATerminal() throws Exception {
        // the child's stderr is a file, not a terminal: AUTO must stay plain
        ChildJvm.Result result = child(Colors.class).run().assertSucceeded();
        assertEquals("30\n", result.stdout);
        List<String> lines = result.stderr.lines().collect(Collectors.toList());
        assertEquals(9 + 8 + 8, lines.size(), result.stderr);
        for (String line : lines) {
            if (line.startsWith("always| ")) {
                assertTrue(line.contains(ESC) && line.endsWith(ESC + "0m"), line);
            } else {
                assertTrue(line.startsWith("auto| ") || line.startsWith("never| "), line);
                assertFalse(line.contains("\u001b"), line);
            }
        }
        assertTrue(result.stderr.contains("always| " + ESC + "36m" + ESC + "2mReturn value:.. " + ESC + "39m" + ESC
                + "22m4" + ESC + "0m"), "PySnooper's palette: cyan return value\n" + result.stderr);

        String alwaysFile = read("colors-always.trace");
        assertTrue(alwaysFile.lines().allMatch(l -> l.startsWith(ESC) && l.endsWith(ESC + "0m")), alwaysFile);
        assertFalse(read("colors-auto.trace").contains("\u001b"), "AUTO never colours a file");
    }

    @Test
    void colorAlwaysIsKeptWhenNoColorIsSetAndAutoStaysPlain() throws Exception {
        ChildJvm.Result result = child(Colors.class).env("NO_COLOR", "1").run().assertSucceeded();
        assertTrue(result.stderr.lines().filter(l -> l.startsWith("always| ")).allMatch(l -> l.contains(ESC)),
                result.stderr);
        assertTrue(result.stderr.lines().filter(l -> l.startsWith("auto| ")).noneMatch(l -> l.contains("\u001b")),
                result.stderr);
    }
}
