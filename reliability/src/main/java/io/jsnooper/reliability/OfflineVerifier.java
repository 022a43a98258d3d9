package io.jsnooper.reliability;

import io.jsnooper.agent.config.AgentOptions;
import io.jsnooper.agent.instrument.ClassRewriter;
import io.jsnooper.agent.match.SnoopMatcher;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.SimpleVerifier;
import org.objectweb.asm.util.CheckClassAdapter;

/**
 * Rewrites every class of a jar as if every method were snooped (one include pattern covering the
 * jar's packages) and checks each result three ways:
 * <ol>
 * <li>ASM's {@link CheckClassAdapter} with data-flow checking (structure, descriptors, max stack);</li>
 * <li>ASM's {@link Analyzer} with a {@link SimpleVerifier} over the real type hierarchy, counted as
 *     a failure only where the original method passes the same analysis;</li>
 * <li>the JVM itself: all classes are defined in a fresh loader and <em>linked</em>, which is when
 *     HotSpot runs its verifier, stack map frames included. {@code getDeclaredMethods()} links the
 *     class first (HotSpot's {@code JVM_GetClassDeclaredMethods} calls {@code link_class}) without
 *     running any static initializer of the library; {@code OfflineVerifierTest} proves on a class
 *     with a wrong frame that this does raise {@code VerifyError}. A class whose original bytes
 *     cannot be linked here either (a missing optional dependency) is listed, not failed.</li>
 * </ol>
 * Usage: {@code OfflineVerifier [--classpath deps] [--dump dir] jar...}
 */
public final class OfflineVerifier {

    private static final String BRIDGE = "io/jsnooper/runtime/Bridge";

    private final List<Path> dependencies;
    private final Path dumpFolder;

    public OfflineVerifier(List<Path> dependencies, Path dumpFolder) {
        this.dependencies = dependencies;
        this.dumpFolder = dumpFolder;
    }

    public static void main(String[] args) throws IOException {
        List<Path> deps = new ArrayList<>();
        List<Path> jars = new ArrayList<>();
        Path dump = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--classpath")) {
                for (String entry : args[++i].split(java.io.File.pathSeparator)) {
                    if (!entry.isEmpty()) {
                        deps.add(Paths.get(entry));
                    }
                }
            } else if (args[i].equals("--dump")) {
                dump = Paths.get(args[++i]);
            } else {
                jars.add(Paths.get(args[i]));
            }
        }
        int failures = 0;
        System.out.println("Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
        for (Path jar : jars) {
            List<Path> others = new ArrayList<>(deps);
            others.addAll(jars);
            others.remove(jar);
            VerificationReport report = new OfflineVerifier(others, dump).verify(jar, null);
            System.out.print(report.summary());
            failures += report.failures().size();
        }
        System.out.println("failures: " + failures);
        System.exit(failures == 0 ? 0 : 1);
    }

    /** @param includes the include patterns, or null for one covering every package of the jar */
    public VerificationReport verify(Path jar, List<String> includes) throws IOException {
        long start = System.nanoTime();
        Map<String, byte[]> originals = JarClasses.read(jar);
        if (includes == null) {
            includes = includesCovering(originals.keySet());
        }
        VerificationReport report = new VerificationReport(jar.getFileName().toString(), includes);
        ClassRewriter rewriter = new ClassRewriter(new SnoopMatcher(
                AgentOptions.parse("include=" + String.join(";", includes) + ",output=/dev/null")));

        Map<String, byte[]> rewritten = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : originals.entrySet()) {
            report.classes++;
            byte[] result = rewrite(rewriter, e.getKey(), e.getValue(), report);
            if (result != null) {
                report.classesRewritten++;
                rewritten.put(e.getKey(), result);
            }
        }

        ClassLoader deps = new URLClassLoader("deps", urls(dependencies), OfflineVerifier.class.getClassLoader());
        ClassLoader originalLoader = new BytesClassLoader("original", binaryNames(originals, Map.of()), deps);
        for (Map.Entry<String, byte[]> e : rewritten.entrySet()) {
            checkWithAsm(e.getKey(), originals.get(e.getKey()), e.getValue(), originalLoader, report);
        }
        linkAll(originals, rewritten, deps, report);
        for (VerificationReport.Failure f : report.failures) {
            dump(f.className, rewritten.get(f.className));
        }
        report.millis = (System.nanoTime() - start) / 1_000_000;
        return report;
    }

    /** The rewrite, with the agent's one-line diagnostics caught to learn why a method was skipped. */
    private static byte[] rewrite(ClassRewriter rewriter, String name, byte[] original, VerificationReport report) {
        PrintStream err = System.err;
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        byte[] result;
        try {
            System.setErr(new PrintStream(said, true, StandardCharsets.UTF_8));
            result = rewriter.rewrite(original, null);
        } catch (Throwable t) {
            // SnoopTransformer catches this and leaves the class alone: no harm, but a bug to see
            report.failures.add(new VerificationReport.Failure(name, "rewrite threw", t.toString()));
            return null;
        } finally {
            System.setErr(err);
        }
        countMethods(name, original, result, said.toString(StandardCharsets.UTF_8), report);
        return result;
    }

    private static void countMethods(String name, byte[] original, byte[] result, String diagnostics,
            VerificationReport report) {
        Map<String, String> reasons = new HashMap<>();
        for (String line : diagnostics.split("\n")) {
            int at = line.indexOf(" is not traced: ");
            if (line.startsWith("jsnooper: ") && at > 0) {
                reasons.put(line.substring("jsnooper: ".length(), at), line.substring(at + " is not traced: ".length()).trim());
            } else if (line.contains("compiled for Java 5 or older")) {
                reasons.put("*", "class file older than Java 6 (the agent leaves such classes alone)");
            }
        }
        Set<String> traced = new HashSet<>();
        if (result != null) {
            for (MethodNode m : node(result, 0).methods) {
                if (callsBridge(m)) {
                    traced.add(m.name + m.desc);
                }
            }
        }
        String display = name.replace('/', '.');
        for (MethodNode m : node(original, ClassReader.SKIP_FRAMES).methods) {
            if ((m.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0 || m.instructions.size() == 0) {
                continue;
            }
            report.methodsWithCode++;
            if (traced.contains(m.name + m.desc)) {
                report.methodsRewritten++;
            } else if (m.name.equals("<clinit>")
                    || (m.access & (Opcodes.ACC_BRIDGE | Opcodes.ACC_SYNTHETIC)) != 0) {
                report.methodsNotSelectable++;
            } else {
                String reason = reasons.getOrDefault(display + "." + m.name, reasons.get("*"));
                report.skipped(reason == null ? "no reason given (silently left out)" : reason,
                        display + "." + m.name + m.desc);
            }
        }
    }

    private static boolean callsBridge(MethodNode m) {
        for (AbstractInsnNode insn : m.instructions) {
            if (insn instanceof MethodInsnNode && ((MethodInsnNode) insn).owner.equals(BRIDGE)) {
                return true;
            }
        }
        return false;
    }

    private static void checkWithAsm(String name, byte[] original, byte[] rewritten, ClassLoader hierarchy,
            VerificationReport report) {
        try {
            new ClassReader(rewritten).accept(new CheckClassAdapter(new ClassWriter(0), true), 0);
        } catch (RuntimeException | LinkageError e) {
            report.failures.add(new VerificationReport.Failure(name, "CheckClassAdapter", e.toString()));
            return;
        }
        ClassNode after = node(rewritten, 0);
        Map<String, MethodNode> before = new HashMap<>();
        for (MethodNode m : node(original, 0).methods) {
            before.put(m.name + m.desc, m);
        }
        for (MethodNode m : after.methods) {
            if (!callsBridge(m)) {
                continue;
            }
            String problem = analyze(after, m, hierarchy);
            if (problem != null && analyze(after, before.get(m.name + m.desc), hierarchy) == null) {
                report.failures.add(new VerificationReport.Failure(name, "Analyzer/SimpleVerifier",
                        m.name + m.desc + ": " + problem));
            }
        }
    }

    /** Null if ASM's data-flow verifier accepts the method; else what it says. */
    private static String analyze(ClassNode owner, MethodNode method, ClassLoader hierarchy) {
        List<Type> interfaces = new ArrayList<>();
        for (String i : owner.interfaces) {
            interfaces.add(Type.getObjectType(i));
        }
        SimpleVerifier verifier = new SimpleVerifier(Type.getObjectType(owner.name),
                owner.superName == null ? null : Type.getObjectType(owner.superName), interfaces,
                (owner.access & Opcodes.ACC_INTERFACE) != 0);
        verifier.setClassLoader(hierarchy);
        try {
            new Analyzer<BasicValue>(verifier).analyze(owner.name, method);
            return null;
        } catch (AnalyzerException | RuntimeException | LinkageError e) {
            return e.toString();
        }
    }

    /**
     * Defines every class in a fresh loader (rewritten bytes where there are some) and links it.
     * An error is a failure unless the original bytes, in a loader of their own, fail the same way.
     */
    private static void linkAll(Map<String, byte[]> originals, Map<String, byte[]> rewritten, ClassLoader deps,
            VerificationReport report) {
        ClassLoader rewrittenLoader = new BytesClassLoader("rewritten", binaryNames(originals, rewritten), deps);
        ClassLoader originalLoader = null;
        for (String name : originals.keySet()) {
            Throwable error = link(name, rewrittenLoader);
            if (error == null) {
                report.classesLinked++;
                continue;
            }
            if (originalLoader == null) {
                originalLoader = new BytesClassLoader("baseline", binaryNames(originals, Map.of()), deps);
            }
            Throwable baseline = link(name, originalLoader);
            if (baseline != null && baseline.getClass() == error.getClass()) {
                report.notLinkableEitherWay.put(name.replace('/', '.'), error.toString());
            } else {
                report.failures.add(new VerificationReport.Failure(name, "JVM link", error.toString()
                        + (baseline == null ? "" : " (original: " + baseline + ")")));
            }
        }
    }

    /** Null if the JVM links (and so verifies) the class; else the error. Never initializes it. */
    static Throwable link(String name, ClassLoader loader) {
        try {
            Class.forName(name.replace('/', '.'), false, loader).getDeclaredMethods();
            return null;
        } catch (ClassNotFoundException | LinkageError e) {
            return e;
        }
    }

    /** One pattern for the longest common package, or one per top-level package if there is none. */
    static List<String> includesCovering(Set<String> internalNames) {
        String common = null;
        Set<String> tops = new TreeSet<>();
        for (String name : internalNames) {
            int slash = name.lastIndexOf('/');
            String pkg = slash < 0 ? "" : name.substring(0, slash + 1);
            tops.add(pkg.isEmpty() ? "" : pkg.substring(0, pkg.indexOf('/')));
            if (common == null) {
                common = pkg;
            }
            while (!pkg.startsWith(common)) {
                common = common.substring(0, common.lastIndexOf('/', common.length() - 2) + 1);
            }
        }
        List<String> includes = new ArrayList<>();
        if (common != null && !common.isEmpty()) {
            includes.add(common.substring(0, common.length() - 1).replace('/', '.') + "..*");
        } else {
            for (String top : tops) {
                if (!top.isEmpty()) {
                    includes.add(top + "..*");
                }
            }
        }
        return includes;
    }

    private static Map<String, byte[]> binaryNames(Map<String, byte[]> originals, Map<String, byte[]> rewritten) {
        Map<String, byte[]> byName = new HashMap<>();
        originals.forEach((name, bytes) -> byName.put(name.replace('/', '.'), rewritten.getOrDefault(name, bytes)));
        return byName;
    }

    private static ClassNode node(byte[] bytes, int flags) {
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(node, flags);
        return node;
    }

    private static URL[] urls(List<Path> paths) {
        List<URL> urls = new ArrayList<>();
        for (Path p : paths) {
            try {
                urls.add(p.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(p.toString(), e);
            }
        }
        return urls.toArray(new URL[0]);
    }

    private void dump(String name, byte[] bytes) {
        if (dumpFolder == null || bytes == null) {
            return;
        }
        Path file = dumpFolder.resolve(name + ".class");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            System.err.println("cannot dump " + name + ": " + e);
        }
    }
}
