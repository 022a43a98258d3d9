package io.jsnooper.agent.instrument;

import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The "what" of a rewrite: the instruction sequences of each probe. Every probe leaves the operand
 * stack exactly as it found it and contains no branch and no handler, so the method's own stack
 * map frames stay valid; the only new state is the call-handle local in {@code callSlot}.
 */
final class ProbeEmitter {

    private final int callSlot;

    ProbeEmitter(int callSlot) {
        this.callSlot = callSlot;
    }

    /** {@code call = Bridge.enter(id); Bridge.store(arg, call, var)...; Bridge.begin(call);} */
    InsnList prologue(int methodId, List<MethodLayout.StartingVar> startingVars) {
        InsnList list = new InsnList();
        list.add(intConstant(methodId));
        list.add(bridge(BridgeApi.ENTER, BridgeApi.ENTER_DESC));    // Stack[1]: Object
        list.add(new VarInsnNode(Opcodes.ASTORE, callSlot));         // Stack[0]
        for (MethodLayout.StartingVar v : startingVars) {
            list.add(store(v.slot, v.type, v.var));
        }
        list.add(new VarInsnNode(Opcodes.ALOAD, callSlot));
        list.add(bridge(BridgeApi.BEGIN, BridgeApi.BEGIN_DESC));
        return list;
    }

    InsnList line(int probe) {
        InsnList list = new InsnList();
        list.add(new VarInsnNode(Opcodes.ALOAD, callSlot));
        list.add(intConstant(probe));
        list.add(bridge(BridgeApi.LINE, BridgeApi.LINE_DESC));
        return list;
    }

    /** Goes right after the store: re-loads the slot it just wrote. */
    InsnList store(int slot, Type type, int var) {
        InsnList list = new InsnList();
        list.add(new VarInsnNode(type.getOpcode(Opcodes.ILOAD), slot));  // Stack[+1 or +2]: value
        list.add(new VarInsnNode(Opcodes.ALOAD, callSlot));
        list.add(intConstant(var));
        list.add(bridge(BridgeApi.STORE, BridgeApi.storeDesc(type)));
        return list;
    }

    /** At a catch handler's first instruction, where the stack holds just the exception. */
    InsnList caught(int line) {
        InsnList list = new InsnList();
        list.add(new InsnNode(Opcodes.DUP));                        // Stack[2]: Throwable, Throwable
        list.add(new VarInsnNode(Opcodes.ALOAD, callSlot));
        list.add(intConstant(line));
        list.add(bridge(BridgeApi.CAUGHT, BridgeApi.CAUGHT_DESC));  // Stack[1]: Throwable
        return list;
    }

    /** Right before a return instruction: reports a copy of the value it is about to return. */
    InsnList returned(Type returnType) {
        InsnList list = new InsnList();
        if (returnType.getSort() == Type.VOID) {
            list.add(new VarInsnNode(Opcodes.ALOAD, callSlot));
            list.add(bridge(BridgeApi.RETURNED_VOID, BridgeApi.RETURNED_VOID_DESC));
            return list;
        }
        list.add(new InsnNode(returnType.getSize() == 2 ? Opcodes.DUP2 : Opcodes.DUP));
        list.add(new VarInsnNode(Opcodes.ALOAD, callSlot));
        list.add(bridge(BridgeApi.RETURNED, BridgeApi.returnedDesc(returnType)));
        return list;
    }

    /** The body of the catch-all handler: report, then re-throw the very same exception. */
    InsnList exitByException() {
        InsnList list = new InsnList();
        list.add(new InsnNode(Opcodes.DUP));                        // Stack[2]: Throwable, Throwable
        list.add(new VarInsnNode(Opcodes.ALOAD, callSlot));
        list.add(bridge(BridgeApi.THREW, BridgeApi.THREW_DESC));    // Stack[1]: Throwable
        list.add(new InsnNode(Opcodes.ATHROW));
        return list;
    }

    private static MethodInsnNode bridge(String name, String descriptor) {
        return new MethodInsnNode(Opcodes.INVOKESTATIC, BridgeApi.OWNER, name, descriptor, false);
    }

    static org.objectweb.asm.tree.AbstractInsnNode intConstant(int value) {
        if (value >= -1 && value <= 5) {
            return new InsnNode(Opcodes.ICONST_0 + value);
        }
        if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
            return new IntInsnNode(Opcodes.BIPUSH, value);
        }
        if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
            return new IntInsnNode(Opcodes.SIPUSH, value);
        }
        return new LdcInsnNode(value);
    }
}
