package io.jsnooper.agent.instrument;

import io.jsnooper.agent.match.CalleeRegistry;
import io.jsnooper.agent.match.EnclosingRegistry;
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
    private final RuntimeLink runtime;
    /**
     * Made at the first class worth parsing, not at start-up: it loads ASM. A race makes two, which
     * is harmless (it keeps no state of its own; its final field publishes it safely).
     */
    private ClassRewriter rewriter;
    private final Path dumpFolder;
    /** Set when the runtime could not be put in place: from then on no class is even parsed. */
    private volatile boolean runtimeMissing;
    /** Binary names of the classes this transformer changed: what detach must restore. */
    private final Set<String> rewritten = ConcurrentHashMap.newKeySet();

    public SnoopTransformer(Instrumentation instrumentation, SnoopMatcher matcher, RuntimeLink runtime,
            Path dumpFolder) {
        this.instrumentation = instrumentation;
        this.matcher = matcher;
        this.runtime = runtime;
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
        if (runtimeMissing || SnoopMatcher.isPlatform(className) || !mayBeTraced(className, classFile)) {
            return null;
        }
        try {
            byte[] bytes = rewriter().rewrite(classFile, loader);
            if (bytes == null) {
                return null;
            }
            // the runtime is put in place for the first class rewritten; if it can't be, none is
            if (!runtime.ready()) {
                runtimeMissing = true;
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

    private ClassRewriter rewriter() {
        ClassRewriter r = rewriter;
        if (r == null) {
            r = new ClassRewriter(matcher);
            rewriter = r;
        }
        return r;
    }

    /** Uses {@code @Snoop}, is named by an include pattern, or has a callee of a snooped method. */
    private boolean mayBeTraced(String className, byte[] classFile) {
        if (matcher.isIncluded(className) || EnclosingRegistry.mayEncloseIn(className)
                || SnoopMatcher.mentionsSnoop(classFile)) {
            return true;
        }
        if (CalleeRegistry.isEmpty()) {
            return false;
        }
        ClassReader header = new ClassReader(classFile); // reads the constant pool index only
        return CalleeRegistry.concerns(className, header.getSuperName(), header.getInterfaces());
    }

    /**
     * A named module reads only what it declares; the bridge is in the boot loader's unnamed module.
     * Runs only once {@link RuntimeLink#ready} said yes: before, {@code Bridge.class} would load the
     * agent jar's copy of the class into the agent's loader.
     */
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
