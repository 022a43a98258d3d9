package io.jsnooper.agent.output;

import io.jsnooper.agent.config.SnoopSettings;
import java.nio.charset.StandardCharsets;

/**
 * One JSON object per trace line, for the log engines teams already run. Every object carries
 * {@code time} (as the text trace shows it), {@code epoch_us}, {@code thread}, {@code class},
 * {@code method}, {@code file}, {@code depth} and {@code call} (an id unique in the JVM), then:
 * <pre>
 * {"event":"call"|"line"|"return"|"exception", "line":N, "source":"..."}
 *     plus "value" on a return that has one, "exception":"java.lang.X: message" on an exception
 * {"event":"var", "change":"starting"|"new"|"modified", "name":"...", "value":"..."}
 * {"event":"end", "by":"return"|"exception", "elapsed_us":N}
 * </pre>
 * Values are the same renderings the text trace shows, as strings. Written by hand into the
 * line buffer: no JSON library, no per-event garbage for primitives.
 */
public final class JsonLinesFormat implements TraceFormat {

    private final boolean normalize;

    public JsonLinesFormat(SnoopSettings settings) {
        this.normalize = settings.normalize;
    }

    @Override
    public void sourcePath(Call call, String path) {
        // every object names its file: nothing to write
    }

    @Override
    public void event(Call call, long nanoTime, String event, int line, byte[] source) {
        end(startEvent(call, nanoTime, event, line, source));
    }

    @Override
    public void variable(Call call, Change change, String name, String rendered) {
        LineBuffer out = startVariable(call, change, name);
        string(out, rendered);
        end(out);
    }

    @Override
    public void variable(Call call, Change change, String name, char kind, long bits) {
        LineBuffer out = startVariable(call, change, name);
        primitive(out, kind, bits);
        end(out);
    }

    @Override
    public void returned(Call call, long nanoTime, int line, byte[] source) {
        end(startEvent(call, nanoTime, RETURN, line, source));
    }

    @Override
    public void returned(Call call, long nanoTime, int line, byte[] source, String rendered) {
        LineBuffer out = startEvent(call, nanoTime, RETURN, line, source).ascii(",\"value\":");
        string(out, rendered);
        end(out);
    }

    @Override
    public void returned(Call call, long nanoTime, int line, byte[] source, char kind, long bits) {
        LineBuffer out = startEvent(call, nanoTime, RETURN, line, source).ascii(",\"value\":");
        primitive(out, kind, bits);
        end(out);
    }

    @Override
    public void exception(Call call, long nanoTime, int line, byte[] source, String description) {
        LineBuffer out = startEvent(call, nanoTime, EXCEPTION, line, source).ascii(",\"exception\":");
        string(out, description);
        end(out);
    }

    @Override
    public void end(Call call, boolean byException, long elapsedNanos) {
        LineBuffer out = start(call, System.nanoTime(), "end");
        out.ascii(",\"by\":\"").ascii(byException ? "exception" : "return").ch('"');
        if (!normalize) {
            out.ascii(",\"elapsed_us\":").number(elapsedNanos / 1_000, 0);
        }
        end(out);
    }

    /** {@code {..., "event":"omitted","lines":N}}: still one JSON object per line. */
    @Override
    public void omitted(Call call, LineBuffer out, long lines) {
        start(out, call, System.nanoTime(), "omitted").ascii(",\"lines\":").number(lines, 0);
        end(out);
    }

    private LineBuffer startEvent(Call call, long nanoTime, String event, int line, byte[] source) {
        LineBuffer out = start(call, nanoTime, event);
        out.ascii(",\"line\":").number(line, 0).ascii(",\"source\":");
        // as in the file, indentation included: a reader can rebuild the text trace without the source
        out.bytes(quotedSource(source));
        return out;
    }

    /**
     * A source line as a JSON string, escaped once and kept: the lines are the same {@code byte[]}
     * objects on every event (SourceLines keeps them), and arrays hash by identity.
     */
    private static byte[] quotedSource(byte[] source) {
        return quoted(QUOTED_SOURCES, source, bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    /** Variable names and watch expressions as JSON strings: few, and written on every change. */
    private static byte[] quotedName(String name) {
        return quoted(QUOTED_NAMES, name, text -> text);
    }

    /**
     * {@code key}'s text as a JSON string's bytes, escaped once and kept (bounded). The lambdas
     * passed capture nothing, so a cache hit on the hot path allocates nothing.
     */
    private static <K> byte[] quoted(java.util.Map<K, byte[]> cache, K key, java.util.function.Function<K, String> text) {
        byte[] quoted = cache.get(key);
        if (quoted == null) {
            LineBuffer scratch = LineBuffer.scratch();
            string(scratch, text.apply(key));
            quoted = scratch.copyOfPending();
            if (cache.size() < 100_000) {
                cache.put(key, quoted);
            }
        }
        return quoted;
    }

    private static final java.util.Map<String, byte[]> QUOTED_NAMES = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.Map<byte[], byte[]> QUOTED_SOURCES = new java.util.concurrent.ConcurrentHashMap<>();
    private static final String[] CHANGES = {"starting", "new", "modified"};

    private LineBuffer startVariable(Call call, Change change, String name) {
        LineBuffer out = start(call, System.nanoTime(), "var");
        out.ascii(",\"change\":\"").ascii(CHANGES[change.ordinal()]).ascii("\",\"name\":");
        out.bytes(quotedName(name));
        return out.ascii(",\"value\":");
    }

    private LineBuffer start(Call call, long nanoTime, String event) {
        return start(call.out(), call, nanoTime, event);
    }

    private LineBuffer start(LineBuffer out, Call call, long nanoTime, String event) {
        out.ch('{');
        if (!normalize) {
            long micros = WallClock.microsOfDay(nanoTime);
            out.ascii("\"time\":\"").clock(micros).ascii("\",\"epoch_us\":").number(WallClock.epochMicros(nanoTime), 0)
                    .ch(',');
        }
        out.bytes(header(call));
        out.ascii(",\"event\":\"").ascii(event).ch('"');
        return out;
    }

    /** thread, class, method, file, depth and call id: the same on every line of a call, encoded once. */
    private byte[] header(Call call) {
        Object cached = call.formatState();
        if (cached instanceof byte[]) {
            return (byte[]) cached;
        }
        LineBuffer scratch = LineBuffer.scratch();
        scratch.ascii("\"thread\":");
        string(scratch, call.thread());
        scratch.ascii(",\"class\":");
        string(scratch, call.className());
        scratch.ascii(",\"method\":");
        string(scratch, call.methodName());
        scratch.ascii(",\"file\":");
        String file = call.file();
        string(scratch, normalize ? file.substring(file.lastIndexOf('/') + 1) : file);
        scratch.ascii(",\"depth\":").number(call.depth(), 0);
        scratch.ascii(",\"call\":").number(call.id(), 0);
        byte[] header = scratch.copyOfPending();
        call.formatState(header);
        return header;
    }

    private static void end(LineBuffer out) {
        out.ch('}');
        out.endLine();
    }

    /** Strings values are quoted even for primitives' renderings, so every value has one JSON type. */
    private static void primitive(LineBuffer out, char kind, long bits) {
        out.ch('"');
        if (kind == 'C') {
            string(out, ValueRenderer.charLiteral((char) bits), false);
        } else {
            TraceFormat.writePrimitive(out, kind, bits);
        }
        out.ch('"');
    }

    static void string(LineBuffer out, String s) {
        out.ch('"');
        string(out, s, false);
        out.ch('"');
    }

    private static void string(LineBuffer out, String s, boolean unused) {
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\' || c < 0x20) {
                out.text(s.substring(start, i));
                switch (c) {
                    case '"': out.ascii("\\\""); break;
                    case '\\': out.ascii("\\\\"); break;
                    case '\n': out.ascii("\\n"); break;
                    case '\r': out.ascii("\\r"); break;
                    case '\t': out.ascii("\\t"); break;
                    default: out.ascii(String.format("\\u%04x", (int) c));
                }
                start = i + 1;
            }
        }
        out.text(start == 0 ? s : s.substring(start));
    }
}
