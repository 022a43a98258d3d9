package io.jsnooper.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Enumeration;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentJarTest {

    private static final Path SHADED = Paths.get(System.getProperty(AgentJar.PROPERTY)).toAbsolutePath().normalize();

    @TempDir
    Path folder;

    @Test
    void theConfiguredJarIsUsedWhenItIsTheAgent() {
        assertEquals(SHADED, AgentJar.find(SHADED.toString(), nothingVisible()));
    }

    @Test
    void aConfiguredJarThatDoesNotExistIsRefusedWithHowToBuildIt() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> AgentJar.find(folder.resolve("missing.jar").toString(), nothingVisible()));
        assertTrue(e.getMessage().contains("does not exist (build the agent first"), e.getMessage());
    }

    @Test
    void aConfiguredJarWithoutAgentClassIsRefusedAsNotTheAgent() throws IOException {
        Path plain = jarWithManifest(new Manifest());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> AgentJar.find(plain.toString(), nothingVisible()));
        assertTrue(e.getMessage().contains("is not the agent jar"), e.getMessage());
    }

    @Test
    void withoutConfigurationTheAgentJarIsFoundOnTheClassPath() throws IOException {
        try (URLClassLoader loader = onlyOwnResources(SHADED)) {
            assertEquals(SHADED, AgentJar.find(null, loader));
        }
    }

    @Test
    void withoutConfigurationNorAgentOnTheClassPathTheMessageSaysHowToConfigureIt() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> AgentJar.find(null, nothingVisible()));
        assertTrue(e.getMessage().contains("set jsnooper.agentJar="), e.getMessage());
    }

    private Path jarWithManifest(Manifest manifest) throws IOException {
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        Path jar = folder.resolve("plain.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.closeEntry();
        }
        return jar;
    }

    /** A loader that sees none of this JVM's jars, not even the agent the kit tests appended to bootstrap. */
    private static ClassLoader nothingVisible() {
        return new ClassLoader(null) {
            @Override
            public Enumeration<URL> getResources(String name) {
                return java.util.Collections.emptyEnumeration();
            }
        };
    }

    private static URLClassLoader onlyOwnResources(Path jar) throws IOException {
        return new URLClassLoader(new URL[] {jar.toUri().toURL()}, null) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                return findResources(name);
            }
        };
    }
}
