package io.jsnooper.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.jsnooper.agent.config.AgentOptions;
import io.jsnooper.agent.match.SnoopMatcher;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.util.CheckClassAdapter;
import org.objectweb.asm.util.Textifier;
import org.objectweb.asm.util.TraceMethodVisitor;

/** Rewrites fixture classes as the agent would, verifies them, and runs them in a fresh loader. */
public final class Rewriting {

    static {
        // in-process, Bridge comes from target/classes: connect it to the tracer as the agent would
        io.jsnooper.agent.trace.TracerDispatcher.install();
    }

    private Rewriting() {
    }

    static ClassRewriter rewriter() {
        return new ClassRewriter(new SnoopMatcher(AgentOptions.defaults()));
    }

    static byte[] bytesOf(Class<?> type) {
        try (InputStream in = type.getResourceAsStream("/" + type.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rewritten class file, which must exist and pass ASM's verifier. */
    static byte[] rewrite(Class<?> type) {
        byte[] rewritten = rewriter().rewrite(bytesOf(type));
        assertNotNull(rewritten, type.getName() + " was not rewritten");
        assertVerifies(rewritten);
        return rewritten;
    }

    static void assertVerifies(byte[] classFile) {
        StringWriter errors = new StringWriter();
        CheckClassAdapter.verify(new ClassReader(classFile), Rewriting.class.getClassLoader(), false,
                new PrintWriter(errors));
        assertEquals("", errors.toString(), "ASM's verifier rejects the rewritten class");
    }

    /** Rewrites {@code type} and defines it, initialized (so the JVM verifies its frames), in a new loader. */
    static Class<?> rewriteAndLoad(Class<?> type) {
        return load(type.getName(), rewrite(type));
    }

    static Class<?> load(String name, byte[] classFile) {
        try {
            return Class.forName(name, true, new ChildFirstLoader(Map.of(name, classFile)));
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    /** Invokes the only method called {@code name}; throws what the method threw, unwrapped. */
    static Object invoke(Class<?> type, Object target, String name, Object... args) throws Throwable {
        Method method = null;
        for (Method m : type.getDeclaredMethods()) {
            if (m.getName().equals(name)) {
                method = m;
            }
        }
        assertNotNull(method, name);
        method.setAccessible(true);
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** {@link #invoke} for a static method without parameters that throws nothing checked. */
    static Object invoke0(Class<?> type, String name) {
        try {
            return invoke(type, null, name);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    static Object newInstance(Class<?> type) throws Throwable {
        return newInstanceOf(type.getDeclaredConstructor());
    }

    static Object newInstanceOf(java.lang.reflect.Constructor<?> constructor, Object... args) throws Throwable {
        constructor.setAccessible(true);
        try {
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    static MethodNode method(byte[] classFile, String name) {
        ClassNode type = new ClassNode();
        new ClassReader(classFile).accept(type, 0);
        for (MethodNode m : type.methods) {
            if (m.name.equals(name)) {
                return m;
            }
        }
        throw new AssertionError("no method " + name);
    }

    /** One Textifier line per instruction, label and frame, trimmed: {@code ALOAD 2}. */
    static List<String> listing(MethodNode method) {
        Textifier textifier = new Textifier();
        TraceMethodVisitor visitor = new TraceMethodVisitor(textifier);
        for (AbstractInsnNode insn : method.instructions) {
            insn.accept(visitor);
        }
        StringWriter text = new StringWriter();
        textifier.print(new PrintWriter(text));
        List<String> lines = new ArrayList<>();
        for (String line : text.toString().split("\n")) {
            lines.add(line.trim());
        }
        return lines;
    }

    public interface Action {
        void run() throws Throwable;
    }

    /** What {@code action} wrote to System.err (the trace and the agent's warnings). */
    public static String stderrOf(Action action) throws Throwable {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    /** Defines the given classes itself; asks its parent for everything else. */
    static final class ChildFirstLoader extends ClassLoader {
        private final Map<String, byte[]> classes;

        ChildFirstLoader(Map<String, byte[]> classes) {
            super(Rewriting.class.getClassLoader());
            this.classes = new HashMap<>(classes);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                byte[] bytes = classes.get(name);
                if (bytes == null) {
                    return super.loadClass(name, resolve);
                }
                Class<?> loaded = findLoadedClass(name);
                return loaded != null ? loaded : defineClass(name, bytes, 0, bytes.length);
            }
        }
    }
}
