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
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.ClassReader;

/**
 * The agent's entry into class loading. Rejects most classes by name or by a byte scan, rewrites
 * the rest, and never lets an exception escape (a transformer that throws just leaves the class
 * unchanged, but silently; we say why).
 */
public final class SnoopTransformer implements ClassFileTransformer {


    private final Instrumentation instrumentation;
    private final SnoopMatcher matcher;
    private final ClassRewriter rewriter;
    private final Path dumpFolder;
    /** Binary names of the classes this transformer changed: what detach must restore. */
    private final Set<String> rewritten = ConcurrentHashMap.newKeySet();

    public SnoopTransformer(Instrumentation instrumentation, SnoopMatcher matcher, Path dumpFolder) {
        this.instrumentation = instrumentation;
        this.matcher = matcher;
        this.rewriter = new ClassRewriter(matcher);
        this.dumpFolder = dumpFolder;
    }

    public Set<String> rewrittenClasses() {
        return rewritten;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classFile) {
        if (className == null) {
            return null;
        }
        byte[] result = rewriteIfTraced(module, loader, className, classFile);
        if (result == null && classBeingRedefined != null) {
            rewritten.remove(className.replace('/', '.')); // retransformed back to its original code
        }
        return result;
    }

    private byte[] rewriteIfTraced(Module module, ClassLoader loader, String className, byte[] classFile) {
        if (SnoopMatcher.isPlatform(className) || !mayBeTraced(className, classFile)) {
            return null;
        }
        try {
            byte[] bytes = rewriter.rewrite(classFile, loader);
            if (bytes == null) {
                return null;
            }
            letModuleReadBridge(module);
            dump(className, bytes);
            rewritten.add(className.replace('/', '.'));
            return bytes;
        } catch (Throwable t) {
            Diagnostics.warn(className.replace('/', '.') + " is not traced: the rewrite failed with " + t);
            return null;
        }
    }

    /** Uses {@code @Snoop}, is named by an include pattern, or has a callee of a snooped method. */
    private boolean mayBeTraced(String className, byte[] classFile) {
        if (matcher.isIncluded(className) || SnoopMatcher.mentionsSnoop(classFile)) {
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
