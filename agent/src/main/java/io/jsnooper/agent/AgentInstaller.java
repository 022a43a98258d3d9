package io.jsnooper.agent;

import io.jsnooper.agent.config.AgentOptions;
import io.jsnooper.agent.instrument.ClassRewriter;
import io.jsnooper.agent.instrument.Retransformer;
import io.jsnooper.agent.instrument.SnoopTransformer;
import io.jsnooper.agent.match.CalleeRegistry;
import io.jsnooper.agent.match.SnoopMatcher;
import io.jsnooper.agent.trace.Tracer;
import java.lang.instrument.Instrumentation;

/**
 * Installs the agent once its jar is on the bootstrap class path: reads the options, configures
 * the tracer and registers the transformer. Called reflectively by {@link AgentMain}.
 */
public final class AgentInstaller {

    private static boolean installed;

    private AgentInstaller() {
    }

    /**
     * @throws IllegalArgumentException for a bad option, with the message for the user
     */
    public static synchronized void install(String arguments, Instrumentation instrumentation, boolean atStartup) {
        if (isDisabled()) {
            System.err.println("jsnooper: tracing is disabled (JSNOOPER_DISABLED or -Djsnooper.disabled=true)");
            return;
        }
        AgentOptions options = AgentOptions.parse(arguments);
        if (installed) {
            System.err.println("jsnooper: the agent is already installed in this JVM");
            return;
        }
        Tracer.configure(options);
        ClassRewriter rewriter = new ClassRewriter(new SnoopMatcher(options));
        instrumentation.addTransformer(new SnoopTransformer(instrumentation, rewriter, options.dumpFolder()), true);
        Retransformer retransformer = new Retransformer(instrumentation);
        CalleeRegistry.onNewOwner(retransformer::request);
        installed = true;
    }

    private static boolean isDisabled() {
        String env = System.getenv("JSNOOPER_DISABLED");
        if (env != null && !env.isEmpty() && !env.equals("0") && !env.equalsIgnoreCase("false")) {
            return true;
        }
        return Boolean.getBoolean("jsnooper.disabled");
    }
}
