package io.jsnooper.bench.startup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Start-up cost of the agent: wall time of whole JVM runs, from process start to exit, without an
 * agent, with a do-nothing agent and with JSnooper's, taking turns (the order rotates every run) so
 * that drift on a shared machine hits all three alike; medians of {@code runs} each. Two programs,
 * generated on first use into the work folder (none of them snooped):
 * <ul>
 *   <li>{@code Hello}: prints one line;</li>
 *   <li>{@code gen.LoadAll}: loads and initialises 5,000 generated classes from a jar.</li>
 * </ul>
 * The do-nothing agent ({@code noop-agent.jar}, generated too) is the floor any agent that must
 * see every class pays: its {@code premain} registers, with {@code canRetransform} like
 * JSnooper's, a {@link java.lang.instrument.ClassFileTransformer} that returns null at once. The
 * JVM still starts the instrumentation support, opens the agent jar, and calls up into Java for
 * every class loaded. What JSnooper adds beyond it is the agent's own work.
 * Usage, from the repository root: {@code java -cp benchmarks.jar
 * io.jsnooper.bench.startup.StartupBenchmark [runs] [work folder] [results file] [other agent jar]}.
 * An other agent jar (say, a build of the previous commit) adds a fourth column, {@code otherAgent},
 * taking turns with the three: the only fair way to compare two builds on a shared machine.
 */
public final class StartupBenchmark {

    static final int CLASSES = 5_000;
    private static final Path AGENT = Paths.get("agent/target/jsnooper-agent.jar");

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 11;
        Path work = Paths.get(args.length > 1 ? args[1] : "benchmarks/target/startup");
        Path results = args.length > 2 ? Paths.get(args[2]) : null;
        Path other = args.length > 3 ? Paths.get(args[3]) : null;
        if (other != null && !Files.exists(other)) {
            throw new IllegalStateException(other + " is missing");
        }
        if (!Files.exists(AGENT)) {
            throw new IllegalStateException(AGENT + " is missing: run from the repository root after `mvn package`");
        }
        Path hello = work.resolve("hello");
        Path many = work.resolve("many.jar");
        if (!Files.exists(many)) {
            generate(work);
        }
        Path noop = work.resolve("noop-agent.jar");
        if (!Files.exists(noop)) {
            generateNoopAgent(work, noop);
        }
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        String agent = "-javaagent:" + AGENT.toAbsolutePath();
        String noopAgent = "-javaagent:" + noop.toAbsolutePath();

        List<String> agents = new ArrayList<>(List.of("", noopAgent, agent));
        if (other != null) {
            agents.add("-javaagent:" + other.toAbsolutePath());
        }
        StringBuilder report = new StringBuilder();
        measure(report, "hello", runs, commands(java, agents, hello, "Hello"));
        measure(report, "classes5000", runs, commands(java, agents, many, "gen.LoadAll"));
        System.out.print(report);
        if (results != null) {
            Files.createDirectories(results.toAbsolutePath().getParent());
            Files.writeString(results, report);
        }
    }

    /** The variants, in the order of the commands {@link #measure} takes; the fourth is optional. */
    private static final String[] VARIANTS = {"withoutAgent", "noopAgent", "withAgent", "otherAgent"};

    /** One command per agent option ("" for none), running {@code main} from {@code classPath}. */
    private static List<List<String>> commands(String java, List<String> agents, Path classPath, String main) {
        List<List<String>> commands = new ArrayList<>();
        for (String agent : agents) {
            List<String> command = new ArrayList<>(List.of(java));
            if (!agent.isEmpty()) {
                command.add(agent);
            }
            command.addAll(List.of("-cp", classPath.toString(), main));
            commands.add(command);
        }
        return commands;
    }

    private static void measure(StringBuilder report, String name, int runs, List<List<String>> commands)
            throws IOException, InterruptedException {
        for (List<String> command : commands) {
            run(command, new long[1], 0); // warm the page cache and the CDS archive mapping for each
        }
        int n = commands.size();
        long[][] wall = new long[n][runs];
        long[][] cpu = new long[n][runs];
        for (int i = 0; i < runs; i++) {
            // rotate who goes first, so that none of them always follows the same neighbour
            for (int k = 0; k < n; k++) {
                int v = (i + k) % n;
                wall[v][i] = run(commands.get(v), cpu[v], i);
            }
        }
        double[] ms = new double[n];
        for (int v = 0; v < n; v++) {
            ms[v] = median(wall[v]) / 1e6;
        }
        report.append(String.format(Locale.ROOT, "startup.%s.runs=%d%n", name, runs));
        for (int v = 0; v < n; v++) {
            if (median(cpu[0]) > 0) {
                // CPU time of all the JVM's threads: a neighbour's load delays a run but adds little to it
                report.append(String.format(Locale.ROOT, "startup.%s.%sCpuMs=%.0f%n", name, VARIANTS[v], median(cpu[v])));
                // the kernel counts in 10 ms ticks, so medians move in steps of 10: the mean resolves more
                report.append(String.format(Locale.ROOT, "startup.%s.%sCpuMeanMs=%.1f%n", name, VARIANTS[v], mean(cpu[v])));
            }
            report.append(String.format(Locale.ROOT, "startup.%s.%sMs=%.1f%n", name, VARIANTS[v], ms[v]));
        }
        double plainMs = ms[0];
        double noopMs = ms[1];
        double agentMs = ms[2];
        report.append(String.format(Locale.ROOT, "startup.%s.addedMs=%.1f%n", name, agentMs - plainMs));
        report.append(String.format(Locale.ROOT, "startup.%s.addedPercent=%.1f%n", name, 100 * (agentMs / plainMs - 1)));
        // the do-nothing agent's share: what loading any agent with a class-file hook costs
        report.append(String.format(Locale.ROOT, "startup.%s.noopAddedMs=%.1f%n", name, noopMs - plainMs));
        report.append(String.format(Locale.ROOT, "startup.%s.noopAddedPercent=%.1f%n", name, 100 * (noopMs / plainMs - 1)));
        if (n > 3) {
            report.append(String.format(Locale.ROOT, "startup.%s.otherAddedMs=%.1f%n", name, ms[3] - plainMs));
            report.append(String.format(Locale.ROOT, "startup.%s.otherAddedPercent=%.1f%n", name, 100 * (ms[3] / plainMs - 1)));
        }
    }

    /**
     * Wall time of one JVM run in ns; its user + system CPU time in ms goes to {@code cpu[i]}
     * (Linux only, 10 ms resolution; 0 elsewhere). Fails on a non-zero exit.
     */
    private static long run(List<String> command, long[] cpu, int i) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        long cpuBefore = childrenCpuMillis();
        long start = System.nanoTime();
        int exit = builder.start().waitFor();
        long elapsed = System.nanoTime() - start;
        cpu[i] = childrenCpuMillis() - cpuBefore;
        if (exit != 0) {
            throw new IllegalStateException("exit " + exit + ": " + String.join(" ", command));
        }
        return elapsed;
    }

    /** cutime + cstime of /proc/self/stat: CPU time of the children this JVM has waited for. */
    private static long childrenCpuMillis() {
        try {
            String stat = Files.readString(Paths.get("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is field 3 (state); cutime and cstime are fields 16 and 17, in 1/100 s
            return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * 10;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static double mean(long[] values) {
        return Arrays.stream(values).average().orElse(0);
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }

    // ---- the programs, generated once

    private static void generate(Path work) throws IOException {
        long start = System.nanoTime();
        Path src = work.resolve("src");
        Path helloClasses = work.resolve("hello");
        Path manyClasses = work.resolve("many-classes");
        Files.createDirectories(src.resolve("gen"));
        Files.createDirectories(helloClasses);
        Files.createDirectories(manyClasses);

        Path helloSource = src.resolve("Hello.java");
        Files.writeString(helloSource, "public class Hello {\n"
                + "    public static void main(String[] args) {\n"
                + "        System.out.println(\"Hello, world\");\n"
                + "    }\n"
                + "}\n");
        compile(helloClasses, List.of(helloSource));

        List<Path> sources = new ArrayList<>();
        for (int i = 0; i < CLASSES; i++) {
            Path file = src.resolve("gen/G" + i + ".java");
            Files.writeString(file, "package gen;\n"
                    + "public final class G" + i + " {\n"
                    + "    static final int SEED = " + i + " * 31 + 7;\n"
                    + "    private final int value;\n"
                    + "    public G" + i + "(int value) { this.value = value; }\n"
                    + "    public int mix(int other) {\n"
                    + "        int x = value * SEED;\n"
                    + "        for (int k = 0; k < other; k++) { x = x * 31 + k; }\n"
                    + "        return x;\n"
                    + "    }\n"
                    + "    @Override public String toString() { return \"G" + i + "(\" + value + \")\"; }\n"
                    + "}\n");
            sources.add(file);
        }
        Path loadAll = src.resolve("gen/LoadAll.java");
        Files.writeString(loadAll, "package gen;\n"
                + "public final class LoadAll {\n"
                + "    public static void main(String[] args) throws Exception {\n"
                + "        int loaded = 0;\n"
                + "        for (int i = 0; i < " + CLASSES + "; i++) {\n"
                + "            Class.forName(\"gen.G\" + i, true, LoadAll.class.getClassLoader());\n"
                + "            loaded++;\n"
                + "        }\n"
                + "        System.out.println(loaded + \" classes loaded\");\n"
                + "    }\n"
                + "}\n");
        sources.add(loadAll);
        compile(manyClasses, sources);
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        jar(manyClasses, work.resolve("many.jar"), manifest);
        System.out.printf(Locale.ROOT, "generated %d classes in %.1f s%n", CLASSES, (System.nanoTime() - start) / 1e9);
    }

    /**
     * {@code noop-agent.jar}: a premain that registers a retransform-capable transformer returning
     * null. A named class, not a lambda: a lambda would bootstrap {@code java.lang.invoke} at
     * start-up, a cost JSnooper's premain avoids too.
     */
    private static void generateNoopAgent(Path work, Path jar) throws IOException {
        Path src = work.resolve("noop-src");
        Path classes = work.resolve("noop-classes");
        Files.createDirectories(src.resolve("noop"));
        Files.createDirectories(classes);
        Path source = src.resolve("noop/NoopAgent.java");
        Files.writeString(source, "package noop;\n"
                + "import java.lang.instrument.ClassFileTransformer;\n"
                + "import java.lang.instrument.Instrumentation;\n"
                + "import java.security.ProtectionDomain;\n"
                + "public final class NoopAgent implements ClassFileTransformer {\n"
                + "    public static void premain(String args, Instrumentation instrumentation) {\n"
                + "        instrumentation.addTransformer(new NoopAgent(), true);\n"
                + "    }\n"
                + "    @Override public byte[] transform(Module module, ClassLoader loader, String className,\n"
                + "            Class<?> redefined, ProtectionDomain domain, byte[] classFile) {\n"
                + "        return null;\n"
                + "    }\n"
                + "}\n");
        compile(classes, List.of(source));
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.put(new Attributes.Name("Premain-Class"), "noop.NoopAgent");
        main.put(new Attributes.Name("Can-Retransform-Classes"), "true");
        jar(classes, jar, manifest);
    }

    private static void compile(Path classes, List<Path> sources) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("needs a JDK, not a JRE");
        }
        List<String> args = new ArrayList<>(List.of("-g", "-d", classes.toString()));
        sources.forEach(s -> args.add(s.toString()));
        int exit = javac.run(null, null, null, args.toArray(new String[0]));
        if (exit != 0) {
            throw new IllegalStateException("javac failed: " + exit);
        }
    }

    private static void jar(Path classes, Path jar, Manifest manifest) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest);
             Stream<Path> files = Files.walk(classes)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(p));
                out.closeEntry();
            }
        }
    }
}
