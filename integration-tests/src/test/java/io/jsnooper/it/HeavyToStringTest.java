package io.jsnooper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsnooper.it.fixtures.heavy.HeavyToStringMain;
import io.jsnooper.it.support.ChildJvm;
import io.jsnooper.it.support.Jdk;
import io.jsnooper.it.support.TraceGrammar;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A toString() that runs more than 10,000 of the traced program's methods, or returns more than
 * 100 times the characters a value shows, three times, is not called again: its class shows by
 * identity, so a whole-library trace does not repeat the walk at every line (commons-collections4's union views nested 128 deep: a one-second test took 1.7 s).
 * Counted in calls, not time, so the trace is the same on any machine.
 */
class HeavyToStringTest {

    private static final String OUTLINE = HeavyToStringMain.class.getName() + "$Outline";
    private static final String LEDGER = HeavyToStringMain.class.getName() + "$Ledger";

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void aToStringThatWalksTheProgramIsCalledThreeTimesAtMost(Jdk jdk) throws Exception {
        ChildJvm.Result without = ChildJvm.on(jdk.assumePresent()).main(HeavyToStringMain.class)
                .withoutAgent().run().assertSucceeded();
        ChildJvm.Result with = ChildJvm.on(jdk).main(HeavyToStringMain.class)
                .agentOptions("include=" + HeavyToStringMain.class.getPackageName() + ".*").run().assertSucceeded();

        assertEquals("160016 levels seen\n", without.stdout);
        assertEquals(without.stdout, with.stdout);
        String trace = with.stderr;
        assertEquals(List.of(), TraceGrammar.agentMessages(trace), trace);

        assertTrue(without.stderr.contains("deep outline described 0 times"), without.stderr);
        // the first three renderings of it run the 20,000 calls; then its class shows by identity
        assertTrue(trace.contains("deep outline described 3 times"), trace);
        String skipped = Pattern.quote(OUTLINE) + "@[0-9a-f]+ <toString\\(\\) skipped: slow>";
        List<String> deep = startingVars(trace, "outline", "(?:20000 levels of weight 19999|" + skipped + ")");
        assertEquals(4, deep.size(), trace);
        assertTrue(deep.get(0).endsWith("= 20000 levels of weight 19999"), deep.get(0));
        assertTrue(deep.get(3).matches(" *Starting var:\\.\\. outline = " + skipped), deep.get(3));
        // the switch to identity is no change of the value
        assertFalse(trace.contains("Modified var:.. deep ="), trace);
        assertFalse(trace.contains("Modified var:.. outline ="), trace);
        // in its own methods it shows its fields, and their changes, as any object in progress
        assertTrue(trace.contains("Modified var:.. this = Outline{levels=20001}\n"), trace);
        assertTrue(trace.contains("Modified var:.. this = Outline{levels=20002}\n"), trace);
        // one that returns 200 times what a value shows: three times too, whatever it costs here
        assertTrue(without.stderr.contains("long ledger described 0 times"), without.stderr);
        assertTrue(trace.contains("long ledger described 3 times"), trace);
        String ledgerSkipped = Pattern.quote(LEDGER) + "@[0-9a-f]+ <toString\\(\\) skipped: slow>";
        List<String> ledgers = varLines(trace, "(?:New var:\\.{7}|Starting var:\\.\\.)", "ledger",
                "(?:ledger #+\\.\\.\\.#+|" + ledgerSkipped + ")");
        assertEquals(5, ledgers.size(), trace); // made in main, then passed four times
        assertEquals("New var:....... ledger = ledger " + "#".repeat(41) + "..." + "#".repeat(49), ledgers.get(0));
        assertTrue(ledgers.get(4).matches(" *Starting var:\\.\\. ledger = " + ledgerSkipped), ledgers.get(4));
        assertFalse(trace.contains("Modified var:.. ledger ="), trace);
        // a cheap toString() of another class is called every time
        assertEquals(4, startingVars(trace, "note", "note: kept").size(), trace);
    }

    /** The Starting var lines of {@code name} whose value matches {@code value}. */
    private static List<String> startingVars(String trace, String name, String value) {
        return varLines(trace, "Starting var:\\.\\.", name, value);
    }

    /** The lines of {@code name} with a label matching {@code label} and a value matching {@code value}. */
    private static List<String> varLines(String trace, String label, String name, String value) {
        Matcher m = Pattern.compile("(?m)^ *" + label + " " + name + " = " + value + "$").matcher(trace);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
