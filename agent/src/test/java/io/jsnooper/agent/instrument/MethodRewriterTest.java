package io.jsnooper.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jsnooper.Snoop;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodNode;

class MethodRewriterTest {

    static class Probed {
        @Snoop
        static int twice(int x) {
            int y = x * 2;
            return y;
        }

        @Snoop
        static long widen(long a, double b) {
            long c = a + (long) b;
            return c;
        }
    }

    private static int firstLine(String method) {
        for (AbstractInsnNode insn : Rewriting.method(Rewriting.bytesOf(Probed.class), method).instructions) {
            if (insn instanceof LineNumberNode) {
                return ((LineNumberNode) insn).line;
            }
        }
        throw new AssertionError("no line numbers");
    }

    /** The listing with the method id, which depends on what was rewritten before, replaced by {@code <id>}. */
    private static List<String> rewrittenListing(String method) {
        MethodNode rewritten = Rewriting.method(Rewriting.rewrite(Probed.class), method);
        List<String> listing = new ArrayList<>(Rewriting.listing(rewritten));
        int enter = listing.indexOf("INVOKESTATIC io/jsnooper/runtime/Bridge.enter (I)Ljava/lang/Object;");
        listing.set(enter - 1, "<id>");
        return listing;
    }

    private static final String BRIDGE = "INVOKESTATIC io/jsnooper/runtime/Bridge.";

    @Test
    void anIntMethodGetsEntryLineStoreReturnAndExceptionProbesAroundItsOwnCode() {
        int line = firstLine("twice");

        assertEquals(List.of(
                "<id>",
                BRIDGE + "enter (I)Ljava/lang/Object;",
                "ASTORE 2",                                                   // the handle, past maxLocals
                "ILOAD 0", "ALOAD 2", "ICONST_0", BRIDGE + "store (ILjava/lang/Object;I)V",  // Starting var x
                "ALOAD 2", BRIDGE + "begin (Ljava/lang/Object;)V",
                "L0",
                "LINENUMBER " + line + " L0",
                "ALOAD 2", "ICONST_0", BRIDGE + "line (Ljava/lang/Object;I)V",
                "ILOAD 0", "ICONST_2", "IMUL", "ISTORE 1",
                "ILOAD 1", "ALOAD 2", "ICONST_1", BRIDGE + "store (ILjava/lang/Object;I)V",  // right after the store
                "L1",
                "LINENUMBER " + (line + 1) + " L1",
                "ALOAD 2", "ICONST_1", BRIDGE + "line (Ljava/lang/Object;I)V",
                "ILOAD 1",
                "DUP", "ALOAD 2", BRIDGE + "returned (ILjava/lang/Object;)V",
                "IRETURN",
                "L2",
                "FRAME FULL [T T java/lang/Object] [java/lang/Throwable]",
                "DUP", "ALOAD 2", BRIDGE + "threw (Ljava/lang/Throwable;Ljava/lang/Object;)V",
                "ATHROW"), rewrittenListing("twice"));
    }

    @Test
    void longAndDoubleValuesAreReportedWithTwoSlotLoadsAndDup2() {
        int line = firstLine("widen");

        assertEquals(List.of(
                "<id>",
                BRIDGE + "enter (I)Ljava/lang/Object;",
                "ASTORE 6",
                "LLOAD 0", "ALOAD 6", "ICONST_0", BRIDGE + "store (JLjava/lang/Object;I)V",
                "DLOAD 2", "ALOAD 6", "ICONST_1", BRIDGE + "store (DLjava/lang/Object;I)V",
                "ALOAD 6", BRIDGE + "begin (Ljava/lang/Object;)V",
                "L0",
                "LINENUMBER " + line + " L0",
                "ALOAD 6", "ICONST_0", BRIDGE + "line (Ljava/lang/Object;I)V",
                "LLOAD 0", "DLOAD 2", "D2L", "LADD", "LSTORE 4",
                "LLOAD 4", "ALOAD 6", "ICONST_2", BRIDGE + "store (JLjava/lang/Object;I)V",
                "L1",
                "LINENUMBER " + (line + 1) + " L1",
                "ALOAD 6", "ICONST_1", BRIDGE + "line (Ljava/lang/Object;I)V",
                "LLOAD 4",
                "DUP2", "ALOAD 6", BRIDGE + "returned (JLjava/lang/Object;)V",
                "LRETURN",
                "L2",
                "FRAME FULL [T T T T T T java/lang/Object] [java/lang/Throwable]",
                "DUP", "ALOAD 6", BRIDGE + "threw (Ljava/lang/Throwable;Ljava/lang/Object;)V",
                "ATHROW"), rewrittenListing("widen"));
    }

    @Test
    void theRewrittenMethodsBehaveAsBefore() throws Throwable {
        Class<?> rewritten = Rewriting.rewriteAndLoad(Probed.class);

        assertEquals(42, Rewriting.invoke(rewritten, null, "twice", 21));
        assertEquals(Long.MIN_VALUE + 2, Rewriting.invoke(rewritten, null, "widen", Long.MIN_VALUE, 2.9));
    }
}
