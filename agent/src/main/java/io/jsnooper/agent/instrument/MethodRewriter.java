package io.jsnooper.agent.instrument;

import io.jsnooper.agent.config.SnoopSettings;
import io.jsnooper.agent.trace.MethodInfo;
import io.jsnooper.agent.trace.MethodRegistry;
import java.util.Map;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
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
    static int rewrite(String owner, String sourceFile, MethodNode method, SnoopSettings settings) {
        MethodLayout layout = MethodLayout.of(owner, method);
        int methodId = MethodRegistry.register(id -> describe(id, owner, sourceFile, layout, settings));

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
        Type returnType = Type.getReturnType(method.desc);
        for (AbstractInsnNode ret : layout.returns) {
            insns.insertBefore(ret, emit.returned(returnType));
        }

        // The catch-all covers the body, but in a constructor only from super(...) on: a handler
        // over the region where `this` is uninitialized would need the uninitializedThis flag.
        LabelNode start = new LabelNode();
        LabelNode end = new LabelNode();
        LabelNode handler = new LabelNode();
        InsnList prologue = emit.prologue(methodId, layout.startingVars);
        if (layout.superCall != null) {
            insns.insert(layout.superCall, start);
        } else {
            prologue.add(start);
        }
        insns.insert(prologue);
        insns.add(end);
        insns.add(handler);
        insns.add(FrameExtender.handlerFrame(callSlot, null));
        insns.add(emit.exitByException());
        method.tryCatchBlocks.add(new TryCatchBlockNode(start, end, handler, null));

        method.maxLocals = callSlot + 1;
        method.maxStack += 4; // the widest probe: a long or double value, the handle, an int id
        return methodId;
    }

    private static MethodInfo describe(int id, String owner, String sourceFile, MethodLayout layout,
            SnoopSettings settings) {
        int[][] live = layout.probeLiveReferences.toArray(new int[0][]);
        int[] lines = layout.probeLines.stream().mapToInt(Integer::intValue).toArray();
        boolean[] jumpOnly = new boolean[lines.length];
        for (int i = 0; i < jumpOnly.length; i++) {
            jumpOnly[i] = layout.probeJumpOnly.get(i);
        }
        return new MethodInfo(id, owner, layout.method.name, sourceFile, layout.isStatic,
                layout.isConstructor, layout.hasLocalNames, layout.variables.names(),
                layout.variables.descriptors(), lines, live, jumpOnly, layout.firstLine,
                Type.getReturnType(layout.method.desc).getDescriptor(), settings);
    }
}
