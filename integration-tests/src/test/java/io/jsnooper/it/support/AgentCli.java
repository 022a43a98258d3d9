package io.jsnooper.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the command line the agent jar also is, as a user does: {@code java -jar jsnooper-agent.jar
 * list | attach | status | detach ...}, and collects its exit code, stdout and stderr.
 */
public final class AgentCli {

    private static final long TIMEOUT_SECONDS = 45;

    private AgentCli() {
    }

    /** With the JDK running the tests. */
    public static ChildJvm.Result run(String... args) throws IOException, InterruptedException {
        return run(Jdk.CURRENT, args);
    }

    public static ChildJvm.Result run(Jdk jdk, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(jdk.java().toString(), "-jar", TestPaths.agentJar().toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("jsnooper-cli", ".out");
        Path err = Files.createTempFile("jsnooper-cli", ".err");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the command line did not finish in " + TIMEOUT_SECONDS + " s: " + command
                        + "\nstderr so far:\n" + Files.readString(err));
            }
            return new ChildJvm.Result(command, process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
