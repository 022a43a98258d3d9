package io.jsnooper.agent;

import io.jsnooper.agent.attach.AgentState;
import io.jsnooper.agent.attach.AttachCommands;
import io.jsnooper.agent.config.AgentOptions;
import io.jsnooper.agent.instrument.Retransformer;
import io.jsnooper.agent.instrument.SnoopTransformer;
import io.jsnooper.agent.match.CalleeRegistry;
import io.jsnooper.agent.match.SnoopMatcher;
import io.jsnooper.agent.output.SourceLocator;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * Installs the agent's transformer, and runs the commands an attaching command line sends. Called
 * by {@link AgentMain}, at start-up ({@code -javaagent}) or when attached ({@code agentmain}). What
 * only a rewrite needs (the runtime API, ASM, the tracer) waits for the first class rewritten.
 */
public final class AgentInstaller {

    private static AgentState state;

    private AgentInstaller() {
    }

    /**
     * @throws IllegalArgumentException for a bad option at start-up, with the message for the user
     */
    public static synchronized void install(String arguments, Instrumentation instrumentation, boolean atStartup) {
        if (isDisabled()) {
            System.err.println("jsnooper: tracing is disabled (JSNOOPER_DISABLED or -Djsnooper.disabled=true)");
            return;
        }
        if (atStartup) {
            AgentOptions options = AgentOptions.parse(arguments);
            state = newState(options, instrumentation, true);
            return;
        }
        String report = reportFile(arguments);
        AttachCommands.Result result;
        try {
            result = runCommand(arguments, instrumentation);
        } catch (IllegalArgumentException e) {
            result = new AttachCommands.Result(false, "error: " + e.getMessage());
        } catch (Throwable t) {
            result = new AttachCommands.Result(false, "error: the agent failed: " + t);
        }
        answer(report, result);
    }

    private static AttachCommands.Result runCommand(String arguments, Instrumentation instrumentation) {
        AgentOptions options = AgentOptions.parse(arguments);
        String command = options.get(AgentOptions.COMMAND);
        if (command == null) {
            command = "attach";
        }
        switch (command) {
            case "attach":
                if (state == null) {
                    state = newState(AgentOptions.parse(null), instrumentation, false);
                }
                return AttachCommands.attach(state, options);
            case "status":
                return state == null ? new AttachCommands.Result(true, "no jsnooper agent is active in this JVM")
                        : AttachCommands.status(state);
            case "detach":
                return state == null ? new AttachCommands.Result(true, "no jsnooper agent is active in this JVM")
                        : AttachCommands.detach(state);
            default:
                return new AttachCommands.Result(false, "error: unknown command '" + command + "'");
        }
    }

    private static AgentState newState(AgentOptions options, Instrumentation instrumentation, boolean atStartup) {
        List<Path> sourceRoots = options.sourcePath();
        if (!sourceRoots.isEmpty()) { // without them the locator, like the tracer, loads at the first traced call
            SourceLocator.addRoots(sourceRoots);
        }
        SnoopMatcher matcher = new SnoopMatcher(options);
        LazyRuntime runtime = new LazyRuntime(instrumentation);
        SnoopTransformer transformer = new SnoopTransformer(instrumentation, matcher, runtime, options.dumpFolder());
        instrumentation.addTransformer(transformer, true);
        Retransformer retransformer = new Retransformer(instrumentation);
        CalleeRegistry.onNewOwner(retransformer);
        return new AgentState(instrumentation, matcher, runtime, transformer, retransformer, atStartup);
    }

    /** The report file is read before the rest, so that even a malformed request gets an answer. */
    private static String reportFile(String arguments) {
        if (arguments == null) {
            return null;
        }
        for (String pair : arguments.split(",")) {
            if (pair.startsWith(AgentOptions.REPORT + "=")) {
                return pair.substring(AgentOptions.REPORT.length() + 1);
            }
        }
        return null;
    }

    private static void answer(String report, AttachCommands.Result result) {
        String text = (result.ok ? "ok\n" : "failed\n") + result.text + "\n";
        if (report == null) {
            System.err.println("jsnooper: " + result.text);
            return;
        }
        try {
            Files.write(Paths.get(report), text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            System.err.println("jsnooper: " + result.text);
        }
    }

    private static boolean isDisabled() {
        String env = System.getenv("JSNOOPER_DISABLED");
        if (env != null && !env.isEmpty() && !env.equals("0") && !env.equalsIgnoreCase("false")) {
            return true;
        }
        return Boolean.getBoolean("jsnooper.disabled");
    }
}
