package io.jsnooper.agent.instrument;

import io.jsnooper.agent.match.CalleeRegistry;
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
import org.objectweb.asm.ClassReader;

/**
 * The agent's entry into class loading. Rejects most classes by name or by a byte scan, rewrites
 * the rest, and never lets an exception escape (a transformer that throws just leaves the class
 * unchanged, but silently; we say why).
 */
public final class SnoopTransformer implements ClassFileTransformer {


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
        if (className == null || SnoopMatcher.isPlatform(className) || !mayBeTraced(className, classFile)) {
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

    /** Uses {@code @Snoop}, or declares or inherits a method a snooped method calls with depth. */
    private static boolean mayBeTraced(String className, byte[] classFile) {
        if (SnoopMatcher.mentionsSnoop(classFile)) {
            return true;
        }
        if (CalleeRegistry.isEmpty()) {
            return false;
        }
        ClassReader header = new ClassReader(classFile); // reads the constant pool index only
        return CalleeRegistry.concerns(className, header.getSuperName(), header.getInterfaces());
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
