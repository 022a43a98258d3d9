package io.jsnooper.agent.instrument;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;

/**
 * For each line probe: can the code that runs after it, up to the next probe, change an object in
 * place? Only then must the tracer re-render the method's object variables at the next line to spot
 * changes (PySnooper compares every local at every line). Re-rendering is what a line event costs
 * most in real code, and a line like {@code i++}, {@code if (n > max)} or {@code x = a[i]} cannot
 * change anything a variable shows: it calls nothing and writes no field or array element.
 *
 * <p>Conservative by construction: any call, field or array write, or {@code invokedynamic} other
 * than string concatenation and lambda creation counts, and so does a walk that gets too long. A
 * few JDK methods known not to touch their arguments or any object ({@code Math}, the boxes,
 * {@code String}'s readers) don't count.
 */
final class MutationScan {

    /** Past this many instructions from one probe, assume it can. */
    private static final int MAX_WALK = 2_000;

    private MutationScan() {
    }

    /** Per probe index: true when the code after it, up to any next probe, may change an object. */
    static boolean[] of(Map<AbstractInsnNode, Integer> lineSites, int probes) {
        boolean[] mutates = new boolean[probes];
        for (Map.Entry<AbstractInsnNode, Integer> e : lineSites.entrySet()) {
            mutates[e.getValue()] = reachesMutation(e.getKey(), lineSites);
        }
        return mutates;
    }

    /**
     * The classes whose instance fields the method writes directly (dotted names): while it runs, their
     * objects may be half-changed (links being rewired), and the tracer must not call their toString().
     */
    static String[] fieldOwners(org.objectweb.asm.tree.InsnList code) {
        java.util.LinkedHashSet<String> owners = new java.util.LinkedHashSet<>();
        for (AbstractInsnNode insn = code.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn.getOpcode() == Opcodes.PUTFIELD) {
                owners.add(((org.objectweb.asm.tree.FieldInsnNode) insn).owner.replace('/', '.'));
            }
        }
        return owners.toArray(new String[0]);
    }

    private static boolean reachesMutation(AbstractInsnNode site, Map<AbstractInsnNode, Integer> lineSites) {
        Set<AbstractInsnNode> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<AbstractInsnNode> work = new ArrayDeque<>();
        work.add(site);
        while (!work.isEmpty()) {
            AbstractInsnNode insn = work.poll();
            if (!visited.add(insn)) {
                continue;
            }
            if (visited.size() > MAX_WALK || mayMutate(insn)) {
                return true;
            }
            int op = insn.getOpcode();
            if (op == Opcodes.JSR || op == Opcodes.RET) {
                return true; // subroutines of old class files: not followed
            }
            if (insn instanceof JumpInsnNode) {
                follow(work, ((JumpInsnNode) insn).label, lineSites);
            } else if (insn instanceof TableSwitchInsnNode) {
                TableSwitchInsnNode table = (TableSwitchInsnNode) insn;
                follow(work, table.dflt, lineSites);
                table.labels.forEach(label -> follow(work, label, lineSites));
            } else if (insn instanceof LookupSwitchInsnNode) {
                LookupSwitchInsnNode lookup = (LookupSwitchInsnNode) insn;
                follow(work, lookup.dflt, lineSites);
                lookup.labels.forEach(label -> follow(work, label, lineSites));
            }
            if (fallsThrough(op)) {
                follow(work, insn.getNext(), lineSites);
            }
            // A throw goes to a handler, where the tracer checks for changes anyway.
        }
        return false;
    }

    /** Queues the next real instruction from {@code from}, unless a probe of its own sits there. */
    private static void follow(ArrayDeque<AbstractInsnNode> work, AbstractInsnNode from,
            Map<AbstractInsnNode, Integer> lineSites) {
        AbstractInsnNode insn = from;
        while (insn != null && insn.getOpcode() < 0) {
            insn = insn.getNext(); // labels, line numbers, frames
        }
        if (insn != null && !lineSites.containsKey(insn)) {
            work.add(insn);
        }
    }

    private static boolean fallsThrough(int op) {
        switch (op) {
            case Opcodes.GOTO:
            case Opcodes.TABLESWITCH:
            case Opcodes.LOOKUPSWITCH:
            case Opcodes.ATHROW:
            case Opcodes.IRETURN:
            case Opcodes.LRETURN:
            case Opcodes.FRETURN:
            case Opcodes.DRETURN:
            case Opcodes.ARETURN:
            case Opcodes.RETURN:
                return false;
            default:
                return true;
        }
    }

    static boolean mayMutate(AbstractInsnNode insn) {
        int op = insn.getOpcode();
        switch (op) {
            case Opcodes.PUTFIELD:
            case Opcodes.PUTSTATIC:
            case Opcodes.IASTORE:
            case Opcodes.LASTORE:
            case Opcodes.FASTORE:
            case Opcodes.DASTORE:
            case Opcodes.AASTORE:
            case Opcodes.BASTORE:
            case Opcodes.CASTORE:
            case Opcodes.SASTORE:
                return true;
            case Opcodes.INVOKEVIRTUAL:
            case Opcodes.INVOKESPECIAL:
            case Opcodes.INVOKESTATIC:
            case Opcodes.INVOKEINTERFACE:
                return !isInert((MethodInsnNode) insn);
            case Opcodes.INVOKEDYNAMIC:
                String factory = ((InvokeDynamicInsnNode) insn).bsm.getOwner();
                return !factory.equals("java/lang/invoke/StringConcatFactory")
                        && !factory.equals("java/lang/invoke/LambdaMetafactory");
            default:
                return false;
        }
    }

    /**
     * JDK methods that change no object and call no code of the program: arguments are primitives
     * or strings only (an array could be written into, an Object's methods could do anything).
     */
    private static boolean isInert(MethodInsnNode call) {
        switch (call.owner) {
            case "java/lang/Math":
            case "java/lang/StrictMath":
            case "java/lang/Character":
            case "java/lang/Integer":
            case "java/lang/Long":
            case "java/lang/Short":
            case "java/lang/Byte":
            case "java/lang/Boolean":
            case "java/lang/Float":
            case "java/lang/Double":
            case "java/lang/String":
                break;
            default:
                return false;
        }
        if (call.name.equals("<init>")) {
            return false;
        }
        for (Type argument : Type.getArgumentTypes(call.desc)) {
            int sort = argument.getSort();
            if (sort == Type.ARRAY || (sort == Type.OBJECT && !argument.getInternalName().equals("java/lang/String"))) {
                return false;
            }
        }
        return true;
    }
}
