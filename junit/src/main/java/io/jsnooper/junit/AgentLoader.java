package io.jsnooper.junit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.bytebuddy.agent.ByteBuddyAgent;

/**
 * Makes sure the agent runs in this JVM, once: nothing to do if it was started with
 * {@code -javaagent} (or attached earlier), otherwise it attaches to its own process through
 * byte-buddy-agent, which uses a helper process where the JDK forbids attaching to oneself
 * ({@code jdk.attach.allowAttachSelf} is false by default). The agent's {@code agentmain} treats
 * a call without {@code command=} as {@code attach}: it rewrites the {@code @Snoop} classes already
 * loaded and every one loaded later. It answers in the {@code report=} file instead of on
 * standard error, so that loading it prints nothing.
 */
final class AgentLoader {

    private static final String INSTALLER = "io.jsnooper.agent.AgentInstaller";

    /** Null until the first attempt; then the bridge, or the reason there is none. */
    private static CaptureBridge bridge;
    private static String problem;

    private AgentLoader() {
    }

    /**
     * @return the capture bridge, or null when the agent can't run here (the reason is printed once)
     */
    static synchronized CaptureBridge bridge(String configuredJar, ClassLoader loader) {
        if (bridge == null && problem == null) {
            try {
                if (!isLoaded()) {
                    attach(AgentJar.find(configuredJar, loader));
                }
                bridge = CaptureBridge.fromBootstrap();
            } catch (IllegalStateException e) {
                problem = e.getMessage();
            } catch (RuntimeException | IOException e) {
                problem = "loading the agent failed: " + e;
            }
            if (problem != null) {
                System.err.println("jsnooper: " + problem + "; tests run without traces");
            }
        }
        return bridge;
    }

    /** The agent puts its jar on the bootstrap class path before it installs itself. */
    static boolean isLoaded() {
        try {
            Class.forName(INSTALLER, false, null);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static void attach(Path jar) throws IOException {
        Path shadowing = AgentJar.onSystemClassPath();
        if (shadowing != null && !shadowing.equals(jar)) {
            // the JVM loads the Agent-Class of a dynamically loaded agent through the system class loader
            throw new IllegalStateException(shadowing + " is on the test class path and holds the agent's classes,"
                    + " so the JVM would start the agent from it instead of " + jar
                    + "; remove that dependency (the plain jsnooper-agent artifact is not the agent jar)");
        }
        Path report = Files.createTempFile("jsnooper-attach", ".txt");
        try {
            ByteBuddyAgent.attach(jar.toFile(), String.valueOf(ProcessHandle.current().pid()), "report=" + report);
            List<String> answer = Files.readAllLines(report, StandardCharsets.UTF_8);
            if (answer.isEmpty()) {
                throw new IllegalStateException("the agent did not start (is JSNOOPER_DISABLED or"
                        + " -Djsnooper.disabled=true set?)");
            }
            if (!answer.get(0).equals("ok")) {
                throw new IllegalStateException("the agent refused to attach: "
                        + String.join(" ", answer.subList(1, answer.size())));
            }
        } finally {
            Files.deleteIfExists(report);
        }
    }
}
