package io.jsnooper.agent;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.security.CodeSource;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Defines the runtime API ({@code io.jsnooper.runtime.Dispatcher} and {@code Bridge}) in the
 * bootstrap class loader, where every class loader can link to it. Appending the agent jar to the
 * bootstrap search path would do that too, but makes the JVM turn class data sharing off for the
 * application's classes, with a warning on every start; defining two small classes does not.
 * The JDK's internal {@code Unsafe.defineClass} is reached by exporting its package to the agent
 * through {@link Instrumentation#redefineModule}, the sanctioned way for an agent to open the JDK.
 * Called once, by {@link LazyRuntime}, right before the first class is rewritten.
 */
final class BootstrapInjector {

    /** In dependency order: the bridge refers to the dispatcher. */
    private static final String[] RUNTIME = {"io.jsnooper.runtime.Dispatcher", "io.jsnooper.runtime.Bridge"};

    private BootstrapInjector() {
    }

    /** Defines the runtime in the bootstrap loader, unless an earlier agent load already did. */
    static void injectRuntime(Instrumentation instrumentation) throws Exception {
        if (isDefined(RUNTIME[RUNTIME.length - 1])) {
            return;
        }
        Module javaBase = Object.class.getModule();
        Module self = BootstrapInjector.class.getModule();
        instrumentation.redefineModule(javaBase, Set.of(), Map.of("jdk.internal.misc", Set.of(self)), Map.of(),
                Set.of(), Map.of());
        Class<?> unsafeClass = Class.forName("jdk.internal.misc.Unsafe");
        Object unsafe = unsafeClass.getMethod("getUnsafe").invoke(null);
        Method define = unsafeClass.getMethod("defineClass", String.class, byte[].class, int.class, int.class,
                ClassLoader.class, java.security.ProtectionDomain.class);
        for (String name : RUNTIME) {
            if (!isDefined(name)) {
                byte[] bytes = classBytes(name);
                define.invoke(unsafe, name, bytes, 0, bytes.length, null, null);
            }
        }
    }

    private static boolean isDefined(String name) {
        try {
            Class.forName(name, false, null);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /**
     * Reads the classes from the agent jar itself: {@code getResourceAsStream} would first ask the
     * boot and platform loaders (opening the JDK's module image), then go through a {@code jar:}
     * URL and its connection classes, ~5 ms more at the first rewrite. From a folder of classes
     * (a build's {@code target/classes}), it is the fallback.
     */
    private static byte[] classBytes(String name) throws Exception {
        String entry = name.replace('.', '/') + ".class";
        File jar = agentJar();
        if (jar != null) {
            try (ZipFile zip = new ZipFile(jar)) {
                ZipEntry found = zip.getEntry(entry);
                if (found == null) {
                    throw new IOException(entry + " is missing from " + jar);
                }
                try (InputStream in = zip.getInputStream(found)) {
                    return in.readAllBytes();
                }
            }
        }
        try (InputStream in = BootstrapInjector.class.getResourceAsStream("/" + entry)) {
            if (in == null) {
                throw new IOException(entry + " is missing from the agent's class path");
            }
            return in.readAllBytes();
        }
    }

    /** The jar this class was loaded from, or null if it came from elsewhere (a folder). */
    private static File agentJar() throws URISyntaxException {
        CodeSource source = BootstrapInjector.class.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        if (location == null || !"file".equals(location.getProtocol())) {
            return null;
        }
        File file = new File(location.toURI());
        return file.isFile() ? file : null;
    }
}
