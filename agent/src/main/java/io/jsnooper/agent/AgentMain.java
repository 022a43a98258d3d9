package io.jsnooper.agent;

import java.lang.instrument.Instrumentation;

/**
 * {@code Premain-Class} and {@code Agent-Class}. Deliberately boring: hands over to
 * {@link AgentInstaller}, and keeps a failure from reaching the program. The runtime API that
 * rewritten code calls is not defined here but right before the first class is rewritten
 * ({@link LazyRuntime}), so that a program with nothing snooped starts as fast as it can.
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
