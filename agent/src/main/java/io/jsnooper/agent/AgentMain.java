package io.jsnooper.agent;

import java.lang.instrument.Instrumentation;

/**
 * {@code Premain-Class} and {@code Agent-Class}. Deliberately boring: it defines the runtime API
 * that rewritten code calls in the bootstrap class loader, so that every class loader sees it, and
 * hands over to {@link AgentInstaller}. Nothing may touch {@code io.jsnooper.runtime} before that,
 * or this loader would load its own copy from the jar.
 */
public final class AgentMain {

    private AgentMain() {
    }

    public static void premain(String arguments, Instrumentation instrumentation) {
        start(arguments, instrumentation, true);
    }

    public static void agentmain(String arguments, Instrumentation instrumentation) {
        start(arguments, instrumentation, false);
    }

    private static void start(String arguments, Instrumentation instrumentation, boolean atStartup) {
        try {
            BootstrapInjector.injectRuntime(instrumentation);
        } catch (Throwable t) {
            System.err.println("jsnooper: the agent could not start, the program runs without it: " + t);
            return;
        }
        try {
            AgentInstaller.install(arguments, instrumentation, atStartup);
        } catch (IllegalArgumentException e) {
            if (atStartup) {
                // A bad -javaagent option: stop before the program runs untraced by mistake.
                System.err.println("jsnooper: " + e.getMessage());
                System.exit(1);
            }
            System.err.println("jsnooper: " + e.getMessage());
        } catch (Throwable t) {
            System.err.println("jsnooper: the agent could not start, the program runs without it: " + t);
        }
    }
}
