package io.jsnooper.agent.instrument;

import io.jsnooper.agent.match.SnoopMatcher;
import io.jsnooper.agent.output.Diagnostics;
import io.jsnooper.runtime.Bridge;
import java.io.IOException;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.Set;

/**
 * The agent's entry into class loading. Rejects most classes by name or by a byte scan, rewrites
 * the rest, and never lets an exception escape (a transformer that throws just leaves the class
 * unchanged, but silently; we say why).
 */
public final class SnoopTransformer implements ClassFileTransformer {

    /** Never rewrite the JDK or ourselves: the tracer calls into both. */
    private static final String[] EXCLUDED_PREFIXES = {
        "java/", "javax/", "jdk/", "sun/", "com/sun/",
        "io/jsnooper/agent/", "io/jsnooper/runtime/", "io/jsnooper/shaded/",
    };

    private final Instrumentation instrumentation;
    private final ClassRewriter rewriter;
    private final Path dumpFolder;

    public SnoopTransformer(Instrumentation instrumentation, ClassRewriter rewriter, Path dumpFolder) {
        this.instrumentation = instrumentation;
        this.rewriter = rewriter;
        this.dumpFolder = dumpFolder;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classFile) {
        if (className == null || isExcluded(className) || !SnoopMatcher.mentionsSnoop(classFile)) {
            return null;
        }
        try {
            byte[] rewritten = rewriter.rewrite(classFile, loader);
            if (rewritten == null) {
                return null;
            }
            letModuleReadBridge(module);
            dump(className, rewritten);
            return rewritten;
        } catch (Throwable t) {
            Diagnostics.warn(className.replace('/', '.') + " is not traced: the rewrite failed with " + t);
            return null;
        }
    }

    static boolean isExcluded(String className) {
        for (String prefix : EXCLUDED_PREFIXES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** A named module reads only what it declares; the bridge is in the boot loader's unnamed module. */
    private void letModuleReadBridge(Module module) {
        Module bridge = Bridge.class.getModule();
        if (module != null && module.isNamed() && !module.canRead(bridge)) {
            instrumentation.redefineModule(module, Set.of(bridge), Map.of(), Map.of(), Set.of(), Map.of());
        }
    }

    private void dump(String className, byte[] rewritten) {
        if (dumpFolder == null) {
            return;
        }
        Path file = dumpFolder.resolve(className + ".class");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, rewritten);
        } catch (IOException e) {
            Diagnostics.warnOnce("dump", "cannot dump rewritten classes to " + dumpFolder + ": " + e);
        }
    }
}
