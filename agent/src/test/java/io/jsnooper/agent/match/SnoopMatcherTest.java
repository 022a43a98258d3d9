package io.jsnooper.agent.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsnooper.Snoop;
import io.jsnooper.agent.config.AgentOptions;
import io.jsnooper.agent.config.SnoopSettings;
import io.jsnooper.agent.config.TraceKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

class SnoopMatcherTest {

    static class Unannotated {
        int twice(int x) {
            return 2 * x;
        }
    }

    static class OneMethod {
        @Snoop(prefix = "P ")
        int snooped(int x) {
            IntSupplier lambda = () -> x + 1;
            return lambda.getAsInt();
        }

        int notSnooped() {
            return 0;
        }
    }

    @Snoop("/tmp/type.log")
    abstract static class WholeType {
        static int initialized = 1;

        WholeType() {
        }

        @Snoop(output = "/tmp/method.log")
        void overridden() {
        }

        void inherited() {
        }

        abstract void noCode();
    }

    private static byte[] bytesOf(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream("/" + type.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }

    private static ClassNode read(Class<?> type) throws IOException {
        ClassNode node = new ClassNode();
        new ClassReader(bytesOf(type)).accept(node, 0);
        return node;
    }

    private static Map<MethodNode, SnoopMatcher.Selection> select(String options, Class<?> type) throws IOException {
        return new SnoopMatcher(AgentOptions.parse(options)).select(read(type));
    }

    private static List<String> names(Map<MethodNode, SnoopMatcher.Selection> selected) {
        List<String> names = new ArrayList<>();
        selected.keySet().forEach(m -> names.add(m.name));
        return names;
    }

    @Test
    void theByteScanRejectsAClassThatNeverMentionsSnoop() throws IOException {
        assertFalse(SnoopMatcher.mentionsSnoop(bytesOf(Unannotated.class)));
        assertFalse(SnoopMatcher.mentionsSnoop("Lio/jsnooper/Snoo".getBytes(StandardCharsets.US_ASCII)));
        assertFalse(SnoopMatcher.mentionsSnoop(new byte[0]));
        assertTrue(SnoopMatcher.mentionsSnoop(bytesOf(OneMethod.class)));
        assertTrue(SnoopMatcher.mentionsSnoop("xxLio/jsnooper/Snoop;".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void theByteScanFindsSnoopBehindEveryKindOfConstantPoolEntry() {
        ClassWriter writer = classWithEveryKindOfConstant();
        writer.visitAnnotation(SnoopMatcher.SNOOP_DESCRIPTOR, true).visitEnd();
        byte[] annotated = writer.toByteArray();

        assertTrue(SnoopMatcher.mentionsSnoop(annotated));
        // cut inside the pool: the walk gives up and the whole-byte search still finds it
        assertTrue(SnoopMatcher.mentionsSnoop(Arrays.copyOf(annotated, annotated.length - 40)));
    }

    @Test
    void theByteScanIgnoresTheDescriptorInsideALongerString() {
        ClassWriter writer = classWithEveryKindOfConstant();
        writer.newUTF8("(" + SnoopMatcher.SNOOP_DESCRIPTOR + ")V"); // a method taking a Snoop, say
        assertFalse(SnoopMatcher.mentionsSnoop(writer.toByteArray()));
    }

    /** Every annotated class of this build is found, and nothing the earlier whole-byte search missed. */
    @Test
    void theByteScanFindsEveryClassOfThisBuildThatUsesSnoop() throws IOException {
        List<Path> classes;
        try (Stream<Path> files = Stream.concat(Files.walk(Paths.get("target/test-classes")),
                Files.walk(Paths.get("target/classes")))) {
            classes = files.filter(f -> f.toString().endsWith(".class")).collect(Collectors.toList());
        }
        int annotated = 0;
        for (Path file : classes) {
            byte[] bytes = Files.readAllBytes(file);
            boolean found = SnoopMatcher.mentionsSnoop(bytes);
            if (usesSnoop(bytes)) {
                annotated++;
                assertTrue(found, file + " uses @Snoop");
            }
            if (found) {
                assertTrue(new String(bytes, StandardCharsets.ISO_8859_1).contains(SnoopMatcher.SNOOP_DESCRIPTOR),
                        file.toString());
            }
        }
        assertTrue(annotated >= 5, "only " + annotated + " annotated classes in " + classes.size());
    }

    private static boolean usesSnoop(byte[] classFile) {
        ClassNode node = new ClassNode();
        new ClassReader(classFile).accept(node, ClassReader.SKIP_CODE);
        if (hasSnoop(node.visibleAnnotations)) {
            return true;
        }
        for (MethodNode m : node.methods) {
            if (hasSnoop(m.visibleAnnotations)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasSnoop(List<AnnotationNode> annotations) {
        return annotations != null
                && annotations.stream().anyMatch(a -> a.desc.equals(SnoopMatcher.SNOOP_DESCRIPTOR));
    }

    /** A class whose constant pool holds one entry of each kind (JVMS 4.4), two-slot ones included. */
    private static ClassWriter classWithEveryKindOfConstant() {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "p/Constants", null, "java/lang/Object", null);
        writer.newConst(100_000);
        writer.newConst(1.5f);
        writer.newConst(1L << 40);
        writer.newConst(2.5d);
        writer.newConst("a string");
        writer.newClass("p/Other");
        writer.newField("p/Other", "f", "I");
        writer.newMethod("p/Other", "m", "()V", false);
        writer.newMethod("p/Iface", "m", "()V", true);
        writer.newNameType("n", "()I");
        Handle handle = new Handle(Opcodes.H_INVOKESTATIC, "p/Other", "bsm",
                "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;)Ljava/lang/Object;", false);
        writer.newHandle(Opcodes.H_INVOKESTATIC, "p/Other", "m", "()V", false);
        writer.newMethodType("(J)D");
        writer.newInvokeDynamic("run", "()Ljava/lang/Runnable;", handle);
        writer.newConstantDynamic("c", "I", handle);
        writer.newModule("some.module");
        writer.newPackage("p/q");
        return writer;
    }

    @Test
    void aClassWithoutSnoopHasNothingSelected() throws IOException {
        assertEquals(List.of(), names(select("", Unannotated.class)));
    }

    @Test
    void onlyTheAnnotatedMethodAndTheLambdaWrittenInItAreSelected() throws IOException {
        Map<MethodNode, SnoopMatcher.Selection> selected = select("", OneMethod.class);

        List<String> names = names(selected);
        assertEquals(2, names.size(), names.toString());
        assertEquals("snooped", names.get(0));
        assertTrue(names.get(1).startsWith("lambda$snooped$"), names.toString());
        List<SnoopMatcher.Selection> selections = new ArrayList<>(selected.values());
        assertEquals(TraceKind.SNOOPED, selections.get(0).kind);
        assertEquals(TraceKind.LAMBDA, selections.get(1).kind);
        assertEquals("P ", selections.get(0).settings.prefix);
        assertEquals("P ", selections.get(1).settings.prefix);
    }

    @Test
    void aSnoopOnTheTypeSelectsEveryMethodWithCodeButTheStaticInitializer() throws IOException {
        assertEquals(List.of("<init>", "overridden", "inherited"), names(select("", WholeType.class)));
    }

    @Test
    void theMethodsSnoopWinsOverTheTypesAndTheAgentOptionOverBoth() throws IOException {
        Map<String, String> outputs = new java.util.HashMap<>();
        select("", WholeType.class).forEach((m, s) -> outputs.put(m.name, s.settings.output));
        Map<String, String> forced = new java.util.HashMap<>();
        select("output=/tmp/forced.log", WholeType.class).forEach((m, s) -> forced.put(m.name, s.settings.output));

        assertEquals("/tmp/method.log", outputs.get("overridden"));
        assertEquals("/tmp/type.log", outputs.get("inherited"));
        assertEquals("/tmp/forced.log", forced.get("overridden"));
        assertEquals("/tmp/forced.log", forced.get("inherited"));
    }

    @Test
    void withoutAnyOutputTheTraceGoesToStderr() throws IOException {
        select("", OneMethod.class).values().forEach(s -> assertEquals(SnoopSettings.STDERR, s.settings.output));
    }
}
