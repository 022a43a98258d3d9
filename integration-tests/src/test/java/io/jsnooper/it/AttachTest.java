package io.jsnooper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsnooper.it.fixtures.attach.BusyMain;
import io.jsnooper.it.fixtures.attach.LoopMain;
import io.jsnooper.it.fixtures.attach.Pricing;
import io.jsnooper.it.support.AgentCli;
import io.jsnooper.it.support.ChildJvm;
import io.jsnooper.it.support.Jdk;
import io.jsnooper.it.support.RunningJvm;
import io.jsnooper.it.support.TraceGrammar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code java -jar jsnooper-agent.jar attach | status | detach | list} against a separate JVM that
 * was started without the agent and runs un-annotated code ({@link LoopMain}, {@link BusyMain}).
 * Waits are on what the target prints (its round counter) or on the trace file, with deadlines.
 */
class AttachTest {

    private static final String PRICING = Pricing.class.getName();
    private static final String TOTAL = PRICING + "#total";
    private static final String PRICE = PRICING + "#price";
    /** A bound on the target's life; the test stops or kills it long before. */
    private static final String MAX_ROUNDS = "2500";
    private static final String PAUSE_MS = "20";
    private static final String DYNAMIC_AGENT_WARNING = "WARNING: A Java agent has been loaded dynamically";
    private static final Pattern ROUND_LINE = Pattern.compile("round (\\d+) total=\\d+");
    private static final Pattern STARTING_ROUND = Pattern.compile("(?m)^Starting var:\\.\\. round = (\\d+)$");

    @TempDir
    Path temp;

    private final List<RunningJvm> targets = new ArrayList<>();

    @AfterEach
    void killTargets() throws InterruptedException {
        for (RunningJvm target : targets) {
            target.close();
        }
    }

    // ---- attach, trace, detach

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void attachTracesTheIncludedMethodUntilDetachAndTheLoopPrintsWhatItPrintsWithoutAttach(Jdk jdk) throws Exception {
        RunningJvm target = startLoop(jdk.assumePresent());
        Path trace = temp.resolve("traces/pricing.trace");

        ChildJvm.Result attached = cli(jdk, "attach", pid(target), "--include", TOTAL, "--output", trace.toString());

        assertEquals(0, attached.exitCode, describe(attached));
        assertEquals("snooping 1 method in 1 class, trace to " + trace + "\n  " + PRICING + ".total\n", attached.stdout);
        assertEquals("", attached.stderr);
        awaitTrace(trace, "5 traced calls", t -> TraceGrammar.countEvents(t, "call") >= 5);

        ChildJvm.Result detached = cli(jdk, "detach", pid(target));
        int lastRoundBeforeDetach = lastRound(target);

        assertEquals(0, detached.exitCode, describe(detached));
        assertEquals("detached: 1 class restored to their original code;"
                + " calls already running finish with the code they started with\n", detached.stdout);
        assertTraceStops(target, trace, lastRoundBeforeDetach);
        String text = Files.readString(trace);
        Set<Integer> rounds = tracedRounds(text);
        assertEquals(rounds.size(), TraceGrammar.countEvents(text, "call"), "only total's calls: depth 1, price not included");
        assertEquals(rounds.size(), TraceGrammar.countEvents(text, "return"), "every traced call returned:\n" + text);
        assertEquals(contiguous(rounds), rounds, "every round between attach and detach was traced");
        assertEquals("", TraceGrammar.malformedLines(text));

        int rounds1 = stop(target);
        assertEquals(plainRun(jdk, rounds1), String.join("\n", target.stdoutLines()) + "\n",
                "the loop printed exactly what it prints when nothing attaches");
        assertTargetStderr(jdk, target);
    }

    @Test
    void aSecondAttachReplacesTheIncludePatternsOfTheFirst() throws Exception {
        RunningJvm target = startLoop(Jdk.CURRENT);
        Path first = temp.resolve("total.trace");
        Path second = temp.resolve("price.trace");
        assertEquals(0, cli("attach", pid(target), "--include", TOTAL, "--output", first.toString()).exitCode);
        awaitTrace(first, "3 calls of total", t -> TraceGrammar.countEvents(t, "call") >= 3);

        ChildJvm.Result replaced = cli("attach", pid(target), "--include", PRICE, "--output", second.toString());
        int lastRoundBeforeReplace = lastRound(target);

        assertEquals(0, replaced.exitCode, describe(replaced));
        assertEquals("snooping 1 method in 1 class, trace to " + second + "\n  " + PRICING + ".price\n", replaced.stdout);
        String prices = awaitTrace(second, "3 calls of price", t -> TraceGrammar.countEvents(t, "call") >= 3);
        assertTrue(prices.contains("Starting var:.. item = 1\n"), prices);
        assertFalse(prices.contains("Starting var:.. round ="), "total is no longer snooped:\n" + prices);
        assertTraceStops(target, first, lastRoundBeforeReplace);
        assertEquals(0, cli("detach", pid(target)).exitCode);
        assertEquals(plainRun(Jdk.CURRENT, stop(target)), String.join("\n", target.stdoutLines()) + "\n");
    }

    @Test
    void aSecondAttachNamingAnotherClassStopsTracingTheClassOfTheFirst() throws Exception {
        RunningJvm target = startLoop(Jdk.CURRENT);
        Path first = temp.resolve("total.trace");
        assertEquals(0, cli("attach", pid(target), "--include", TOTAL, "--output", first.toString()).exitCode);
        awaitTrace(first, "3 calls of total", t -> TraceGrammar.countEvents(t, "call") >= 3);

        ChildJvm.Result replaced = cli("attach", pid(target), "--include", LoopMain.class.getName(),
                "--output", temp.resolve("loop.trace").toString());
        int lastRoundBeforeReplace = lastRound(target);

        assertEquals(0, replaced.exitCode, describe(replaced));
        assertTraceStops(target, first, lastRoundBeforeReplace);
    }

    @Test
    void attachingAgainAfterDetachTracesAgain() throws Exception {
        RunningJvm target = startLoop(Jdk.CURRENT);
        Path first = temp.resolve("first.trace");
        Path again = temp.resolve("again.trace");
        assertEquals(0, cli("attach", pid(target), "--include", TOTAL, "--output", first.toString()).exitCode);
        awaitTrace(first, "3 traced calls", t -> TraceGrammar.countEvents(t, "call") >= 3);
        assertEquals(0, cli("detach", pid(target)).exitCode);
        int detachedAt = lastRound(target);

        ChildJvm.Result reattached = cli("attach", pid(target), "--include", TOTAL, "--output", again.toString());

        assertEquals(0, reattached.exitCode, describe(reattached));
        String text = awaitTrace(again, "3 traced calls", t -> TraceGrammar.countEvents(t, "call") >= 3);
        assertTrue(tracedRounds(text).stream().allMatch(r -> r > detachedAt), "rounds after the detach:\n" + text);
        assertEquals(0, cli("detach", pid(target)).exitCode);
        assertEquals(plainRun(Jdk.CURRENT, stop(target)), String.join("\n", target.stdoutLines()) + "\n");
    }

    @Test
    void attachToAJvmBusyInEightThreadsTracesThemAllAndChangesNoResult() throws Exception {
        RunningJvm target = start(ChildJvm.on(Jdk.CURRENT).withoutAgent().main(BusyMain.class));
        Path trace = temp.resolve("busy.trace");

        ChildJvm.Result attached = cli("attach", pid(target), "--include", TOTAL, "--output", trace.toString(),
                "--threadInfo", "true");

        assertEquals(0, attached.exitCode, describe(attached));
        awaitTrace(trace, "calls in all " + BusyMain.THREADS + " threads",
                t -> threadsWith("call", t).size() == BusyMain.THREADS);
        ChildJvm.Result detached = cli("detach", pid(target));
        assertEquals(0, detached.exitCode, describe(detached));
        // Calls running at the detach end with the old code; once they have, every call has its return.
        String text = awaitTrace(trace, "a return for every call",
                t -> countThreaded("call", t) == countThreaded("return", t));
        assertEquals("", malformedThreadedLines(text));

        target.send("stop");
        String summary = target.awaitLine("the summary", line -> line.startsWith("calls="));
        assertEquals(0, target.awaitExit(), target.toString());
        assertTrue(summary.endsWith(" wrong=0"), "every result was right, traced or not: " + summary);
        assertEquals("", target.stderr());
    }

    // ---- mistakes: a clear message, and the target goes on as before

    @Test
    void aPidOfNoJvmIsReportedWithTheCommandThatListsThem() throws Exception {
        ChildJvm.Result result = cli("attach", "999999999", "--include", TOTAL);

        assertEquals(1, result.exitCode, describe(result));
        assertEquals("", result.stdout);
        assertEquals("jsnooper: no JVM with pid 999999999 that this user can attach to;"
                + " `java -jar jsnooper-agent.jar list` shows them\n", result.stderr);
    }

    @Test
    void aMalformedPatternExitsWithTwoBeforeTouchingTheTarget() throws Exception {
        RunningJvm target = startLoop(Jdk.CURRENT);

        ChildJvm.Result result = cli("attach", pid(target), "--include", PRICING + "#to-tal");

        assertEquals(2, result.exitCode, describe(result));
        assertEquals("", result.stdout);
        assertEquals("jsnooper: --include: '" + PRICING + "#to-tal': 'to-tal' is not a method name\n", result.stderr);
        assertEquals("", target.stderr(), "no agent was loaded");
        assertEquals(plainRun(Jdk.CURRENT, stop(target)), String.join("\n", target.stdoutLines()) + "\n");
    }

    @Test
    void aPatternThatMatchesNoLoadedMethodFailsAndNamesTheClosestLoadedClasses() throws Exception {
        RunningJvm target = startLoop(Jdk.CURRENT);

        ChildJvm.Result result = cli("attach", pid(target), "--include", PRICING.replace("Pricing", "Prising") + "#total");

        assertEquals(1, result.exitCode, describe(result));
        assertEquals("", result.stdout);
        List<String> lines = result.stderr.lines().collect(Collectors.toList());
        assertEquals("error: no loaded method matched [" + PRICING.replace("Pricing", "Prising") + "#total]", lines.get(0));
        assertTrue(lines.get(1).startsWith("closest loaded classes: " + PRICING + ", "), result.stderr);
        assertTrue(lines.get(1).contains(LoopMain.class.getName()), result.stderr);
        assertEquals(0, cli("detach", pid(target)).exitCode);
        assertEquals(plainRun(Jdk.CURRENT, stop(target)), String.join("\n", target.stdoutLines()) + "\n");
    }

    @Test
    void anUnwritableOutputFailsWithTheReasonAndTheTargetRunsOnUntraced() throws Exception {
        RunningJvm target = startLoop(Jdk.CURRENT);
        Files.writeString(temp.resolve("blocker"), "a file, not a folder");
        Path output = temp.resolve("blocker/pricing.trace");

        ChildJvm.Result result = cli("attach", pid(target), "--include", TOTAL, "--output", output.toString());
        int failedAt = lastRound(target);

        assertEquals(1, result.exitCode, describe(result));
        assertEquals("", result.stdout);
        assertEquals("error: cannot write the trace to " + output + " in the target JVM"
                + " (check the folder exists or can be created, and its permissions)\n", result.stderr);
        target.awaitLine("five more rounds", line -> round(line) >= failedAt + 5);
        assertEquals(0, TraceGrammar.countEvents(target.stderr(), "call"), "nothing traced to stderr either");
        assertEquals(plainRun(Jdk.CURRENT, stop(target)), String.join("\n", target.stdoutLines()) + "\n");
    }

    @Test
    void anUnwritableOutputLeavesNoClaimOfTracingToStderrInTheTarget() throws Exception {
        RunningJvm target = startLoop(Jdk.CURRENT);
        Path output = Path.of("/proc/nope/pricing.trace");

        assertEquals(1, cli("attach", pid(target), "--include", TOTAL, "--output", output.toString()).exitCode);
        int failedAt = lastRound(target);
        target.awaitLine("two more rounds", line -> round(line) >= failedAt + 2);

        assertFalse(target.stderr().contains("tracing to stderr instead"), target.stderr());
    }

    // ---- list and status

    @Test
    void listShowsTheTargetWithItsJavaVersionAndCommandLine() throws Exception {
        String tag = "tag-" + UUID.randomUUID();
        RunningJvm target = start(ChildJvm.on(Jdk.CURRENT).withoutAgent().main(LoopMain.class, MAX_ROUNDS, PAUSE_MS, tag));

        ChildJvm.Result result = cli("list");

        assertEquals(0, result.exitCode, describe(result));
        List<String> lines = result.stdout.lines().collect(Collectors.toList());
        assertEquals("PID      JAVA     MAIN CLASS OR JAR", lines.get(0));
        String expected = String.format("%-8s %-8s %s", target.pid(), "17",
                LoopMain.class.getName() + " " + MAX_ROUNDS + " " + PAUSE_MS + " " + tag);
        assertTrue(lines.contains(expected), "a line '" + expected + "' in:\n" + result.stdout);
    }

    @Test
    void statusShowsTheIncludePatternsAndTheTraceFileAndATargetCanBeNamedByPartOfItsCommandLine() throws Exception {
        String tag = "tag-" + UUID.randomUUID();
        RunningJvm target = start(ChildJvm.on(Jdk.CURRENT).withoutAgent().main(LoopMain.class, MAX_ROUNDS, PAUSE_MS, tag));
        Path trace = temp.resolve("status.trace");
        assertEquals(0, cli("attach", tag, "--include", TOTAL, "--include", PRICING + "#price(int)",
                "--output", trace.toString()).exitCode);

        ChildJvm.Result status = cli("status", tag);

        assertEquals(0, status.exitCode, describe(status));
        assertEquals("jsnooper agent attached\n"
                + "include: [" + TOTAL + ", " + PRICING + "#price(int)]\n"
                + "trace to: " + trace + "\n"
                + "rewritten classes: 1\n"
                + "  " + PRICING + "\n", status.stdout);
        assertEquals(0, cli("detach", tag).exitCode);
        ChildJvm.Result afterDetach = cli("status", Long.toString(target.pid()));
        assertTrue(afterDetach.stdout.startsWith("jsnooper agent attached, detached\ninclude: (none)\n"), afterDetach.stdout);
        assertTrue(afterDetach.stdout.endsWith("rewritten classes: 0\n"), afterDetach.stdout);
    }

    // ---- Java 21+: the dynamic-agent switch

    @Test
    void aJava25TargetThatRefusesDynamicAgentsGetsAMessageNamingTheFlagThatAllowsThem() throws Exception {
        RunningJvm target = startLoop(Jdk.JAVA_25.assumePresent(), "-XX:-EnableDynamicAgentLoading");
        Path trace = temp.resolve("refused.trace");

        ChildJvm.Result result = cli(Jdk.JAVA_25, "attach", pid(target), "--include", TOTAL, "--output", trace.toString());
        int refusedAt = lastRound(target);

        assertEquals(1, result.exitCode, describe(result));
        assertEquals("", result.stdout);
        assertTrue(result.stderr.startsWith("jsnooper: " + target.pid() + " refused the agent: "), result.stderr);
        assertTrue(result.stderr.contains("restart it with -XX:+EnableDynamicAgentLoading, or start it with -javaagent"),
                result.stderr);
        target.awaitLine("two more rounds", line -> round(line) >= refusedAt + 2);
        assertFalse(Files.exists(trace));
        assertEquals("", target.stderr());
    }

    // ---- the same patterns at start-up

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void includePatternsGivenToJavaagentSnoopUnannotatedCodeFromTheStart(Jdk jdk) throws Exception {
        Path trace = temp.resolve("startup.trace");
        ChildJvm.Result result = ChildJvm.on(jdk.assumePresent())
                .agentOptions("include=" + Pricing.class.getPackageName() + ".*,exclude=" + LoopMain.class.getName()
                        + ";" + PRICE + ",output=" + trace)
                .main(LoopMain.class, "4", "0").run().assertSucceeded();

        assertEquals(plainRun(jdk, 4), result.stdout);
        assertEquals("", result.stderr);
        String text = Files.readString(trace);
        assertEquals(Set.of(1, 2, 3, 4), tracedRounds(text), text);
        assertEquals(4, TraceGrammar.countEvents(text, "call"), "total only: LoopMain and price are excluded\n" + text);
        assertEquals("", TraceGrammar.malformedLines(text));
    }

    // ---- helpers

    private RunningJvm startLoop(Jdk jdk, String... jvmArgs) throws IOException, InterruptedException {
        ChildJvm child = ChildJvm.on(jdk).withoutAgent().main(LoopMain.class, MAX_ROUNDS, PAUSE_MS);
        for (String arg : jvmArgs) {
            child.jvmArg(arg);
        }
        return start(child);
    }

    private RunningJvm start(ChildJvm child) throws IOException, InterruptedException {
        RunningJvm target = child.start();
        targets.add(target);
        target.awaitLine("ready", line -> line.equals("ready"));
        return target;
    }

    private static ChildJvm.Result cli(String... args) throws IOException, InterruptedException {
        return AgentCli.run(args);
    }

    /** The command line runs on the target's JDK, as a user on that machine would run it. */
    private static ChildJvm.Result cli(Jdk jdk, String... args) throws IOException, InterruptedException {
        return AgentCli.run(jdk, args);
    }

    private static String pid(RunningJvm target) {
        return Long.toString(target.pid());
    }

    private static String describe(ChildJvm.Result result) {
        return result.command + "\nstdout:\n" + result.stdout + "\nstderr:\n" + result.stderr;
    }

    /**
     * After a detach (or an attach that replaced the patterns) that returned when the target had
     * printed {@code round}: the rounds it ran after that are not traced, and the file stops
     * growing. The round running during the detach, and the one the reader hadn't shown yet, may
     * still be traced (they keep the code they started with). The file is measured 8 rounds later,
     * when the flusher (every 100 ms) has written them, and again 15 rounds after that.
     */
    private static void assertTraceStops(RunningJvm target, Path trace, int round) throws Exception {
        target.awaitLine("round " + (round + 10), line -> round(line) >= round + 10);
        long size = Files.size(trace);
        target.awaitLine("round " + (round + 25), line -> round(line) >= round + 25);
        assertEquals(size, Files.size(trace), "the trace did not grow while the target ran 15 more rounds");
        String text = Files.readString(trace);
        int last = tracedRounds(text).stream().mapToInt(Integer::intValue).max().orElse(0);
        assertTrue(last <= round + 2, "round " + last + " was traced; the detach returned after round " + round);
    }

    /** Polls the file until it exists and {@code condition} holds, for up to {@link RunningJvm#DEADLINE}. */
    private static String awaitTrace(Path trace, String description, Predicate<String> condition) throws Exception {
        long deadline = System.nanoTime() + RunningJvm.DEADLINE.toNanos();
        String text = "";
        while (System.nanoTime() < deadline) {
            text = Files.exists(trace) ? Files.readString(trace) : "";
            if (condition.test(text)) {
                return text;
            }
            Thread.sleep(20); // a polling interval, not a wait for "long enough": the deadline bounds it
        }
        throw new AssertionError("no " + description + " in " + trace + " within " + RunningJvm.DEADLINE.toSeconds()
                + " s; it has:\n" + text.substring(Math.max(0, text.length() - 3000)));
    }

    private static int round(String line) {
        Matcher m = ROUND_LINE.matcher(line);
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    private static int lastRound(RunningJvm target) {
        List<String> lines = target.stdoutLines();
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (round(lines.get(i)) >= 0) {
                return round(lines.get(i));
            }
        }
        return 0;
    }

    /** Asks the loop to stop, waits for it to end by itself, and returns how many rounds it ran. */
    private static int stop(RunningJvm target) throws Exception {
        target.send("stop");
        assertEquals(0, target.awaitExit(), target.toString());
        return lastRound(target);
    }

    /** What the loop prints in {@code rounds} rounds when nothing attaches to it. */
    private static String plainRun(Jdk jdk, int rounds) throws Exception {
        return ChildJvm.on(jdk).withoutAgent().main(LoopMain.class, Integer.toString(rounds), "0")
                .run().assertSucceeded().stdout;
    }

    private static Set<Integer> tracedRounds(String trace) {
        Set<Integer> rounds = new TreeSet<>();
        Matcher m = STARTING_ROUND.matcher(trace);
        while (m.find()) {
            rounds.add(Integer.parseInt(m.group(1)));
        }
        return rounds;
    }

    private static Set<Integer> contiguous(Set<Integer> rounds) {
        Set<Integer> all = new TreeSet<>();
        if (!rounds.isEmpty()) {
            int first = rounds.iterator().next();
            int last = ((TreeSet<Integer>) rounds).last();
            for (int r = first; r <= last; r++) {
                all.add(r);
            }
        }
        return all;
    }

    /** Java 17 prints nothing when an agent attaches; Java 21+ warns, and that is all it prints. */
    private static void assertTargetStderr(Jdk jdk, RunningJvm target) {
        if (jdk == Jdk.CURRENT) {
            assertEquals("", target.stderr());
        } else {
            assertTrue(target.stderr().startsWith(DYNAMIC_AGENT_WARNING), target.stderr());
            assertTrue(target.stderr().lines().allMatch(l -> l.startsWith("WARNING: ")), target.stderr());
        }
    }

    private static final Pattern THREADED_EVENT =
            Pattern.compile("^\\d\\d:\\d\\d:\\d\\d\\.\\d{6} (\\d+-\\S+) +(call|line|return|exception) +\\d+ .*$");

    /** The names of the threads with {@code event} lines in a trace written with {@code threadInfo}. */
    private static Set<String> threadsWith(String event, String trace) {
        return trace.lines().map(THREADED_EVENT::matcher).filter(m -> m.matches() && m.group(2).equals(event))
                .map(m -> m.group(1).replaceFirst("^\\d+-", "")).collect(Collectors.toCollection(TreeSet::new));
    }

    private static long countThreaded(String event, String trace) {
        return trace.lines().map(THREADED_EVENT::matcher).filter(m -> m.matches() && m.group(2).equals(event)).count();
    }

    /** Like {@link TraceGrammar#malformedLines}, for a trace with a thread column. */
    private static String malformedThreadedLines(String trace) {
        StringBuilder bad = new StringBuilder();
        List<String> lines = trace.lines().collect(Collectors.toList());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!THREADED_EVENT.matcher(line).matches() && !TraceGrammar.LABELLED.matcher(line).matches()) {
                bad.append(i + 1).append(": ").append(line).append('\n');
            }
        }
        return bad.toString();
    }
}
