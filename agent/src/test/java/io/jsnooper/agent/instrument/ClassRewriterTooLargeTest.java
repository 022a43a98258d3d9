package io.jsnooper.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;

/** A method that fits in 64 KB but would not once probes are added is left untraced, not broken. */
class ClassRewriterTooLargeTest {

    /** Each line is {@code x++} (iinc: 3 bytes); tracing adds a line probe and a store probe to it. */
    private static final int LINES = 20_000;
    /** Diagnostics says each message once per JVM: each test generates its own class. */
    private static int generated;

    /** {@code @Snoop static int big() { int x = 0; x++; ... x++; return x; }} and a small {@code @Snoop} method. */
    private static String nextName() {
        return "io/jsnooper/generated/TooLarge" + (++generated);
    }

    private static byte[] generate(String name) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, name, null, "java/lang/Object", null);
        cw.visitSource("TooLarge.java", null);

        MethodVisitor big = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "big", "()I", null, null);
        big.visitAnnotation("Lio/jsnooper/Snoop;", true).visitEnd();
        big.visitCode();
        big.visitInsn(Opcodes.ICONST_0);
        big.visitVarInsn(Opcodes.ISTORE, 0);
        for (int line = 1; line <= LINES; line++) {
            Label label = new Label();
            big.visitLabel(label);
            big.visitLineNumber(line, label);
            big.visitIincInsn(0, 1);
        }
        big.visitVarInsn(Opcodes.ILOAD, 0);
        big.visitInsn(Opcodes.IRETURN);
        big.visitMaxs(0, 0);
        big.visitEnd();

        MethodVisitor small = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "small", "(I)I", null, null);
        small.visitAnnotation("Lio/jsnooper/Snoop;", true).visitEnd();
        small.visitCode();
        Label label = new Label();
        small.visitLabel(label);
        small.visitLineNumber(1, label);
        small.visitIincInsn(0, 1);
        small.visitVarInsn(Opcodes.ILOAD, 0);
        small.visitInsn(Opcodes.IRETURN);
        small.visitMaxs(0, 0);
        small.visitEnd();

        cw.visitEnd();
        return cw.toByteArray();
    }

    private static boolean callsTheBridge(byte[] classFile, String method) {
        for (AbstractInsnNode insn : Rewriting.method(classFile, method).instructions) {
            if (insn instanceof MethodInsnNode && ((MethodInsnNode) insn).owner.equals(BridgeApi.OWNER)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theGeneratedMethodFitsBeforeTheRewrite() {
        String name = nextName();

        byte[] original = generate(name);

        // big's code: iconst_0, istore_0, 20,000 x iinc (3 bytes), iload_0, ireturn = 60,004 of 65,535 bytes
        assertTrue(original.length > 60_004, original.length + " bytes");
        assertEquals(LINES, Rewriting.invoke0(Rewriting.load(name.replace('/', '.'), original), "big"));
    }

    @Test
    void theTooLargeMethodIsLeftUntracedWithOneWarningAndTheOthersAreTraced() throws Throwable {
        byte[][] rewritten = new byte[1][];

        String name = nextName();

        String stderr = Rewriting.stderrOf(() -> rewritten[0] = Rewriting.rewriter().rewrite(generate(name)));

        List<String> warnings = stderr.lines().filter(l -> l.startsWith("jsnooper:")).collect(Collectors.toList());
        assertEquals(1, warnings.size(), stderr);
        assertTrue(warnings.get(0).contains(name.replace('/', '.') + ".big is not traced"), warnings.get(0));
        assertTrue(warnings.get(0).contains("64 KB"), warnings.get(0));
        assertFalse(callsTheBridge(rewritten[0], "big"));
        assertTrue(callsTheBridge(rewritten[0], "small"));
        Rewriting.assertVerifies(rewritten[0]);
    }

    @Test
    void theClassStillLoadsAndBothMethodsStillWork() throws Throwable {
        String name = nextName();
        byte[] rewritten = Rewriting.rewriter().rewrite(generate(name));
        Class<?> type = Rewriting.load(name.replace('/', '.'), rewritten);

        assertEquals(LINES, Rewriting.invoke(type, null, "big"));
        assertEquals(42, Rewriting.invoke(type, null, "small", 41));
    }
}
