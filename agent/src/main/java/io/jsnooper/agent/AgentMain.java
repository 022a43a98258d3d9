package io.jsnooper.agent;

import java.io.File;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.util.jar.JarFile;

/**
 * {@code Premain-Class} and {@code Agent-Class}. Deliberately boring: it puts the agent jar on the
 * bootstrap class path, so that the runtime rewritten code calls is visible from every class
 * loader, and hands over to {@code AgentInstaller} loaded from there. This class itself is loaded
 * by the system class loader and must reference no other class of ours directly.
 */
public final class AgentMain {

    private static final String INSTALLER = "io.jsnooper.agent.AgentInstaller";

    private AgentMain() {
    }

    public static void premain(String arguments, Instrumentation instrumentation) {
        start(arguments, instrumentation, true);
    }

    public static void agentmain(String arguments, Instrumentation instrumentation) {
        start(arguments, instrumentation, false);
    }

    /** A second attach finds the jar there already: appending it twice would only add noise. */
    private static boolean isOnBootstrapPath() {
        try {
            Class.forName(INSTALLER, false, null);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static void start(String arguments, Instrumentation instrumentation, boolean atStartup) {
        try {
            if (!isOnBootstrapPath()) {
                File jar = new File(AgentMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(jar));
            }
            Class.forName(INSTALLER, true, null)
                    .getMethod("install", String.class, Instrumentation.class, boolean.class)
                    .invoke(null, arguments, instrumentation, atStartup);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException && atStartup) {
                // A bad -javaagent option: stop before the program runs untraced by mistake.
                System.err.println("jsnooper: " + cause.getMessage());
                System.exit(1);
            }
            System.err.println("jsnooper: the agent could not start, the program runs without it: " + cause);
        } catch (Throwable t) {
            System.err.println("jsnooper: the agent could not start, the program runs without it: " + t);
        }
    }
}
