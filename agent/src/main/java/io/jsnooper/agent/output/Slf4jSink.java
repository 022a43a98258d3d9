package io.jsnooper.agent.output;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code output = "slf4j"} or {@code "slf4j:logger.name"}: each trace line goes through the
 * application's own SLF4J, found through the snooped class's loader, so its Logback, Log4j 2 or
 * slf4j-simple configuration, appenders and MDC apply. The agent bundles no SLF4J of its own.
 * Lines are logged on the traced thread as they are finished (MDC is per thread), never by the
 * flusher.
 */
final class Slf4jSink extends TraceSink {

    static final String PREFIX = "slf4j";

    private static final Map<String, TraceSink> SINKS = new ConcurrentHashMap<>();

    private final Object logger;
    private final Method log;

    private Slf4jSink(int id, String description, Object logger, Method log) {
        super(id, description);
        this.logger = logger;
        this.log = log;
    }

    static boolean isSlf4j(String output) {
        return output.equals(PREFIX) || output.startsWith(PREFIX + ":");
    }

    /**
     * The sink for {@code output} in {@code loader}'s world; stderr, after one warning, when that
     * loader sees no SLF4J.
     *
     * @param defaultName the logger name when the output names none: the snooped class
     */
    static TraceSink of(String output, String defaultName, ClassLoader loader, String level, int id,
            TraceSink fallback) {
        String name = output.length() > PREFIX.length() + 1 ? output.substring(PREFIX.length() + 1) : defaultName;
        String key = name + "|" + level + "|" + System.identityHashCode(loader);
        return SINKS.computeIfAbsent(key, k -> {
            try {
                Class<?> factory = Class.forName("org.slf4j.LoggerFactory", true, loader);
                Object logger = factory.getMethod("getLogger", String.class).invoke(null, name);
                Method log = Class.forName("org.slf4j.Logger", false, loader).getMethod(level, String.class);
                return new Slf4jSink(id, "slf4j logger " + name + " at " + level.toUpperCase(java.util.Locale.ROOT),
                        logger, log);
            } catch (ClassNotFoundException e) {
                Diagnostics.warnOnce("slf4j-missing", "output=slf4j, but the application has no SLF4J"
                        + " (org.slf4j:slf4j-api) on its class path; tracing to stderr instead");
                return fallback;
            } catch (Throwable t) {
                Diagnostics.warnOnce("slf4j-broken", "output=slf4j, but SLF4J could not be used (" + t
                        + "); tracing to stderr instead");
                return fallback;
            }
        });
    }

    @Override
    public boolean isInteractive() {
        return true;
    }

    @Override
    public boolean isImmediate() {
        return true;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        int start = offset;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            if (bytes[i] == '\n') {
                logLine(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (start < end) {
            logLine(new String(bytes, start, end - start, StandardCharsets.UTF_8));
        }
    }

    private void logLine(String line) {
        try {
            log.invoke(logger, line);
        } catch (Throwable t) {
            Diagnostics.warnOnce("slf4j-log", "logging a trace line through SLF4J failed: " + t);
        }
    }
}
