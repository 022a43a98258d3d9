package io.jsnooper.agent.instrument;

import io.jsnooper.agent.match.SnoopMatcher;
import io.jsnooper.agent.output.Diagnostics;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Rewrites the snooped methods of one class. Only instructions and new local slots are added,
 * never fields or methods, so the same rewrite is legal when an attached agent retransforms a
 * loaded class. Returns null to leave the class as it is.
 */
public final class ClassRewriter {

    private final SnoopMatcher matcher;

    public ClassRewriter(SnoopMatcher matcher) {
        this.matcher = matcher;
    }

    public byte[] rewrite(byte[] classFile) {
        return rewrite(classFile, null);
    }

    /** @param loader the class's defining loader (null for bootstrap), for custom reprs and static watches */
    public byte[] rewrite(byte[] classFile, ClassLoader loader) {
        Set<String> tooLarge = new HashSet<>();
        while (true) {
            ClassNode type = read(classFile);
            if (type.version < Opcodes.V1_6 && (type.version & 0xFFFF) < Opcodes.V1_6) {
                Diagnostics.warnOnce("old:" + type.name, type.name.replace('/', '.')
                        + " is compiled for Java 5 or older (class file " + type.version
                        + "); it is not traced");
                return null;
            }
            Map<MethodNode, SnoopMatcher.Selection> selected = matcher.select(type);
            boolean classHasLocalNames = false;
            for (MethodNode m : type.methods) {
                classHasLocalNames |= m.localVariables != null && !m.localVariables.isEmpty();
            }
            int rewritten = 0;
            for (Map.Entry<MethodNode, SnoopMatcher.Selection> e : selected.entrySet()) {
                MethodNode method = e.getKey();
                if (tooLarge.contains(method.name + method.desc)) {
                    continue;
                }
                try {
                    MethodRewriter.rewrite(type.name, type.sourceFile, method, e.getValue(), loader, classHasLocalNames);
                    rewritten++;
                } catch (UnsupportedMethodException ex) {
                    Diagnostics.warn(displayName(type, method) + " is not traced: " + ex.getMessage());
                }
            }
            if (rewritten == 0) {
                return null;
            }
            try {
                ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
                type.accept(writer);
                return writer.toByteArray();
            } catch (MethodTooLargeException ex) {
                // Start again from the original bytes without the method that grew past 64 KB.
                tooLarge.add(ex.getMethodName() + ex.getDescriptor());
                Diagnostics.warn(type.name.replace('/', '.') + "." + ex.getMethodName()
                        + " is not traced: it would exceed the JVM's 64 KB method size once rewritten");
            }
        }
    }

    private static ClassNode read(byte[] classFile) {
        ClassNode type = new ClassNode();
        // Expanded frames let FrameExtender add the handle local to every frame uniformly.
        new ClassReader(classFile).accept(type, ClassReader.EXPAND_FRAMES);
        return type;
    }

    private static String displayName(ClassNode type, MethodNode method) {
        return type.name.replace('/', '.') + "." + method.name;
    }
}
