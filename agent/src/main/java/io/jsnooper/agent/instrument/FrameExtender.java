package io.jsnooper.agent.instrument;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Adds the call-handle local to the method's existing stack map frames instead of recomputing
 * them: recomputing needs common super classes, which means loading classes inside the transformer
 * (ClassCircularityError, Arthas #2465). Requires frames read with {@code EXPAND_FRAMES}.
 */
final class FrameExtender {

    private FrameExtender() {
    }

    static void addHandleLocal(MethodNode method, int callSlot) {
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof FrameNode) {
                FrameNode frame = (FrameNode) insn;
                if (frame.type != Opcodes.F_NEW) {
                    throw new IllegalStateException("frames must be expanded");
                }
                frame.local = withHandle(frame.local, callSlot);
            }
        }
    }

    /**
     * A frame that sees only the handle: what a catch-all handler may rely on, whatever the
     * covered instruction's locals were. {@code leading} fills slot 0 (an uninitialized this).
     */
    static FrameNode handlerFrame(int callSlot, Object leading) {
        List<Object> locals = new ArrayList<>();
        if (leading != null) {
            locals.add(leading);
        }
        while (locals.size() < callSlot) {
            locals.add(Opcodes.TOP);
        }
        locals.add(BridgeApi.HANDLE_TYPE);
        return new FrameNode(Opcodes.F_NEW, locals.size(), locals.toArray(),
                1, new Object[] {"java/lang/Throwable"});
    }

    /** In expanded frames a long or double is one entry that covers two slots. */
    private static List<Object> withHandle(List<Object> locals, int callSlot) {
        List<Object> extended = new ArrayList<>(locals == null ? List.of() : locals);
        int slots = 0;
        for (Object type : extended) {
            slots += (type == Opcodes.LONG || type == Opcodes.DOUBLE) ? 2 : 1;
        }
        while (slots < callSlot) {
            extended.add(Opcodes.TOP);
            slots++;
        }
        extended.add(BridgeApi.HANDLE_TYPE);
        return extended;
    }
}
