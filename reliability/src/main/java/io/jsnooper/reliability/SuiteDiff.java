package io.jsnooper.reliability;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Compares two runs of the same test suite, from the JUnit Platform's legacy XML reports: one
 * without the agent, one with it rewriting the whole library. Every test must end the same way.
 * Usage: {@code SuiteDiff baselineReportsDir agentReportsDir}; exit status 1 on any difference.
 * {@code SuiteDiff --events baselineEvents agentEvents} compares a run cut off by its time limit,
 * from the {@link EventLog}s: the tests that finished in both, and names the rest.
 */
public final class SuiteDiff {

    enum Outcome { PASSED, FAILED, SKIPPED, UNFINISHED }

    private SuiteDiff() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("--events")) {
            System.exit(compareFinished(EventLog.read(Paths.get(args[1])), EventLog.read(Paths.get(args[2])), System.out) ? 0 : 1);
        }
        Map<String, Outcome> baseline = read(Paths.get(args[0]));
        Map<String, Outcome> agent = read(Paths.get(args[1]));
        System.out.println("without agent: " + counts(baseline));
        System.out.println("with agent:    " + counts(agent));
        List<String> differences = differences(baseline, agent);
        printDifferences(System.out, differences, "same outcome for every test");
        System.exit(differences.isEmpty() && !baseline.isEmpty() ? 0 : 1);
    }

    /**
     * Compares the tests that finished in both runs and names those that did not finish with the
     * agent (the one running when the time ran out, and how many never started). True when every
     * finished test ended the same way.
     */
    static boolean compareFinished(Map<String, Outcome> baseline, Map<String, Outcome> agent, PrintStream out) {
        Map<String, Outcome> finishedBaseline = new LinkedHashMap<>();
        Map<String, Outcome> finishedAgent = new LinkedHashMap<>();
        List<String> running = new ArrayList<>();
        int notStarted = 0;
        for (Map.Entry<String, Outcome> test : baseline.entrySet()) {
            Outcome other = agent.get(test.getKey());
            if (test.getValue() == Outcome.UNFINISHED) {
                continue;
            } else if (other == null) {
                notStarted++;
            } else if (other == Outcome.UNFINISHED) {
                running.add(test.getKey());
            } else {
                finishedBaseline.put(test.getKey(), test.getValue());
                finishedAgent.put(test.getKey(), other);
            }
        }
        agent.forEach((test, outcome) -> {
            if (!baseline.containsKey(test) && outcome != Outcome.UNFINISHED) {
                finishedAgent.put(test, outcome); // reported below as not run without the agent
            }
        });
        List<String> differences = differences(finishedBaseline, finishedAgent);
        out.println("without agent: " + counts(baseline));
        out.println("with agent, finished in the time limit: " + counts(finishedAgent));
        printDifferences(out, differences, "same outcome for every test that finished");
        running.forEach(test -> out.println("  NOT FINISHED (running when the time ran out) " + test));
        out.println("  NOT STARTED: " + notStarted + " tests");
        return differences.isEmpty() && !finishedBaseline.isEmpty();
    }

    private static void printDifferences(PrintStream out, List<String> differences, String none) {
        differences.stream().limit(100).forEach(d -> out.println("  DIFFERENT " + d));
        out.println(differences.isEmpty() ? none : differences.size() + " tests end differently");
    }

    static List<String> differences(Map<String, Outcome> baseline, Map<String, Outcome> agent) {
        Map<String, String> all = new TreeMap<>();
        baseline.forEach((test, outcome) -> {
            Outcome other = agent.get(test);
            if (other != outcome) {
                all.put(test, test + ": " + outcome + " without the agent, " + (other == null ? "not run" : other) + " with it");
            }
        });
        agent.forEach((test, outcome) -> {
            if (!baseline.containsKey(test)) {
                all.put(test, test + ": not run without the agent, " + outcome + " with it");
            }
        });
        return new ArrayList<>(all.values());
    }

    static String counts(Map<String, Outcome> results) {
        Map<Outcome, Integer> n = new LinkedHashMap<>();
        for (Outcome o : Outcome.values()) {
            n.put(o, 0);
        }
        results.values().forEach(o -> n.merge(o, 1, Integer::sum));
        return results.size() + " tests: " + n.get(Outcome.PASSED) + " passed, " + n.get(Outcome.FAILED) + " failed, "
                + n.get(Outcome.SKIPPED) + " skipped";
    }

    /** Test (class#name, numbered if a name repeats) to how it ended, from every TEST-*.xml in {@code dir}. */
    static Map<String, Outcome> read(Path dir) throws Exception {
        Map<String, Outcome> results = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            return results;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "TEST-*.xml")) {
            for (Path file : files) {
                readOne(file, results);
            }
        }
        return results;
    }

    private static void readOne(Path file, Map<String, Outcome> results) throws IOException, Exception {
        NodeList cases = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile())
                .getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element test = (Element) cases.item(i);
            String key = test.getAttribute("classname") + "#" + test.getAttribute("name");
            String unique = key;
            for (int n = 2; results.containsKey(unique); n++) {
                unique = key + " #" + n;
            }
            results.put(unique, outcome(test));
        }
    }

    private static Outcome outcome(Element test) {
        if (test.getElementsByTagName("failure").getLength() > 0 || test.getElementsByTagName("error").getLength() > 0) {
            return Outcome.FAILED;
        }
        return test.getElementsByTagName("skipped").getLength() > 0 ? Outcome.SKIPPED : Outcome.PASSED;
    }
}
