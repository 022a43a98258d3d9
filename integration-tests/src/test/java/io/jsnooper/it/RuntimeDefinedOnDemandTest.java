package io.jsnooper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsnooper.it.fixtures.attach.LoopMain;
import io.jsnooper.it.fixtures.attach.Pricing;
import io.jsnooper.it.fixtures.env.SquareMain;
import io.jsnooper.it.support.AgentCli;
import io.jsnooper.it.support.ChildJvm;
import io.jsnooper.it.support.Jdk;
import io.jsnooper.it.support.RunningJvm;
import io.jsnooper.it.support.TraceGrammar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The runtime API that rewritten code calls ({@code io.jsnooper.runtime.Bridge} and
 * {@code Dispatcher}) is defined in the boot loader by the first rewrite, not at start-up, so a
 * program with nothing snooped never pays for it. Read from the child's class-loading log
 * ({@code -Xlog:class+load}), never from a timing.
 */
class RuntimeDefinedOnDemandTest {

    /** {@code [0.123s][info][class,load] a.B source: ...}: the class name and where it came from. */
    private static final Pattern LOADED = Pattern.compile("\\[class,load\\s*\\] (\\S+) source: (.*)$");
    /** How the JVM logs a class defined by {@code Unsafe.defineClass}, here into the boot loader. */
    private static final String DEFINED_BY_THE_AGENT = "__JVM_DefineClass__";

    @TempDir
    Path temp;

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void aProgramWithNothingSnoopedNeverDefinesTheRuntimeNorLoadsTheRewriterOrTheTracer(Jdk jdk) throws Exception {
        Path log = temp.resolve("classes.log");
        ChildJvm.Result result = ChildJvm.on(jdk.assumePresent()).jvmArg("-Xlog:class+load:file=" + log)
                .main(LoopMain.class, "3", "0").run().assertSucceeded();

        assertEquals("", result.stderr);
        List<String> loaded = names(loads(log));
        assertTrue(loaded.contains("io.jsnooper.agent.instrument.SnoopTransformer"), "the agent was installed");
        assertEquals(List.of(), loaded.stream()
                .filter(c -> c.startsWith("io.jsnooper.runtime.") || c.startsWith("io.jsnooper.shaded.")
                        || c.startsWith("io.jsnooper.agent.trace.") || c.startsWith("io.jsnooper.agent.output."))
                .collect(Collectors.toList()));
    }

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void theFirstSnoopedClassDefinesTheRuntimeOnceInTheBootLoaderAndNowhereElse(Jdk jdk) throws Exception {
        Path log = temp.resolve("classes.log");
        ChildJvm.Result result = ChildJvm.on(jdk.assumePresent()).jvmArg("-Xlog:class+load:file=" + log)
                .main(SquareMain.class).run().assertSucceeded();

        assertEquals("main ran\n81\n", result.stdout);
        assertTrue(result.stderr.contains("Return value:.. 81\n"), result.stderr);
        List<String[]> loads = loads(log);
        assertEquals(List.of(DEFINED_BY_THE_AGENT), sourcesOf("io.jsnooper.runtime.Bridge", loads));
        assertEquals(List.of(DEFINED_BY_THE_AGENT), sourcesOf("io.jsnooper.runtime.Dispatcher", loads));
        List<String> loaded = names(loads);
        assertTrue(loaded.indexOf("io.jsnooper.runtime.Bridge") < loaded.indexOf(SquareMain.class.getName()),
                "defined before the rewritten class");
    }

    /** The agent came with -javaagent and found nothing to snoop; an attach later needs the runtime. */
    @Test
    void anAttachToAJvmWhoseAgentHadNothingToSnoopDefinesTheRuntimeThen() throws Exception {
        Path log = temp.resolve("classes.log");
        Path trace = temp.resolve("pricing.trace");
        try (RunningJvm target = ChildJvm.on(Jdk.CURRENT).jvmArg("-Xlog:class+load:file=" + log)
                .main(LoopMain.class, "2500", "20").start()) {
            target.awaitLine("ready", line -> line.equals("ready"));

            ChildJvm.Result attached = AgentCli.run("attach", Long.toString(target.pid()),
                    "--include", Pricing.class.getName() + "#total", "--output", trace.toString());
            assertEquals(0, attached.exitCode, attached.stdout + attached.stderr);
            awaitCalls(trace, 2);
            target.send("stop");
            assertEquals(0, target.awaitExit(), target.toString());
            assertEquals("", target.stderr());
        }
        List<String[]> loads = loads(log);
        assertEquals(List.of(DEFINED_BY_THE_AGENT), sourcesOf("io.jsnooper.runtime.Bridge", loads));
        List<String> loaded = names(loads);
        assertTrue(loaded.indexOf("io.jsnooper.agent.attach.AttachCommands") < loaded.indexOf("io.jsnooper.runtime.Bridge"),
                "defined by the attach, not at start-up");
    }

    private static void awaitCalls(Path trace, int calls) throws Exception {
        long deadline = System.nanoTime() + RunningJvm.DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(trace) && TraceGrammar.countEvents(Files.readString(trace), "call") >= calls) {
                return;
            }
            Thread.sleep(20); // a polling interval; the deadline bounds the wait
        }
        throw new AssertionError("fewer than " + calls + " traced calls in " + trace);
    }

    /** Each class-load line of the log as {name, source}, in order. */
    private static List<String[]> loads(Path log) throws Exception {
        return Files.readAllLines(log).stream().map(LOADED::matcher).filter(Matcher::find)
                .map(m -> new String[] {m.group(1), m.group(2)}).collect(Collectors.toList());
    }

    private static List<String> names(List<String[]> loads) {
        return loads.stream().map(l -> l[0]).collect(Collectors.toList());
    }

    private static List<String> sourcesOf(String className, List<String[]> loads) {
        return loads.stream().filter(l -> l[0].equals(className)).map(l -> l[1]).collect(Collectors.toList());
    }
}
