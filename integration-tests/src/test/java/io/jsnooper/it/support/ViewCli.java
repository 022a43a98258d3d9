package io.jsnooper.it.support;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code java -jar jsnooper-agent.jar view ARGS}, as a user runs it. */
public final class ViewCli {

    public final int exitCode;
    public final String stdout;
    public final String stderr;

    private ViewCli(int exitCode, String stdout, String stderr) {
        this.exitCode = exitCode;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    public static ViewCli run(Path folder, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Jdk.CURRENT.java().toString(), "-jar",
                TestPaths.agentJar().toString(), "view"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(folder, "view", ".out");
        Path err = Files.createTempFile(folder, "view", ".err");
        Process process = new ProcessBuilder(command).directory(folder.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("view did not finish: " + command);
        }
        return new ViewCli(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
    }
}
