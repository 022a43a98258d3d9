package io.jsnooper.agent.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The open sinks, one per distinct output, and the buffers threads write into them. A daemon
 * thread hands every buffer's finished lines to its sink every {@value #FLUSH_INTERVAL_MS} ms, and
 * a shutdown hook does it once more at exit: a trace is complete after any orderly exit, and after
 * a crash or {@code kill -9} at most the last {@value #FLUSH_INTERVAL_MS} ms are missing.
 */
public final class Sinks {

    public static final long FLUSH_INTERVAL_MS = 100;

    private static final Map<String, TraceSink> BY_OUTPUT = new ConcurrentHashMap<>();
    private static final List<TraceSink> BY_ID = new CopyOnWriteArrayList<>();
    private static final List<LineBuffer> BUFFERS = new CopyOnWriteArrayList<>();
    private static final TraceSink STDERR;

    static {
        STDERR = new StderrSink(0);
        BY_ID.add(STDERR);
        BY_OUTPUT.put("", STDERR);
        Thread flusher = new Thread(Sinks::flushPeriodically, "jsnooper-flusher");
        flusher.setDaemon(true);
        flusher.start();
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(Sinks::shutDown, "jsnooper-shutdown"));
        } catch (IllegalStateException alreadyShuttingDown) {
            // first traced call made from the program's own shutdown hook
            shuttingDown = true;
        }
    }

    /**
     * From the shutdown hook on, every finished line goes to its sink at once: the program's own
     * shutdown hooks may still run traced code, and nothing drains after ours.
     */
    static volatile boolean shuttingDown;

    private static void shutDown() {
        shuttingDown = true;
        drainAll();
    }

    private Sinks() {
    }

    /** The sink for an output: empty for stderr, else a file path; stderr if the file can't be opened. */
    public static TraceSink forOutput(String output) {
        return forOutput(output, false);
    }

    /**
     * @param overwrite truncate the file if this run opens it first (PySnooper's {@code overwrite})
     */
    public static TraceSink forOutput(String output, boolean overwrite) {
        return forOutput(output, overwrite, 0, 1);
    }

    /**
     * @param maxSize rotate the file past this many bytes (0: never); the first opener decides
     */
    public static TraceSink forOutput(String output, boolean overwrite, long maxSize, int maxFiles) {
        TraceSink sink = BY_OUTPUT.get(output);
        return sink != null ? sink : open(output, overwrite, maxSize, maxFiles);
    }

    private static synchronized TraceSink open(String output, boolean overwrite, long maxSize, int maxFiles) {
        TraceSink sink = BY_OUTPUT.get(output);
        if (sink != null) {
            return sink;
        }
        try {
            Path path = Paths.get(output).toAbsolutePath().normalize();
            sink = BY_OUTPUT.get(path.toString());
            if (sink == null) {
                sink = FileSink.open(BY_ID.size(), path, STDERR, overwrite, maxSize, maxFiles);
                BY_ID.add(sink);
                BY_OUTPUT.put(path.toString(), sink);
            }
        } catch (IOException | RuntimeException e) {
            Diagnostics.warn("cannot write the trace to " + output + " (" + describe(e)
                    + "); tracing to stderr instead");
            sink = STDERR;
        }
        BY_OUTPUT.put(output, sink);
        return sink;
    }

    /**
     * The sink for a method's output; {@code slf4j} outputs resolve SLF4J through the snooped
     * class's loader.
     */
    public static TraceSink forOutput(String output, boolean overwrite, long maxSize, int maxFiles,
            String className, ClassLoader loader, String level) {
        if (Slf4jSink.isSlf4j(output)) {
            synchronized (Sinks.class) {
                TraceSink sink = Slf4jSink.of(output, className, loader, level, BY_ID.size(), STDERR);
                if (!BY_ID.contains(sink)) {
                    BY_ID.add(sink); // its id is the size before: threads index their buffers by it
                }
                return sink;
            }
        }
        return forOutput(output, overwrite, maxSize, maxFiles);
    }

    /** Whether a file output can be opened for writing (opening it, as tracing would). */
    public static boolean canWrite(String output) {
        if (output.isEmpty() || Slf4jSink.isSlf4j(output) || BY_OUTPUT.containsKey(output)) {
            return true;
        }
        try {
            Path path = Paths.get(output).toAbsolutePath().normalize();
            if (Files.exists(path)) {
                return Files.isRegularFile(path) && Files.isWritable(path);
            }
            Path parent = path.getParent();
            if (parent == null) {
                return false;
            }
            Files.createDirectories(parent);
            return Files.isDirectory(parent) && Files.isWritable(parent);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** A new buffer owned by the calling thread; registered so that the flusher can reach it. */
    public static LineBuffer newBuffer(TraceSink sink) {
        LineBuffer buffer = new LineBuffer(sink, Thread.currentThread());
        BUFFERS.add(buffer);
        return buffer;
    }

    /** Hands every thread's finished lines to their sinks. */
    public static void drainAll() {
        for (LineBuffer buffer : BUFFERS) {
            buffer.drain();
        }
    }

    private static void flushPeriodically() {
        while (true) {
            try {
                Thread.sleep(FLUSH_INTERVAL_MS);
                for (LineBuffer buffer : BUFFERS) {
                    buffer.drain();
                    if (!buffer.isOwnerAlive()) {
                        BUFFERS.remove(buffer);
                        buffer.drain(); // anything published between the two looks
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (Throwable t) {
                Diagnostics.warnOnce("flusher", "trace flushing failed: " + t);
            }
        }
    }

    private static String describe(Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException) {
            String reason = ((java.nio.file.FileSystemException) e).getReason();
            return reason != null ? reason : e.getClass().getSimpleName();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
