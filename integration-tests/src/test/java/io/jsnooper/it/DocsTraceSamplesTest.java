package io.jsnooper.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsnooper.it.support.ChildJvm;
import io.jsnooper.it.support.Jdk;
import io.jsnooper.it.support.TestPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The trace samples in the README and the guide must be what the product prints: each sample's
 * trace lines, timestamps masked, must appear in the same order in a trace the product actually
 * wrote — the demo's (run here under the agent) or a reviewed golden file. A sample may leave lines
 * out with a {@code ...} line, never change one. Samples fenced as {@code ```text} show output that
 * changes from run to run (thread ids, relative times); the option tests check those with patterns.
 */
class DocsTraceSamplesTest {

    private static final Path ROOT = TestPaths.sourceRoot().getParent().getParent().getParent().getParent();
    /** The documents whose samples are checked: those written from the demo and the goldens. */
    private static final List<String> DOCUMENTS = List.of("README.md", "docs/options.md", "docs/attach.md",
            "docs/after-a-failure.md", "docs/junit.md", "docs/getting-started.md", "docs/how-it-works.md");

    private static final Pattern TRACE_LINE = Pattern.compile(
            "^\\s*(\\d{2}:\\d{2}:\\d{2}\\.\\d{6} |\\s{15} )?(\\S+ )?(call|line|return|exception) +\\d+ .*$"
            + "|^\\s*(Source path:\\.\\.\\.|Starting var:\\.\\.|New var:\\.{7}|Modified var:\\.\\.|Return value:\\.\\.|"
            + "Exception:\\.{5}|Call ended by exception|Elapsed time:).*$");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{2}:\\d{2}:\\d{2}\\.\\d{6}");
    private static final Pattern SOURCE_PATH = Pattern.compile("Source path:\\.\\.\\. .*/");

    private static final List<String> CORPUS = new ArrayList<>();

    @BeforeAll
    static void collectWhatTheProductWrites() throws Exception {
        Path demoClasses = ROOT.resolve("demo-app/target/classes");
        Path demoDir = ROOT.resolve("demo-app");
        ChildJvm.Result demo = ChildJvm.on(Jdk.CURRENT).classPath(demoClasses).workingDirectory(demoDir)
                .main("io.jsnooper.demo.DemoMain").run().assertSucceeded();
        CORPUS.add(normalize(demo.stderr));
        try (Stream<Path> goldens = Files.walk(TestPaths.goldenDir())) {
            for (Path golden : goldens.filter(p -> p.toString().endsWith(".trace")).collect(Collectors.toList())) {
                CORPUS.add(normalize(Files.readString(golden, StandardCharsets.UTF_8)));
            }
        }
    }

    static Stream<String> samples() throws IOException {
        List<String> samples = new ArrayList<>();
        for (String document : DOCUMENTS) {
            List<String> lines = Files.readAllLines(ROOT.resolve(document), StandardCharsets.UTF_8);
            StringBuilder block = null;
            boolean skipping = false;
            for (String line : lines) {
                if (skipping) {
                    skipping = !line.startsWith("```");
                    continue;
                }
                if (line.startsWith("```")) {
                    if (block == null) {
                        block = line.equals("```text") ? null : new StringBuilder();
                        skipping = line.equals("```text");
                        if (skipping) {
                            continue;
                        }
                    } else {
                        if (block.toString().lines().anyMatch(l -> TRACE_LINE.matcher(l).matches())) {
                            samples.add(document + "\n" + block);
                        }
                        block = null;
                    }
                } else if (block != null) {
                    block.append(line).append('\n');
                }
            }
        }
        return samples.stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void eachTraceSampleIsWhatTheProductPrints(String sample) {
        String document = sample.substring(0, sample.indexOf('\n'));
        List<String> wanted = normalize(sample.substring(sample.indexOf('\n') + 1)).lines()
                .filter(l -> TRACE_LINE.matcher(l).matches())
                .collect(Collectors.toList());
        boolean found = CORPUS.stream().anyMatch(trace -> containsInOrder(trace.lines().collect(Collectors.toList()), wanted));
        assertTrue(found, "a trace sample in " + document + " matches no trace the product writes"
                + " (the demo's or a golden file's):\n" + String.join("\n", wanted));
    }

    private static boolean containsInOrder(List<String> trace, List<String> wanted) {
        for (int start = 0; start < trace.size(); start++) {
            if (!trace.get(start).equals(wanted.get(0))) {
                continue;
            }
            int at = start;
            boolean all = true;
            for (String line : wanted) {
                while (at < trace.size() && !trace.get(at).equals(line)) {
                    at++;
                }
                if (at == trace.size()) {
                    all = false;
                    break;
                }
                at++;
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private static String normalize(String trace) {
        String text = TIMESTAMP.matcher(trace).replaceAll("HH:MM:SS.ffffff");
        return SOURCE_PATH.matcher(text).replaceAll("Source path:... ");
    }
}
