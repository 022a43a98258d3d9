package io.jsnooper.agent.instrument;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.ParameterNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The "where" of a rewrite: a read-only pass over a method that decides every probe site before
 * anything is inserted, so that ids, names and positions always agree. It reads the line table,
 * the local variable table (when the class has one) and the handlers; it changes nothing.
 */
final class MethodLayout {

    /** A parameter (or {@code this}) reported as a "Starting var". */
    static final class StartingVar {
        final int slot;
        final Type type;
        final int var;

        StartingVar(int slot, Type type, int var) {
            this.slot = slot;
            this.type = type;
            this.var = var;
        }
    }

    /** A store into a local: the probe goes right after the instruction, on the line that did it. */
    static final class StoreSite {
        final int slot;
        final Type type;
        final int var;

        StoreSite(int slot, Type type, int var) {
            this.slot = slot;
            this.type = type;
            this.var = var;
        }
    }

    final MethodNode method;
    final boolean isStatic;
    final boolean isConstructor;
    final boolean hasLocalNames;
    final VariableTable variables = new VariableTable();
    final List<StartingVar> startingVars = new ArrayList<>();
    final Map<AbstractInsnNode, StoreSite> stores = new IdentityHashMap<>();
    /** Instruction before which a line probe goes → probe index. */
    final Map<AbstractInsnNode, Integer> lineSites = new IdentityHashMap<>();
    final List<Integer> probeLines = new ArrayList<>();
    final List<int[]> probeLiveReferences = new ArrayList<>();
    /** Probes whose line holds nothing but a jump or a void return: javac's closing-brace code. */
    final List<Boolean> probeJumpOnly = new ArrayList<>();
    /**
     * Probes at a jump or handler target that has no line entry of its own (a for-each's hasNext(),
     * a finally's copy): they repeat the line in effect there, and fire only when the line changed.
     */
    final List<Boolean> probeRearm = new ArrayList<>();
    /**
     * For each probe site that is a {@code new}: the labels at its offset. Stack map frames name
     * an uninitialized object by the label of its {@code new}; the rewriter keeps them on it.
     */
    final Map<AbstractInsnNode, List<LabelNode>> labelsOfNew = new IdentityHashMap<>();
    /** First instruction of a typed catch handler → the handler's line (or -1). */
    final Map<AbstractInsnNode, Integer> caughtSites = new LinkedHashMap<>();
    final List<AbstractInsnNode> returns = new ArrayList<>();
    /** In a constructor, the {@code super(...)}/{@code this(...)} call; null elsewhere. */
    final MethodInsnNode superCall;
    final int firstLine;

    private final Map<AbstractInsnNode, Integer> index = new IdentityHashMap<>();

    private MethodLayout(MethodNode method, MethodInsnNode superCall, boolean classHasLocalNames) {
        this.method = method;
        this.isStatic = (method.access & Opcodes.ACC_STATIC) != 0;
        this.isConstructor = "<init>".equals(method.name);
        this.hasLocalNames = classHasLocalNames
                || (method.localVariables != null && !method.localVariables.isEmpty());
        if (method.localVariables == null) {
            method.localVariables = new ArrayList<>();
        }
        this.superCall = superCall;
        int i = 0;
        for (AbstractInsnNode insn : method.instructions) {
            index.put(insn, i++);
        }
        this.firstLine = findFirstLine(method.instructions);
    }

    /**
     * Lays out the probes of {@code method}.
     *
     * @throws UnsupportedMethodException when the method can't be rewritten safely
     */
    static MethodLayout of(String owner, MethodNode method) {
        return of(owner, method, method.localVariables != null && !method.localVariables.isEmpty());
    }

    /**
     * @param classHasLocalNames whether the class was compiled with {@code -g}: javac writes no
     *     table at all for a method without parameters or locals, which must not read as "no -g"
     */
    static MethodLayout of(String owner, MethodNode method, boolean classHasLocalNames) {
        MethodInsnNode superCall = null;
        if ("<init>".equals(method.name)) {
            superCall = ConstructorPrologue.findSuperCall(method);
            if (superCall == null) {
                throw new UnsupportedMethodException("no super(...) or this(...) call was found");
            }
        }
        MethodLayout layout = new MethodLayout(method, superCall, classHasLocalNames);
        layout.layOutStartingVars(owner);
        layout.layOutStores();
        layout.layOutLines();
        layout.layOutHandlers();
        layout.layOutReturns();
        return layout;
    }

    private void layOutStartingVars(String owner) {
        int slot = 0;
        if (!isStatic) {
            if (!isConstructor) {
                // `this` is uninitialized until super(...) returns: it can't be passed anywhere before.
                Type type = Type.getObjectType(owner);
                startingVars.add(new StartingVar(0, type, variables.idOf("this", type.getDescriptor())));
            }
            slot = 1;
        }
        Type[] args = Type.getArgumentTypes(method.desc);
        for (int a = 0; a < args.length; a++) {
            if (hasLocalNames && localAt(slot, 0) == null) {
                // a parameter javac adds and names nowhere: an enum constructor's name and ordinal,
                // an inner class's outer instance
                slot += args[a].getSize();
                continue;
            }
            String name = parameterName(slot, a);
            startingVars.add(new StartingVar(slot, args[a], variables.idOf(name, args[a].getDescriptor())));
            slot += args[a].getSize();
        }
    }

    private String parameterName(int slot, int argIndex) {
        LocalVariableNode local = localAt(slot, 0);
        if (local != null) {
            return local.name;
        }
        List<ParameterNode> parameters = method.parameters;
        if (parameters != null && argIndex < parameters.size() && parameters.get(argIndex).name != null) {
            return parameters.get(argIndex).name;
        }
        return "arg" + argIndex;
    }

    private void layOutStores() {
        int argSlots = isStatic ? 0 : 1;
        for (Type arg : Type.getArgumentTypes(method.desc)) {
            argSlots += arg.getSize();
        }
        for (AbstractInsnNode insn : method.instructions) {
            int slot;
            Type storedType;
            if (insn instanceof VarInsnNode && insn.getOpcode() >= Opcodes.ISTORE && insn.getOpcode() <= Opcodes.ASTORE) {
                slot = ((VarInsnNode) insn).var;
                storedType = typeOfStore(insn.getOpcode());
            } else if (insn instanceof IincInsnNode) {
                slot = ((IincInsnNode) insn).var;
                storedType = Type.INT_TYPE;
            } else {
                continue;
            }
            // The scope of a freshly declared local starts right after its first store.
            LocalVariableNode local = localAt(slot, index.get(insn) + 1);
            String name;
            String descriptor;
            if (local != null) {
                name = local.name;
                descriptor = local.desc;
            } else if (hasLocalNames) {
                continue; // a compiler temporary (for-each iterator, switch selector, ...): not the user's
            } else {
                name = slot < argSlots ? startingVarName(slot) : "slot" + slot;
                descriptor = storedType.getDescriptor();
            }
            if (!compatible(storedType, descriptor)) {
                continue;
            }
            stores.put(insn, new StoreSite(slot, storedType, variables.idOf(name, descriptor)));
        }
    }

    private String startingVarName(int slot) {
        for (StartingVar v : startingVars) {
            if (v.slot == slot) {
                return variables.names()[v.var];
            }
        }
        return "slot" + slot;
    }

    private void layOutLines() {
        InsnList insns = method.instructions;
        AbstractInsnNode lastSite = null;
        for (AbstractInsnNode insn : insns) {
            if (!(insn instanceof LineNumberNode)) {
                continue;
            }
            int line = ((LineNumberNode) insn).line;
            if (line <= 0) {
                continue;
            }
            AbstractInsnNode site = nextRealInstruction(insn);
            if (site == null) {
                continue;
            }
            if (site == lastSite) {
                // Two line entries for one offset: only the last one is ever "current".
                int probe = lineSites.get(site);
                probeLines.set(probe, line);
                probeLiveReferences.set(probe, liveReferences(index.get(site)));
                probeJumpOnly.set(probe, isJumpOnly(site));
                continue;
            }
            lineSites.put(site, probeLines.size());
            probeLines.add(line);
            probeLiveReferences.add(liveReferences(index.get(site)));
            probeJumpOnly.add(isJumpOnly(site));
            probeRearm.add(false);
            lastSite = site;
        }
        for (LabelNode target : jumpTargets()) {
            AbstractInsnNode site = nextRealInstruction(target);
            if (site == null || lineSites.containsKey(site)) {
                continue;
            }
            int line = lineInEffect(target);
            if (line <= 0) {
                continue;
            }
            lineSites.put(site, probeLines.size());
            probeLines.add(line);
            probeLiveReferences.add(liveReferences(index.get(site)));
            probeJumpOnly.add(isJumpOnly(site));
            probeRearm.add(true);
        }
        for (AbstractInsnNode site : lineSites.keySet()) {
            rememberLabelsOfNew(site);
        }
    }

    private void rememberLabelsOfNew(AbstractInsnNode site) {
        if (site.getOpcode() != Opcodes.NEW || labelsOfNew.containsKey(site)) {
            return;
        }
        List<LabelNode> labels = new ArrayList<>();
        for (AbstractInsnNode n = site.getPrevious(); n != null && n.getOpcode() < 0; n = n.getPrevious()) {
            if (n instanceof LabelNode) {
                labels.add((LabelNode) n);
            }
        }
        labelsOfNew.put(site, labels);
    }

    /**
     * Labels that start a new run of a line without a line entry of their own: targets of backward
     * jumps (a loop's next round, such as a for-each's hasNext()) and handlers (a finally's copy).
     * A forward jump's target is the join inside a statement (after a ternary, a switch case): no
     * new line starts there.
     */
    private Set<LabelNode> jumpTargets() {
        Set<LabelNode> targets = new LinkedHashSet<>();
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof JumpInsnNode) {
                addIfBackward(targets, insn, ((JumpInsnNode) insn).label);
            } else if (insn instanceof TableSwitchInsnNode) {
                addIfBackward(targets, insn, ((TableSwitchInsnNode) insn).dflt);
                ((TableSwitchInsnNode) insn).labels.forEach(l -> addIfBackward(targets, insn, l));
            } else if (insn instanceof LookupSwitchInsnNode) {
                addIfBackward(targets, insn, ((LookupSwitchInsnNode) insn).dflt);
                ((LookupSwitchInsnNode) insn).labels.forEach(l -> addIfBackward(targets, insn, l));
            }
        }
        for (TryCatchBlockNode handler : method.tryCatchBlocks) {
            targets.add(handler.handler);
        }
        return targets;
    }

    private void addIfBackward(Set<LabelNode> targets, AbstractInsnNode jump, LabelNode target) {
        if (index.get(target) < index.get(jump)) {
            targets.add(target);
        }
    }

    /** The line of the nearest line entry before {@code label} in code order; -1 if none. */
    private static int lineInEffect(LabelNode label) {
        for (AbstractInsnNode n = label; n != null; n = n.getPrevious()) {
            if (n instanceof LineNumberNode && ((LineNumberNode) n).line > 0) {
                return ((LineNumberNode) n).line;
            }
        }
        return -1;
    }

    /** Reference-typed locals in scope at {@code position}: re-rendered to show in-place changes. */
    private int[] liveReferences(int position) {
        Set<Integer> live = new LinkedHashSet<>();
        if (hasLocalNames) {
            for (LocalVariableNode local : method.localVariables) {
                char c = local.desc.charAt(0);
                if ((c == 'L' || c == '[') && covers(local, position) && !(isConstructor && local.index == 0)) {
                    live.add(variables.idOf(local.name, local.desc));
                }
            }
        } else {
            for (StartingVar v : startingVars) {
                if (v.type.getSort() == Type.OBJECT || v.type.getSort() == Type.ARRAY) {
                    live.add(v.var);
                }
            }
        }
        return live.stream().mapToInt(Integer::intValue).toArray();
    }

    private void layOutHandlers() {
        for (TryCatchBlockNode handler : method.tryCatchBlocks) {
            AbstractInsnNode site = nextRealInstruction(handler.handler);
            if (site == null || caughtSites.containsKey(site)) {
                continue;
            }
            // A catch clause is reported at its own line; finally and synchronized plumbing (no
            // type) at the line that threw, as the exception passes through.
            caughtSites.put(site, handler.type == null ? -1 : lineOfHandler(handler.handler));
            rememberLabelsOfNew(site);
        }
    }

    private static int lineOfHandler(LabelNode handler) {
        for (AbstractInsnNode n = handler; n != null; n = n.getNext()) {
            if (n instanceof LineNumberNode) {
                return ((LineNumberNode) n).line;
            }
            if (n.getOpcode() >= 0 && n != handler && !(n instanceof VarInsnNode)) {
                break; // the catch line is the astore of the exception; past that we'd guess
            }
        }
        return -1;
    }

    private void layOutReturns() {
        for (AbstractInsnNode insn : method.instructions) {
            int op = insn.getOpcode();
            if (op >= Opcodes.IRETURN && op <= Opcodes.RETURN) {
                returns.add(insn);
            }
        }
    }

    private LocalVariableNode localAt(int slot, int position) {
        if (!hasLocalNames) {
            return null;
        }
        for (LocalVariableNode local : method.localVariables) {
            if (local.index == slot && covers(local, position)) {
                return local;
            }
        }
        return null;
    }

    private boolean covers(LocalVariableNode local, int position) {
        return index.get(local.start) <= position && position < index.get(local.end);
    }

    /** The table's type must agree with the instruction's, or the table is wrong (seen in the wild). */
    private static boolean compatible(Type stored, String descriptor) {
        Type declared = Type.getType(descriptor);
        int sort = declared.getSort();
        switch (stored.getSort()) {
            case Type.INT:
                return sort == Type.INT || sort == Type.BOOLEAN || sort == Type.CHAR
                        || sort == Type.BYTE || sort == Type.SHORT;
            case Type.OBJECT:
                return sort == Type.OBJECT || sort == Type.ARRAY;
            default:
                return sort == stored.getSort();
        }
    }

    private static Type typeOfStore(int opcode) {
        switch (opcode) {
            case Opcodes.ISTORE:
                return Type.INT_TYPE;
            case Opcodes.LSTORE:
                return Type.LONG_TYPE;
            case Opcodes.FSTORE:
                return Type.FLOAT_TYPE;
            case Opcodes.DSTORE:
                return Type.DOUBLE_TYPE;
            default:
                return Type.getObjectType("java/lang/Object");
        }
    }

    /**
     * Whether a line's code is only javac's plumbing: a loop's back-jump, a void method's final
     * return, or the end of a finally or synchronized block (store the exception, release the
     * monitor, re-throw). javac puts these on the closing brace's line, where PySnooper shows nothing;
     * the tracer still checks that the source line starts with a brace.
     */
    private static boolean isJumpOnly(AbstractInsnNode site) {
        for (AbstractInsnNode n = site; n != null && !(n instanceof LineNumberNode); n = n.getNext()) {
            switch (n.getOpcode()) {
                case -1:
                case Opcodes.GOTO:
                case Opcodes.RETURN:
                case Opcodes.ATHROW:
                case Opcodes.ALOAD:
                case Opcodes.ASTORE:
                case Opcodes.MONITOREXIT:
                    break;
                default:
                    return false;
            }
        }
        return true;
    }

    static AbstractInsnNode nextRealInstruction(AbstractInsnNode from) {
        for (AbstractInsnNode n = from.getNext(); n != null; n = n.getNext()) {
            if (n.getOpcode() >= 0) {
                return n;
            }
        }
        return null;
    }

    private static int findFirstLine(InsnList insns) {
        for (AbstractInsnNode n : insns) {
            if (n instanceof LineNumberNode && ((LineNumberNode) n).line > 0) {
                return ((LineNumberNode) n).line;
            }
        }
        return -1;
    }
}
