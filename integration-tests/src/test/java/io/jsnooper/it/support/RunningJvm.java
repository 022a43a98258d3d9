package io.jsnooper.it.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A child JVM that keeps running while the test acts on it ({@link ChildJvm#start()}). Two daemon
 * threads collect its stdout lines and its stderr; a test waits for a line it prints (a readiness
 * line, a counter) with a deadline instead of sleeping. {@link #close()} kills it.
 */
public final class RunningJvm implements AutoCloseable {

    /** Longer than any wait a healthy test needs on the shared 2-core machine. */
    public static final Duration DEADLINE = Duration.ofSeconds(30);

    private final Process process;
    private final List<String> command;
    /** Guarded by itself; waiters are notified on every line and at the end of the stream. */
    private final List<String> stdout = new ArrayList<>();
    private final StringBuffer stderr = new StringBuffer();
    private boolean stdoutEnded;
    private final Thread stdoutReader;
    private final Thread stderrReader;

    private RunningJvm(Process process, List<String> command) {
        this.process = process;
        this.command = command;
        this.stdoutReader = daemon("stdout of " + process.pid(), this::readStdout);
        this.stderrReader = daemon("stderr of " + process.pid(), this::readStderr);
    }

    static RunningJvm start(ProcessBuilder builder) throws IOException {
        RunningJvm jvm = new RunningJvm(builder.start(), List.copyOf(builder.command()));
        jvm.stdoutReader.start();
        jvm.stderrReader.start();
        return jvm;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Every stdout line so far. */
    public List<String> stdoutLines() {
        synchronized (stdout) {
            return List.copyOf(stdout);
        }
    }

    public String stderr() {
        return stderr.toString();
    }

    /**
     * The first stdout line, counting from the start, that matches; waits for it until
     * {@link #DEADLINE}, and fails with what the child printed if it doesn't come or the child ends.
     */
    public String awaitLine(String description, Predicate<String> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        synchronized (stdout) {
            for (int seen = 0; ; ) {
                for (; seen < stdout.size(); seen++) {
                    if (wanted.test(stdout.get(seen))) {
                        return stdout.get(seen);
                    }
                }
                long left = deadline - System.nanoTime();
                if (stdoutEnded || left <= 0) {
                    throw new AssertionError((stdoutEnded ? "the child JVM ended" : "no line in " + DEADLINE.toSeconds() + " s")
                            + " before " + description + "\n" + this);
                }
                TimeUnit.NANOSECONDS.timedWait(stdout, left);
            }
        }
    }

    /** Writes one line to the child's stdin. */
    public void send(String line) throws IOException {
        Writer in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        in.write(line + "\n");
        in.flush();
    }

    /** Waits for the child to end by itself, and returns its exit code. */
    public int awaitExit() throws InterruptedException {
        if (!process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("the child JVM did not end in " + DEADLINE.toSeconds() + " s\n" + this);
        }
        stdoutReader.join(DEADLINE.toMillis());
        stderrReader.join(DEADLINE.toMillis());
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public String toString() {
        List<String> lines = stdoutLines();
        List<String> tail = lines.subList(Math.max(0, lines.size() - 20), lines.size());
        return "command: " + command + "\nlast stdout lines:\n" + String.join("\n", tail) + "\nstderr:\n" + stderr();
    }

    private void readStdout() {
        try (BufferedReader reader = reader(process.getInputStream())) {
            for (String line; (line = reader.readLine()) != null; ) {
                synchronized (stdout) {
                    stdout.add(line);
                    stdout.notifyAll();
                }
            }
        } catch (IOException e) {
            // the process was killed: the lines so far are all there is
        } finally {
            synchronized (stdout) {
                stdoutEnded = true;
                stdout.notifyAll();
            }
        }
    }

    private void readStderr() {
        try (BufferedReader reader = reader(process.getErrorStream())) {
            for (String line; (line = reader.readLine()) != null; ) {
                stderr.append(line).append('\n');
            }
        } catch (IOException e) {
            // as above
        }
    }

    private static BufferedReader reader(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }
}
