package io.jsnooper.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;

/**
 * Where the forked JVMs trace to, and keeping those files small: at ~100 ns per line a one-second
 * iteration writes hundreds of megabytes, so every benchmark truncates its file between
 * iterations (outside the measurement). The agent appends (O_APPEND), so it goes on writing whole
 * lines at the new end; nothing is torn by the truncation.
 *
 * <p>Every path is relative to the repository root: {@code run.sh} starts JMH there, and forks
 * inherit the working directory.
 */
public final class TraceFiles {

    public static final String AGENT = "-javaagent:agent/target/jsnooper-agent.jar";
    public static final String DIR = "benchmarks/target/bench-trace/";

    // The @Fork arguments: constants, because annotations need them at compile time.
    public static final String TRACED = AGENT + "=output=" + DIR + "traced.log";
    /** The objects-in-scope workload: a trace of its own, which TraceCheck's workload grammar doesn't cover. */
    public static final String OBJECTS = AGENT + "=output=" + DIR + "objects.log";
    public static final String THREADS4 = AGENT + "=output=" + DIR + "threads4.log";
    public static final String UNTRACED = AGENT + "=output=" + DIR + "untraced.log";
    /** Each call's trace kept in memory and dropped when the call returns: nothing should reach the file. */
    public static final String ON_FAILURE = AGENT + "=output=" + DIR + "onfailure.log,onFailure=true";
    public static final String JSONL = AGENT + "=output=" + DIR + "traced.jsonl,format=jsonl";

    private TraceFiles() {
    }

    /** The file the agent of this JVM writes to, from its {@code output=} option; null without one. */
    public static Path agentOutput() {
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            int at = arg.indexOf("=output=");
            if (arg.startsWith("-javaagent:") && at > 0) {
                String path = arg.substring(at + "=output=".length());
                int comma = path.indexOf(','); // the next agent option
                return Paths.get(comma < 0 ? path : path.substring(0, comma));
            }
        }
        return null;
    }

    public static Path prepare(String name) {
        try {
            Path dir = Paths.get(DIR);
            Files.createDirectories(dir);
            return dir.resolve(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Empties {@code file} in place; writers that append go on at its new end. */
    public static void truncate(Path file) {
        if (file == null || !Files.exists(file)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
