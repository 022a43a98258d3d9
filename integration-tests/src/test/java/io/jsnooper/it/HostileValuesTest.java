package io.jsnooper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsnooper.it.fixtures.env.HostileValues;
import io.jsnooper.it.support.ChildJvm;
import io.jsnooper.it.support.Jdk;
import io.jsnooper.it.support.TraceGrammar;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Values that fight back when rendered. One child JVM per JDK runs every case of
 * {@link HostileValues}; each test reads its own part of that run's trace.
 */
class HostileValuesTest {

    private static final Map<Jdk, ChildJvm.Result> RUNS = new EnumMap<>(Jdk.class);

    private static final String EXPECTED_STDOUT = String.join("\n",
            "survived grumpy true",
            "helper 2",
            "survived chatty true",
            "survived silent true",
            "longString 10002",
            "selfList 2",
            "hugeArray 1000000",
            "touchyMap 1",
            "survived flaky true",
            "survived meddler true",
            "");

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void theProgramRunsToTheEndWithItsOwnOutputAndNoAgentComplaint(Jdk jdk) throws Exception {
        ChildJvm.Result result = run(jdk);

        assertEquals(EXPECTED_STDOUT, result.stdout);
        assertEquals(List.of(), TraceGrammar.agentMessages(result.stderr), result.stderr);
        assertEquals("", TraceGrammar.malformedLines(result.stderr), "stderr holds the trace only");
        assertEquals(10, TraceGrammar.countEvents(result.stderr, "call"), "main's ten snooped calls, each once");
    }

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void aLocalWhoseToStringThrowsShowsWhatItThrew(Jdk jdk) throws Exception {
        assertHasLine(run(jdk), "New var:....... grumpy = <toString() threw java.lang.IllegalStateException: boom>");
    }

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void aToStringThatCallsASnoopedMethodIsRenderedWithoutTracingThatCall(Jdk jdk) throws Exception {
        ChildJvm.Result result = run(jdk);

        assertHasLine(result, "New var:....... chatty = chatty 4");
        assertEquals(List.of("Starting var:.. n = 1"), linesStartingWith(result, "Starting var:.. n = "),
                "helper is traced for main's call only, not for the toString()'s");
        assertFalse(result.stderr.contains("StackOverflowError"), result.stderr);
    }

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void aToStringThatReturnsNullShowsNull(Jdk jdk) throws Exception {
        assertHasLine(run(jdk), "New var:....... silent = null");
    }

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void aVeryLongStringIsCutInTheMiddleToAtMostOneHundredCharacters(Jdk jdk) throws Exception {
        String value = valueOf(run(jdk), "New var:....... text = ");

        assertTrue(value.length() <= 100, value.length() + " characters: " + value);
        assertTrue(value.matches("\"ax+\\.\\.\\.x+z\""), "both ends kept, `...` in the middle: " + value);
    }

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void aListThatContainsItselfRendersBoundedAndTheProgramGoesOn(Jdk jdk) throws Exception {
        ChildJvm.Result result = run(jdk);
        List<String> changes = linesStartingWith(result, "Modified var:.. self = ");
        assertEquals("Modified var:.. self = [1]", changes.get(0));
        String value = changes.get(changes.size() - 1).substring("Modified var:.. self = ".length());

        assertTrue(value.startsWith("[1, ") && value.length() <= 100, value);
        assertTrue(result.stdout.contains("selfList 2\n"), result.stdout);
    }

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void aListThatContainsItselfShowsThisCollectionLikeJavasOwnToString(Jdk jdk) throws Exception {
        assertHasLine(run(jdk), "Modified var:.. self = [1, (this Collection)]");
    }

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void aMillionElementArrayRendersBothEndsWithinOneHundredCharactersQuickly(Jdk jdk) throws Exception {
        ChildJvm.Result result = run(jdk);
        String created = valueOf(result, "New var:....... big = ");
        String changed = valueOf(result, "Modified var:.. big = ");

        assertTrue(created.length() <= 100 && created.matches("\\[0, 0, .*\\.\\.\\..*, 0, 0\\]"), created);
        assertTrue(changed.length() <= 100 && changed.endsWith(", 0, 7]"), "the change at the end shows: " + changed);
        long micros = elapsedMicrosOfCall(result, "static int hugeArray()");
        assertTrue(micros < 3_000_000, "the traced call took " + micros + " µs");
    }

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void aKeyWhoseHashCodeAndEqualsThrowIsRenderedWithoutCallingThem(Jdk jdk) throws Exception {
        ChildJvm.Result result = run(jdk);

        // the agent compares renderings and identities, never calls the program's equals() or hashCode()
        assertHasLine(result, "New var:....... key = touchy");

        assertHasLine(result, "Modified var:.. map = {touchy=1}");
        assertHasLine(result, "New var:....... size = 1");
    }

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void aCollectionWhoseIteratorThrowsConcurrentModificationShowsTheException(Jdk jdk) throws Exception {
        assertHasLine(run(jdk),
                "New var:....... flaky = <toString() threw java.util.ConcurrentModificationException: flaky>");
    }

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void aJdkListModifiedWhileItIsRenderedShowsTheConcurrentModification(Jdk jdk) throws Exception {
        assertHasLine(run(jdk),
                "Modified var:.. list = [meddler, <ConcurrentModificationException while iterating>]");
    }

    private static synchronized ChildJvm.Result run(Jdk jdk) throws Exception {
        ChildJvm.Result result = RUNS.get(jdk.assumePresent());
        if (result == null) {
            result = ChildJvm.on(jdk).main(HostileValues.class).run();
            RUNS.put(jdk, result);
        }
        return result.assertSucceeded();
    }

    private static void assertHasLine(ChildJvm.Result result, String line) {
        assertTrue(result.stderr.lines().anyMatch(line::equals), "no line `" + line + "` in:\n" + result.stderr);
    }

    private static List<String> linesStartingWith(ChildJvm.Result result, String prefix) {
        return result.stderr.lines().filter(l -> l.startsWith(prefix)).collect(Collectors.toList());
    }

    private static String valueOf(ChildJvm.Result result, String prefix) {
        List<String> lines = linesStartingWith(result, prefix);
        assertEquals(1, lines.size(), "one line `" + prefix + "...` expected in:\n" + result.stderr);
        return lines.get(0).substring(prefix.length());
    }

    /** The elapsed time the trace reports for the call whose {@code call} line shows {@code declaration}. */
    private static long elapsedMicrosOfCall(ChildJvm.Result result, String declaration) {
        String trace = result.stderr;
        int call = trace.indexOf(declaration);
        assertTrue(call >= 0, trace);
        Matcher elapsed = Pattern.compile("Elapsed time: (\\d\\d):(\\d\\d):(\\d\\d)\\.(\\d{6})").matcher(trace);
        assertTrue(elapsed.find(call), trace);
        return ((Long.parseLong(elapsed.group(1)) * 60 + Long.parseLong(elapsed.group(2))) * 60
                + Long.parseLong(elapsed.group(3))) * 1_000_000 + Long.parseLong(elapsed.group(4));
    }
}
