package io.jsnooper.it.support;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts a separate JVM the way a user does: {@code java -javaagent:jsnooper-agent.jar -cp ... Main},
 * with the packaged agent, and collects its exit code, stdout and stderr.
 */
public final class ChildJvm {

    /** A child that runs longer than this is killed and the test fails: a hang is a bug. */
    private static final long TIMEOUT_SECONDS = 120;

    private final Jdk jdk;
    private String agentOptions;
    private boolean withAgent = true;
    private final List<String> jvmArgs = new ArrayList<>();
    private final List<String> classPath = new ArrayList<>();
    private final List<String> programArgs = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private Path workingDirectory = TestPaths.sourceRoot().getParent().getParent().getParent();
    private String mainClass;
    /** {@code module/class} for {@code -m}; when set it replaces {@link #mainClass}. */
    private String mainModule;

    private ChildJvm(Jdk jdk) {
        this.jdk = jdk;
        classPath.add(TestPaths.testClasses().toString());
        classPath.add(TestPaths.annotationsJar().toString());
    }

    public static ChildJvm on(Jdk jdk) {
        return new ChildJvm(jdk);
    }

    public ChildJvm main(Class<?> mainClass, String... args) {
        return main(mainClass.getName(), args);
    }

    /** For a class compiled at test time, which the test's own class path doesn't have. */
    public ChildJvm main(String mainClassName, String... args) {
        this.mainClass = mainClassName;
        this.programArgs.addAll(List.of(args));
        return this;
    }

    /** Runs {@code -m module/mainClass} instead of a class; put the module on {@code --module-path} with {@link #jvmArg}. */
    public ChildJvm mainModule(String module, String mainClass, String... args) {
        this.mainModule = module + "/" + mainClass;
        this.programArgs.addAll(List.of(args));
        return this;
    }

    public ChildJvm agentOptions(String options) {
        this.agentOptions = options;
        return this;
    }

    public ChildJvm withoutAgent() {
        this.withAgent = false;
        return this;
    }

    public ChildJvm jvmArg(String arg) {
        jvmArgs.add(arg);
        return this;
    }

    public ChildJvm classPath(Path entry) {
        classPath.add(entry.toString());
        return this;
    }

    /** Ahead of the test classes: for fixtures recompiled by another javac under the same names. */
    public ChildJvm classPathFirst(Path entry) {
        classPath.add(0, entry.toString());
        return this;
    }

    public ChildJvm env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Default: the integration-tests module, so {@code src/test/java} is found as a source root. */
    public ChildJvm workingDirectory(Path directory) {
        this.workingDirectory = directory;
        return this;
    }

    /**
     * Starts the child and returns while it runs, for tests that act on a live JVM (attach); the
     * caller closes it, which kills it if it is still running.
     */
    public RunningJvm start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command()).directory(workingDirectory.toFile());
        builder.environment().remove("JSNOOPER_DISABLED");
        builder.environment().putAll(environment);
        return RunningJvm.start(builder);
    }

    List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(jdk.java().toString());
        // CDS is off only to keep the JVM's note about the appended boot class path out of golden files.
        command.add("-Xshare:off");
        if (withAgent) {
            String agent = "-javaagent:" + TestPaths.agentJar();
            command.add(agentOptions == null ? agent : agent + "=" + agentOptions);
        }
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classPath));
        if (mainModule != null) {
            command.add("-m");
            command.add(mainModule);
        } else {
            command.add(mainClass);
        }
        command.addAll(programArgs);
        return command;
    }

    public Result run() throws IOException, InterruptedException {
        List<String> command = command();

        Path out = Files.createTempFile("jsnooper-child", ".out");
        Path err = Files.createTempFile("jsnooper-child", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().remove("JSNOOPER_DISABLED");
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("child JVM did not finish in " + TIMEOUT_SECONDS + " s: " + command
                        + "\nstderr so far:\n" + Files.readString(err));
            }
            return new Result(command, process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** What a finished child JVM left behind. */
    public static final class Result {
        public final List<String> command;
        public final int exitCode;
        public final String stdout;
        public final String stderr;

        Result(List<String> command, int exitCode, String stdout, String stderr) {
            this.command = command;
            this.exitCode = exitCode;
            this.stdout = stdout;
            this.stderr = stderr;
        }

        /** Fails with everything the child printed unless it exited with 0. */
        public Result assertSucceeded() {
            if (exitCode != 0) {
                throw new AssertionError("child JVM exited with " + exitCode + "\ncommand: " + command
                        + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr);
            }
            return this;
        }
    }
}
