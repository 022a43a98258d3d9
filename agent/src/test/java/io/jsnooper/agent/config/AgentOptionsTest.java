package io.jsnooper.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentOptionsTest {

    @Test
    void noArgumentsMeansAllDefaults() {
        for (String none : new String[] {null, "", "  "}) {
            AgentOptions options = AgentOptions.parse(none);
            assertNull(options.output());
            assertNull(options.dumpFolder());
            assertEquals(List.of(), options.sourcePath());
            assertEquals("", options.toString());
        }
    }

    @Test
    void everyValidKeyIsReadWithSurroundingBlanksTrimmed() {
        AgentOptions options = AgentOptions.parse(" output = /tmp/t.log ,sourcepath=/a/src:/b/src,dump=/tmp/dump,");

        assertEquals("/tmp/t.log", options.output());
        assertEquals(List.of(Paths.get("/a/src"), Paths.get("/b/src")), options.sourcePath());
        assertEquals(Paths.get("/tmp/dump"), options.dumpFolder());
    }

    @Test
    void outputStderrMeansTheStderrSetting() {
        assertEquals(SnoopSettings.STDERR, AgentOptions.parse("output=stderr").output());
    }

    @Test
    void anUnknownKeyIsNamedAndTheValidKeysAreListed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AgentOptions.parse("ouput=/tmp/t.log"));

        assertTrue(e.getMessage().startsWith("unknown agent option 'ouput'; valid keys: "), e.getMessage());
        for (String key : List.of("output", "sourcepath", "dump", "depth", "threadInfo", "watch")) {
            assertTrue(e.getMessage().contains(key), key + " is not listed: " + e.getMessage());
        }
    }

    @Test
    void aPairWithoutAnEqualsSignIsRejectedWithTheValidKeys() {
        for (String bad : new String[] {"output", "=/tmp/t.log"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse(bad));

            assertTrue(e.getMessage().contains("'" + bad + "' is not key=value"), e.getMessage());
            assertTrue(e.getMessage().contains("valid keys: "), e.getMessage());
        }
    }

    @Test
    void aKeyGivenTwiceIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AgentOptions.parse("dump=/a,dump=/b"));

        assertEquals("agent option 'dump' is given twice", e.getMessage());
    }

    @Test
    void anEmptyValueIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AgentOptions.parse("output= "));

        assertEquals("agent option 'output' has no value", e.getMessage());
    }

    @Test
    void snoopElementOptionsSetTheDefaultsOfEverySnoop() {
        SnoopSettings defaults = AgentOptions.parse("depth=3,threadInfo=true,watch=a.b;c,prefix=").snoopDefaults();

        assertEquals(3, defaults.depth);
        assertTrue(defaults.threadInfo);
        assertEquals(List.of("a.b", "c"), defaults.watch);
        assertEquals("", defaults.prefix);
        assertEquals(SnoopSettings.DEFAULTS.maxVariableLength, defaults.maxVariableLength);
    }

    @Test
    void aBadValueForASnoopElementIsRejectedWithTheReason() {
        IllegalArgumentException depth = assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse("depth=0"));
        IllegalArgumentException flag = assertThrows(IllegalArgumentException.class,
                () -> AgentOptions.parse("threadInfo=yes"));

        assertEquals("agent option depth must be 1 or more, not 0", depth.getMessage());
        assertTrue(flag.getMessage().contains("threadInfo must be true or false, not 'yes'"), flag.getMessage());
    }

    @Test
    void toStringParsesBackToTheSameOptions() {
        AgentOptions options = AgentOptions.parse(
                "dump=/tmp/d, output=/tmp/a=b.log ,sourcepath=/s1:/s2,watch=x;y.z,depth=2,color=never");

        AgentOptions again = AgentOptions.parse(options.toString());

        assertEquals("dump=/tmp/d,output=/tmp/a=b.log,sourcepath=/s1:/s2,watch=x;y.z,depth=2,color=never",
                options.toString());
        assertEquals(options.toString(), again.toString());
        assertEquals(options.snoopDefaults().toString(), again.snoopDefaults().toString());
        assertEquals(options.output(), again.output());
        assertEquals(options.dumpFolder(), again.dumpFolder());
        assertEquals(options.sourcePath(), again.sourcePath());
    }
}
