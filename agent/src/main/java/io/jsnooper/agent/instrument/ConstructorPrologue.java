package io.jsnooper.agent.instrument;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Finds the {@code super(...)} or {@code this(...)} call of a constructor: until it returns,
 * {@code this} is uninitialized, so nothing may touch it and no exception handler may cover that
 * region (BTrace #456, ByteBuddy #857).
 */
final class ConstructorPrologue {

    private ConstructorPrologue() {
    }

    /**
     * Every {@code new} is paired with the {@code invokespecial <init>} that initializes it, in code
     * order, even when arguments branch (javac keeps each pair balanced on every path). The first
     * {@code <init>} call with no open {@code new} is therefore the one that initializes {@code this}.
     */
    static MethodInsnNode findSuperCall(MethodNode constructor) {
        int openNews = 0;
        for (AbstractInsnNode insn : constructor.instructions) {
            if (insn.getOpcode() == Opcodes.NEW) {
                openNews++;
            } else if (insn.getOpcode() == Opcodes.INVOKESPECIAL && "<init>".equals(((MethodInsnNode) insn).name)) {
                if (openNews == 0) {
                    return (MethodInsnNode) insn;
                }
                openNews--;
            }
        }
        return null;
    }
}
