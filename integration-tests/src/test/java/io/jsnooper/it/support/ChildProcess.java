package io.jsnooper.it.support;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM under the agent that keeps running while the test watches it: its stdout lines
 * arrive as it prints them, so a test waits for what the child says instead of sleeping, then
 * kills it. {@link ChildJvm} is for children that run to their end.
 */
public final class ChildProcess implements AutoCloseable {

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private final Path stderr;

    private ChildProcess(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the child is gone
            }
        }, "child-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** {@code java -Xshare:off -javaagent:AGENT=OPTIONS JVMARGS -cp TESTS:ANNOTATIONS MAIN ARGS}, in {@code folder}. */
    public static ChildProcess start(Path folder, String agentOptions, List<String> jvmArgs, Class<?> main, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(Jdk.CURRENT.java().toString(), "-Xshare:off",
                "-javaagent:" + TestPaths.agentJar() + "=" + agentOptions));
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", TestPaths.testClasses() + File.pathSeparator + TestPaths.annotationsJar(), main.getName()));
        command.addAll(List.of(args));
        Path stderr = folder.resolve("child.err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectError(stderr.toFile());
        builder.environment().remove("JSNOOPER_DISABLED");
        return new ChildProcess(builder.start(), stderr);
    }

    /** Waits for a stdout line that starts with {@code prefix}; fails if the child ends or takes too long. */
    public String awaitLine(String prefix, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            long left = deadline - System.nanoTime();
            String line = lines.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            if (line != null) {
                seen.add(line);
                if (line.startsWith(prefix)) {
                    return line;
                }
            } else if (left <= 0 || !process.isAlive() && lines.isEmpty()) {
                throw new AssertionError("the child never printed '" + prefix + "' (alive: " + process.isAlive()
                        + ")\nstdout: " + seen + "\nstderr: " + stderrText());
            }
        }
    }

    /** Every stdout line read so far and what is left once the child has ended. */
    public List<String> stdoutLines() {
        lines.drainTo(seen);
        return seen;
    }

    public Process process() {
        return process;
    }

    /** Waits for the child to end; fails after {@code timeoutMillis}. */
    public int awaitExit(long timeoutMillis) throws InterruptedException {
        if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the child did not end in " + timeoutMillis + " ms\nstderr: " + stderrText());
        }
        // the reader thread may still be handing over the last lines
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!lines.isEmpty() || System.nanoTime() < deadline && readerBusy()) {
            lines.drainTo(seen);
            Thread.onSpinWait();
        }
        return process.exitValue();
    }

    private boolean readerBusy() {
        try {
            return process.getInputStream().available() > 0;
        } catch (IOException closed) {
            return false;
        }
    }

    public String stderrText() {
        try {
            return java.nio.file.Files.readString(stderr);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
