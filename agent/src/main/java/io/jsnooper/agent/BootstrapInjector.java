package io.jsnooper.agent;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;

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

    private static byte[] classBytes(String name) throws IOException {
        String resource = "/" + name.replace('.', '/') + ".class";
        try (InputStream in = BootstrapInjector.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is missing from the agent jar");
            }
            return in.readAllBytes();
        }
    }
}
