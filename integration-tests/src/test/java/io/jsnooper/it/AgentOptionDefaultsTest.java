package io.jsnooper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsnooper.it.fixtures.options.AgentDefaults;
import io.jsnooper.it.fixtures.options.Prefix;
import io.jsnooper.it.support.ChildJvm;
import io.jsnooper.it.support.Golden;
import io.jsnooper.it.support.Jdk;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Agent options ({@code -javaagent:jsnooper-agent.jar=key=value,...}) set the default of every
 * {@code @Snoop} element; an element written in the annotation wins. Also: switching tracing off.
 */
class AgentOptionDefaultsTest {

    @ParameterizedTest
    @EnumSource(Jdk.class)
    void agentOptionsSetEveryElementsDefaultAndAnExplicitElementWins(Jdk jdk) throws Exception {
        ChildJvm.Result result = ChildJvm.on(jdk.assumePresent()).main(AgentDefaults.class)
                .agentOptions("normalize=true,prefix=agent|,maxVariableLength=8,watch=this.hits;greeting.length()")
                .run().assertSucceeded();
        assertEquals("36\n", result.stdout);
        // plain(): all four from the agent; explicit(): its own prefix and maxVariableLength, the agent's others
        assertTrue(result.stderr.contains("agent|New var:....... greeting = \"h...ce\""), result.stderr);
        assertTrue(result.stderr.contains("own| New var:....... greeting = \"hello Ada Lovelace\""), result.stderr);
        assertTrue(result.stderr.contains("own| New var:....... greeting.length() = 18"), result.stderr);
        Golden.assertMatches("options/AgentDefaults", result.stderr);
    }

    @Test
    void aPrefixAgentOptionKeepsItsTrailingSpace() throws Exception {
        // plain() has no prefix of its own, so the agent's applies to it
        ChildJvm.Result result = ChildJvm.on(Jdk.CURRENT).main(AgentDefaults.class).agentOptions("prefix=agent| ,normalize=true")
                .run().assertSucceeded();
        assertTrue(result.stderr.lines().filter(l -> !l.startsWith("own| ")).allMatch(l -> l.startsWith("agent| ")),
                result.stderr);
    }

    @Test
    void anUnknownAgentOptionStopsTheJvmNamingItAndTheValidKeys() throws Exception {
        ChildJvm.Result result = ChildJvm.on(Jdk.CURRENT).main(Prefix.class).agentOptions("prefx=ORDER").run();
        assertEquals(1, result.exitCode);
        assertEquals("", result.stdout, "the program does not run untraced by mistake");
        assertEquals(1, result.stderr.lines().count(), result.stderr);
        assertTrue(result.stderr.startsWith("jsnooper: unknown agent option 'prefx'; valid keys: output, watch,"),
                result.stderr);
        for (String key : new String[] {"prefix", "depth", "normalize", "sourcepath", "include", "format"}) {
            assertTrue(result.stderr.contains(" " + key + ","), key + " is not listed: " + result.stderr);
        }
    }

    @Test
    void jsnooperDisabledInTheEnvironmentTurnsTracingOffWithOneLine() throws Exception {
        assertTracingOff(ChildJvm.on(Jdk.CURRENT).main(Prefix.class).env("JSNOOPER_DISABLED", "1").run());
    }

    @Test
    void theJsnooperDisabledPropertyTurnsTracingOffWithOneLine() throws Exception {
        assertTracingOff(ChildJvm.on(Jdk.CURRENT).main(Prefix.class).jvmArg("-Djsnooper.disabled=true").run());
    }

    private static void assertTracingOff(ChildJvm.Result result) {
        result.assertSucceeded();
        assertEquals("#42 for Ada\n", result.stdout);
        List<String> lines = result.stderr.lines().collect(Collectors.toList());
        assertEquals(List.of("jsnooper: tracing is disabled (JSNOOPER_DISABLED or -Djsnooper.disabled=true)"), lines);
    }
}
