package io.jsnooper.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.util.CheckClassAdapter;

/**
 * The fixed, fast subset CI runs: every class of commons-text and commons-collections4, rewritten
 * as if every method were snooped, must pass ASM's checks and link in the JVM. The full set of
 * jars (Guava, Jackson, Kotlin) runs from run-offline.sh; see docs/reliability.md.
 */
class OfflineVerifierTest {

    @Test
    void everyClassOfCommonsTextVerifiesOnceRewritten() throws Exception {
        VerificationReport report = verify("org.apache.commons.text.StringSubstitutor",
                "org.apache.commons.lang3.StringUtils");
        assertCleanAndBroad(report);
    }

    @Test
    void everyClassOfCommonsCollectionsVerifiesOnceRewritten() throws Exception {
        VerificationReport report = verify("org.apache.commons.collections4.CollectionUtils");
        assertCleanAndBroad(report);
    }

    @Test
    void theIncludePatternCoversTheJarsCommonPackage() {
        assertEquals(List.of("org.apache.commons.text..*"), OfflineVerifier.includesCovering(
                java.util.Set.of("org/apache/commons/text/A", "org/apache/commons/text/lookup/B")));
        assertEquals(List.of("com..*", "kotlin..*"), OfflineVerifier.includesCovering(
                java.util.Set.of("kotlin/A", "com/x/B")));
    }

    /**
     * What makes the JVM check worth having: a frame that names a wrong reference type. ASM's
     * CheckClassAdapter checks frames only as far as "some reference", so it lets this through.
     */
    @Test
    void linkingRejectsAWrongStackMapFrameThatCheckClassAdapterAccepts() throws Exception {
        byte[] broken = classWithWrongFrame();
        new ClassReader(broken).accept(new CheckClassAdapter(new ClassWriter(0), true), 0);

        ClassLoader loader = new BytesClassLoader("canary", Map.of("canary.WrongFrame", broken),
                OfflineVerifierTest.class.getClassLoader());
        assertInstanceOf(VerifyError.class, OfflineVerifier.link("canary/WrongFrame", loader));
        assertTrue(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .noneMatch(a -> a.startsWith("-Xverify") || a.contains("BytecodeVerification")),
                "the check relies on the JVM's default verification of loaded classes");
    }

    @Test
    void linkingAcceptsTheSameClassWithARightFrame() {
        ClassLoader loader = new BytesClassLoader("canary", Map.of("canary.WrongFrame", classWith("java/lang/CharSequence")),
                OfflineVerifierTest.class.getClassLoader());
        assertNull(OfflineVerifier.link("canary/WrongFrame", loader));
    }

    private static void assertCleanAndBroad(VerificationReport report) {
        System.out.print(report.summary());
        assertEquals(List.of(), report.failures(), report.summary());
        assertEquals(report.classes(), report.classesLinked() + report.notLinkableEitherWay().size());
        // a rewrite that silently did nothing would pass every check: insist it did the work
        assertTrue(report.classesRewritten() > report.classes() * 0.8, report.summary());
        assertEquals(Map.of(), Map.copyOf(filter(report.skippedByReason(), "no reason given")), report.summary());
    }

    private static Map<String, Integer> filter(Map<String, Integer> byReason, String prefix) {
        Map<String, Integer> out = new java.util.HashMap<>();
        byReason.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static VerificationReport verify(String classInJar, String... classesInDependencies) throws Exception {
        Path jar = jarOf(classInJar);
        List<Path> deps = new java.util.ArrayList<>();
        for (String c : classesInDependencies) {
            deps.add(jarOf(c));
        }
        return new OfflineVerifier(deps, Paths.get("target", "reliability-dump")).verify(jar, null);
    }

    /** The jar on the test class path that holds a class: Maven fetched it as a test dependency. */
    private static Path jarOf(String className) throws ClassNotFoundException, URISyntaxException {
        Class<?> c = Class.forName(className, false, OfflineVerifierTest.class.getClassLoader());
        return Paths.get(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static byte[] classWithWrongFrame() {
        return classWith("java/lang/Integer");
    }

    /** {@code static Object m(String s) { if (s != null) {} return s; }}, the frame at the join naming s's type. */
    private static byte[] classWith(String typeOfS) {
        ClassWriter cw = new ClassWriter(0);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "canary/WrongFrame", null,
                "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, "m", "(Ljava/lang/String;)Ljava/lang/Object;", null, null);
        mv.visitCode();
        Label join = new Label();
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitJumpInsn(Opcodes.IFNULL, join);
        mv.visitLabel(join);
        mv.visitFrame(Opcodes.F_FULL, 1, new Object[] {typeOfS}, 0, new Object[0]);
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitMaxs(1, 1);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }
}
