package io.jsnooper.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What {@link OfflineVerifier} found in one jar: counts, and the few details worth reading. */
public final class VerificationReport {

    /** A rewritten class that a check rejected while the original passes the same check. */
    public static final class Failure {
        public final String className;
        public final String check;
        public final String message;

        Failure(String className, String check, String message) {
            this.className = className;
            this.check = check;
            this.message = message;
        }

        @Override
        public String toString() {
            return className + " [" + check + "] " + message;
        }
    }

    public final String jar;
    public final List<String> includes;
    int classes;
    int classesRewritten;
    int methodsWithCode;
    int methodsRewritten;
    /** Methods with code the matcher never selects: static initializers, bridges, synthetic helpers. */
    int methodsNotSelectable;
    int classesLinked;
    final List<Failure> failures = new ArrayList<>();
    /** Reason to number of selectable methods left unrewritten for it. */
    final Map<String, Integer> skippedByReason = new TreeMap<>();
    final Map<String, List<String>> skippedExamples = new TreeMap<>();
    /** Classes that neither the original nor the rewritten bytes could link here, with why. */
    final Map<String, String> notLinkableEitherWay = new TreeMap<>();
    long millis;

    VerificationReport(String jar, List<String> includes) {
        this.jar = jar;
        this.includes = includes;
    }

    public int classes() {
        return classes;
    }

    public int classesRewritten() {
        return classesRewritten;
    }

    public int methodsRewritten() {
        return methodsRewritten;
    }

    public int classesLinked() {
        return classesLinked;
    }

    public List<Failure> failures() {
        return failures;
    }

    public int methodsSkipped() {
        return skippedByReason.values().stream().mapToInt(Integer::intValue).sum();
    }

    public Map<String, Integer> skippedByReason() {
        return skippedByReason;
    }

    public Map<String, String> notLinkableEitherWay() {
        return notLinkableEitherWay;
    }

    void skipped(String reason, String method) {
        skippedByReason.merge(reason, 1, Integer::sum);
        List<String> examples = skippedExamples.computeIfAbsent(reason, r -> new ArrayList<>());
        if (examples.size() < 3) {
            examples.add(method);
        }
    }

    /** A few lines for a person: the figures docs/reliability.md quotes. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(jar).append("  (include=").append(String.join(";", includes)).append(")\n");
        sb.append(String.format("  classes %d, rewritten %d, linked by the JVM %d; methods with code %d,"
                + " rewritten %d, skipped %d, never selectable %d; failures %d; %.1f s%n",
                classes, classesRewritten, classesLinked, methodsWithCode, methodsRewritten, methodsSkipped(),
                methodsNotSelectable, failures.size(), millis / 1000.0));
        skippedByReason.forEach((reason, n) -> sb.append("  skipped ").append(n).append(": ").append(reason)
                .append("  e.g. ").append(skippedExamples.get(reason)).append('\n'));
        if (!notLinkableEitherWay.isEmpty()) {
            sb.append("  not linkable with or without the rewrite (same error both ways): ")
                    .append(notLinkableEitherWay.size()).append('\n');
            notLinkableEitherWay.entrySet().stream().limit(5)
                    .forEach(e -> sb.append("    ").append(e.getKey()).append(": ").append(e.getValue()).append('\n'));
        }
        failures.stream().limit(50).forEach(f -> sb.append("  FAILURE ").append(f).append('\n'));
        return sb.toString();
    }
}
