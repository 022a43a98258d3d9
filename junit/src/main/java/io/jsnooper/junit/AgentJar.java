package io.jsnooper.junit;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Enumeration;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Finds the agent jar to load: the one {@value #PROPERTY} names (a system property, or a line in
 * {@code junit-platform.properties}), else a jar on the class path that is the agent itself — the
 * shaded jar, recognised by its {@code Agent-Class}. The plain {@code jsnooper-agent} artifact is
 * not it: its ASM is not relocated and its manifest has no agent entries.
 */
final class AgentJar {

    static final String PROPERTY = "jsnooper.agentJar";
    static final String AGENT_CLASS = "io.jsnooper.agent.AgentMain";

    private AgentJar() {
    }

    /**
     * @param configured the value of {@value #PROPERTY}, or null
     * @throws IllegalStateException with what to do, when there is no usable jar
     */
    static Path find(String configured, ClassLoader loader) {
        if (configured != null && !configured.isBlank()) {
            Path jar = Paths.get(configured.trim()).toAbsolutePath().normalize();
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(PROPERTY + " names " + jar + ", which does not exist"
                        + " (build the agent first: mvn package -pl agent)");
            }
            if (!isAgent(jar)) {
                throw new IllegalStateException(PROPERTY + " names " + jar + ", which is not the agent jar"
                        + " (its manifest has no Agent-Class " + AGENT_CLASS + "); use jsnooper-agent.jar");
            }
            return jar;
        }
        Path found = onClassPath(loader);
        if (found != null) {
            return found;
        }
        throw new IllegalStateException("cannot find jsnooper-agent.jar: set " + PROPERTY
                + "=/path/to/jsnooper-agent.jar as a system property (Surefire: systemPropertyVariables)"
                + " or in src/test/resources/junit-platform.properties, or start the test JVM with"
                + " -javaagent:/path/to/jsnooper-agent.jar");
    }

    private static Path onClassPath(ClassLoader loader) {
        try {
            Enumeration<URL> classes = loader.getResources(AGENT_CLASS.replace('.', '/') + ".class");
            while (classes.hasMoreElements()) {
                Path jar = jarOf(classes.nextElement());
                if (jar != null && isAgent(jar)) {
                    return jar;
                }
            }
        } catch (IOException e) {
            // no class path to look at: the caller says how to configure the jar
        }
        return null;
    }

    /** The jar or folder the system class loader would load the agent's main class from; null if none. */
    static Path onSystemClassPath() {
        URL resource = ClassLoader.getSystemClassLoader().getResource(AGENT_CLASS.replace('.', '/') + ".class");
        if (resource == null) {
            return null;
        }
        Path jar = jarOf(resource);
        return jar != null ? jar.toAbsolutePath().normalize() : Paths.get(resource.getPath());
    }

    /** {@code jar:file:/x/agent.jar!/io/...} → {@code /x/agent.jar}; null for a folder. */
    private static Path jarOf(URL resource) {
        String url = resource.toString();
        if (!url.startsWith("jar:file:") || !url.contains("!/")) {
            return null;
        }
        try {
            return Paths.get(new java.net.URI(url.substring("jar:".length(), url.indexOf("!/"))));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    static boolean isAgent(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            return manifest != null && AGENT_CLASS.equals(manifest.getMainAttributes().getValue("Agent-Class"));
        } catch (IOException e) {
            return false;
        }
    }
}
