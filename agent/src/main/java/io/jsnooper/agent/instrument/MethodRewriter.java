package io.jsnooper.agent.instrument;

import io.jsnooper.agent.match.SnoopMatcher;
import io.jsnooper.agent.output.Diagnostics;
import io.jsnooper.agent.trace.MethodInfo;
import io.jsnooper.agent.trace.MethodRegistry;
import io.jsnooper.agent.watch.WatchExpression;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/**
 * Composes the rewrite of one method, in this order: lay out the probe sites (read only), register
 * the method's metadata, give the frames the call-handle local, insert the probes, then wrap the
 * body in a catch-all that reports and re-throws.
 */
final class MethodRewriter {

    private MethodRewriter() {
    }

    /** Rewrites {@code method} in place and returns its id. */
    static int rewrite(String owner, String sourceFile, MethodNode method, SnoopMatcher.Selection selection,
            ClassLoader loader, boolean classHasLocalNames) {
        MethodLayout layout = MethodLayout.of(owner, method, classHasLocalNames);
        List<WatchExpression> watches = parse(owner, method, selection.settings.watch, "watch");
        List<WatchExpression> explodes = parse(owner, method, selection.settings.watchExplode, "watchExplode");
        int methodId = MethodRegistry.register(id -> new MethodInfo(id, owner, method.name, sourceFile,
                code(layout), selection.settings, selection.kind, loader, watches, explodes));

        int callSlot = method.maxLocals;
        ProbeEmitter emit = new ProbeEmitter(callSlot);
        FrameExtender.addHandleLocal(method, callSlot);
        InsnList insns = method.instructions;

        for (Map.Entry<AbstractInsnNode, MethodLayout.StoreSite> e : layout.stores.entrySet()) {
            MethodLayout.StoreSite site = e.getValue();
            insns.insert(e.getKey(), emit.store(site.slot, site.type, site.var));
        }
        for (Map.Entry<AbstractInsnNode, Integer> e : layout.caughtSites.entrySet()) {
            insns.insertBefore(e.getKey(), emit.caught(e.getValue()));
        }
        for (Map.Entry<AbstractInsnNode, Integer> e : layout.lineSites.entrySet()) {
            insns.insertBefore(e.getKey(), emit.line(e.getValue()));
        }
        keepUninitializedLabelsOnNew(method, layout);
        Type returnType = Type.getReturnType(method.desc);
        for (AbstractInsnNode ret : layout.returns) {
            insns.insertBefore(ret, emit.returned(returnType));
        }

        // The catch-all covers the body; in a constructor, a second one covers the code before
        // super(...) returns, with a frame that knows `this` is uninitialized there.
        LabelNode start = new LabelNode();
        LabelNode end = new LabelNode();
        LabelNode handler = new LabelNode();
        InsnList prologue = emit.prologue(methodId, layout.startingVars);
        LabelNode beforeSuper = null;
        LabelNode atSuper = null;
        if (layout.superCall != null) {
            insns.insert(layout.superCall, start);
            beforeSuper = new LabelNode();
            prologue.add(beforeSuper);
            atSuper = new LabelNode();
            insns.insertBefore(layout.superCall, atSuper);
        } else {
            prologue.add(start);
        }
        insns.insert(prologue);
        insns.add(end);
        insns.add(handler);
        insns.add(FrameExtender.handlerFrame(callSlot, null));
        insns.add(emit.exitByException());
        method.tryCatchBlocks.add(new TryCatchBlockNode(start, end, handler, null));
        if (beforeSuper != null) {
            // Until super(...)/this(...) is called, `this` is uninitialized: this handler's frame
            // says so (which lets it re-throw, JVMS flagThisUninit) and it touches only the
            // exception and the call handle. It stops before the call itself, which no handler
            // can cover (HotSpot checks it with `this` both uninitialized and initialized).
            // Without it, a constructor whose argument expression throws would never end.
            LabelNode uninitializedHandler = new LabelNode();
            insns.add(uninitializedHandler);
            insns.add(FrameExtender.handlerFrame(callSlot, org.objectweb.asm.Opcodes.UNINITIALIZED_THIS));
            insns.add(emit.exitByException());
            method.tryCatchBlocks.add(new TryCatchBlockNode(beforeSuper, atSuper, uninitializedHandler, null));
        }

        method.maxLocals = callSlot + 1;
        method.maxStack += 4; // the widest probe: a long or double value, the handle, an int id
        return methodId;
    }

    /**
     * A probe before a {@code new} moves the {@code new} away from its label, but the frames name
     * the uninitialized object by that label (JVMS 4.10.1.2): give the {@code new} a fresh label of
     * its own and point the frames at it. Jumps still land before the probe.
     */
    private static void keepUninitializedLabelsOnNew(MethodNode method, MethodLayout layout) {
        Map<LabelNode, LabelNode> moved = new IdentityHashMap<>();
        for (Map.Entry<AbstractInsnNode, List<LabelNode>> e : layout.labelsOfNew.entrySet()) {
            LabelNode fresh = new LabelNode();
            method.instructions.insertBefore(e.getKey(), fresh);
            for (LabelNode old : e.getValue()) {
                moved.put(old, fresh);
            }
        }
        if (moved.isEmpty()) {
            return;
        }
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof FrameNode) {
                FrameNode frame = (FrameNode) insn;
                replaceAll(frame.local, moved);
                replaceAll(frame.stack, moved);
            }
        }
    }

    private static void replaceAll(List<Object> types, Map<LabelNode, LabelNode> moved) {
        if (types == null) {
            return;
        }
        for (int i = 0; i < types.size(); i++) {
            LabelNode replacement = moved.get(types.get(i));
            if (replacement != null) {
                types.set(i, replacement);
            }
        }
    }

    /** A malformed expression is reported once, naming the method; the others still work. */
    private static List<WatchExpression> parse(String owner, MethodNode method, List<String> sources, String element) {
        List<WatchExpression> parsed = new ArrayList<>();
        for (String source : sources) {
            try {
                parsed.add(WatchExpression.parse(source));
            } catch (IllegalArgumentException e) {
                Diagnostics.warn(element + " expression '" + source + "' of " + owner.replace('/', '.') + "."
                        + method.name + " is not understood (" + e.getMessage() + "); it is left out");
            }
        }
        return parsed;
    }

    private static MethodInfo.Code code(MethodLayout layout) {
        MethodInfo.Code code = new MethodInfo.Code();
        code.varNames = layout.variables.names();
        code.varDescriptors = layout.variables.descriptors();
        code.probeLines = layout.probeLines.stream().mapToInt(Integer::intValue).toArray();
        code.probeLiveReferences = layout.probeLiveReferences.toArray(new int[0][]);
        code.probeJumpOnly = new boolean[code.probeLines.length];
        code.probeRearm = new boolean[code.probeLines.length];
        for (int i = 0; i < code.probeJumpOnly.length; i++) {
            code.probeJumpOnly[i] = layout.probeJumpOnly.get(i);
            code.probeRearm[i] = layout.probeRearm.get(i);
        }
        code.probeMutates = MutationScan.of(layout.lineSites, code.probeLines.length);
        code.fieldOwners = MutationScan.fieldOwners(layout.method.instructions);
        code.firstLine = layout.firstLine;
        code.hasLocalNames = layout.hasLocalNames;
        code.isStatic = layout.isStatic;
        code.isConstructor = layout.isConstructor;
        code.returnDescriptor = Type.getReturnType(layout.method.desc).getDescriptor();
        return code;
    }
}
