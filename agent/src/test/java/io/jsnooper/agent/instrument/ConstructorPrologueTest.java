package io.jsnooper.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsnooper.Snoop;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;

class ConstructorPrologueTest {

    /** Public with a public constructor: the child-loaded subclass is in another runtime package. */
    public static class Base {
        public final String label;

        public Base(String label) {
            this.label = label;
        }
    }

    static class Built extends Base {
        int total;

        @Snoop
        Built(int a, int b) {
            super("sum");
            int sum = a + b;
            total = sum;
        }

        @Snoop
        Built(boolean flag, RuntimeException failure) {
            super(flag
                    ? String.valueOf(new StringBuilder("yes"))
                    : check(failure));
            if (failure != null && flag) {
                throw failure;
            }
            total = -1;
        }

        @Snoop
        Built(String label) {
            this(label.length(), 1);
        }

        static String check(RuntimeException failure) {
            if (failure != null) {
                throw failure;
            }
            return "no";
        }
    }

    private static final byte[] REWRITTEN = Rewriting.rewrite(Built.class);

    /** The constructors in declaration order. */
    private static List<MethodNode> constructors(byte[] classFile) {
        ClassNode type = new ClassNode();
        new ClassReader(classFile).accept(type, 0);
        List<MethodNode> found = new ArrayList<>();
        for (MethodNode m : type.methods) {
            if (m.name.equals("<init>")) {
                found.add(m);
            }
        }
        assertEquals(3, found.size());
        return found;
    }

    private static Object make(Class<?> type, Class<?>[] parameters, Object... args) throws Throwable {
        return Rewriting.newInstanceOf(type.getDeclaredConstructor(parameters), args);
    }

    private static final Class<?>[] INTS = {int.class, int.class};
    private static final Class<?>[] BRANCHING = {boolean.class, RuntimeException.class};

    private static int indexOfSuperCall(MethodNode constructor) {
        MethodInsnNode call = ConstructorPrologue.findSuperCall(constructor);
        assertNotNull(call, constructor.desc);
        return constructor.instructions.indexOf(call);
    }

    @Test
    void theSuperOrThisCallIsFoundPastTheNewsInItsArguments() {
        List<String> owners = new ArrayList<>();
        for (MethodNode constructor : constructors(Rewriting.bytesOf(Built.class))) {
            MethodInsnNode call = ConstructorPrologue.findSuperCall(constructor);
            owners.add(call.owner + "." + call.name + call.desc);
        }

        String base = Base.class.getName().replace('.', '/');
        String built = Built.class.getName().replace('.', '/');
        assertEquals(List.of(base + ".<init>(Ljava/lang/String;)V", base + ".<init>(Ljava/lang/String;)V",
                built + ".<init>(II)V"), owners);
    }

    @Test
    void noProbeLoadsThisBeforeTheSuperCall() {
        List<MethodNode> original = constructors(Rewriting.bytesOf(Built.class));
        List<MethodNode> rewritten = constructors(REWRITTEN);
        for (int i = 0; i < original.size(); i++) {
            assertEquals(loadsOfThisBeforeSuperCall(original.get(i)), loadsOfThisBeforeSuperCall(rewritten.get(i)),
                    rewritten.get(i).desc);
        }
    }

    private static int loadsOfThisBeforeSuperCall(MethodNode constructor) {
        int end = indexOfSuperCall(constructor);
        int loads = 0;
        for (int i = 0; i < end; i++) {
            AbstractInsnNode insn = constructor.instructions.get(i);
            if (insn.getOpcode() == Opcodes.ALOAD && ((VarInsnNode) insn).var == 0) {
                loads++;
            }
        }
        return loads;
    }

    @Test
    void noHandlerCoversTheSuperCallAndTheOneBeforeItKnowsThisIsUninitialized() {
        for (MethodNode constructor : constructors(REWRITTEN)) {
            int superCall = indexOfSuperCall(constructor);
            boolean after = false;
            for (TryCatchBlockNode block : constructor.tryCatchBlocks) {
                int start = constructor.instructions.indexOf(block.start);
                int end = constructor.instructions.indexOf(block.end);
                if (start > superCall) {
                    after = true;
                    continue;
                }
                assertTrue(end <= superCall, constructor.desc + ": a handler covers the super call");
                org.objectweb.asm.tree.FrameNode frame = null;
                for (AbstractInsnNode n = block.handler; frame == null && n != null; n = n.getNext()) {
                    if (n instanceof org.objectweb.asm.tree.FrameNode) {
                        frame = (org.objectweb.asm.tree.FrameNode) n;
                    }
                }
                assertEquals(Opcodes.UNINITIALIZED_THIS, frame.local.get(0), constructor.desc);
            }
            assertTrue(after, constructor.desc + " has no catch-all after the super call");
        }
    }

    @Test
    void rewrittenConstructorsBuildTheSameObjects() throws Throwable {
        Class<?> type = Rewriting.load(Built.class.getName(), REWRITTEN);

        Object sum = make(type, INTS, 3, 4);
        Object delegated = make(type, new Class<?>[] {String.class}, "four");
        Object branched = make(type, BRANCHING, true, null);

        assertEquals("sum", type.getField("label").get(sum));
        assertEquals(7, field(type, "total", sum));
        assertEquals(5, field(type, "total", delegated));
        assertEquals("yes", type.getField("label").get(branched));
    }

    @Test
    void anExceptionBeforeOrAfterTheSuperCallLeavesTheConstructorUnchanged() throws Throwable {
        Class<?> type = Rewriting.load(Built.class.getName(), REWRITTEN);
        java.lang.reflect.Constructor<?> branching = type.getDeclaredConstructor(BRANCHING);
        RuntimeException beforeSuper = new IllegalStateException("before");
        RuntimeException afterSuper = new IllegalArgumentException("after");

        Object made = Rewriting.newInstanceOf(branching, false, null);

        assertEquals("no", type.getField("label").get(made));
        assertEquals(-1, field(type, "total", made));
        assertSame(beforeSuper, assertThrows(IllegalStateException.class,
                () -> Rewriting.newInstanceOf(branching, false, beforeSuper)));
        assertSame(afterSuper, assertThrows(IllegalArgumentException.class,
                () -> Rewriting.newInstanceOf(branching, true, afterSuper)));
        assertEquals(7, field(type, "total", make(type, INTS, 3, 4)), "a call after an unreported exit still works");
    }

    private static Object field(Class<?> type, String name, Object target) throws ReflectiveOperationException {
        java.lang.reflect.Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(target);
    }
}
