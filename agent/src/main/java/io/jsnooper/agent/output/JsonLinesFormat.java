package io.jsnooper.agent.output;

import io.jsnooper.agent.config.SnoopSettings;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One JSON object per trace line, for the log engines teams already run. A call says who it is
 * once: its {@code call} object, the first of the call, carries everything static about it; every
 * later object carries only what groups and orders it — the call id and the time — and its own data.
 * <pre>
 * {"time":"18:08:30.268405","epoch_us":N,"call":ID,"event":"call",
 *     "thread":"13-payments","class":"...","method":"...","file":"...","depth":0,"line":N,"source":"..."}
 * {"epoch_us":N,"call":ID,"event":"var","change":"starting"|"new"|"modified","name":"...","value":"..."}
 * {"epoch_us":N,"call":ID,"event":"line"|"return"|"exception","line":N,"source":"..."}
 *     plus "value" on a return that has one, "exception":"java.lang.X: message" on an exception
 * {"epoch_us":N,"call":ID,"event":"end","thread":...,"depth":0,"by":"return"|"exception","elapsed_us":N}
 * {"epoch_us":N,"call":ID,"event":"omitted","lines":N}   where an onFailure capture left lines out
 * </pre>
 * Why this shape: the bytes written were most of the cost (~350 bytes an object when every object
 * repeated thread, class, method and file, against ~40 for a text line), and a reader needs no
 * more than the call id to group an object and the file order to order it.
 * <ul>
 * <li>{@code epoch_us} on every object: one absolute, sortable number, what a log engine takes as
 *     the timestamp (Promtail's {@code UnixUs}). Many events share a microsecond: within a call
 *     the order is the file's.
 * <li>{@code time}, the local clock the text trace shows, on the {@code call} object only: a person
 *     reading one call sees when it started, and a reader gets every later object's local time back
 *     from its {@code epoch_us} and the call's two clocks.
 * <li>{@code var}, {@code end} and {@code omitted} objects carry the time of the object before them
 *     on their thread: for a variable, its call's last event or the end of a call it made (the text
 *     trace gives variables no time of their own); for an end, its return or exception, which the
 *     tracer reads the clock for anyway; for the gap of an {@code onFailure} capture, the last line
 *     before it. This saves a clock read each, and times never go back in a thread's run of lines,
 *     a replayed capture's included.
 * <li>The {@code end} object repeats the {@code call} object's names: a query on ended or failed
 *     calls ("which method, how long") needs no join, and a reader can still place a call whose
 *     start is not in the file (a rotated file read alone, the middle an {@code onFailure} capture
 *     left out). Once per call, it costs little.
 * <li>A call's "starting" variables (its arguments) come after its {@code call} object, so that the
 *     first object of a call is always the one that names it: the format holds them until then. The
 *     text trace shows them before the call line; {@code view} puts them back there.
 * </ul>
 * Values are the same renderings the text trace shows, as strings. Written by hand into the line
 * buffer: no JSON library; every constant part — the call's names, its id, each source line and
 * variable name as a JSON string — is encoded once and copied.
 */
public final class JsonLinesFormat implements TraceFormat {

    private static final String[] CHANGES = {"starting", "new", "modified"};
    private static final Map<String, byte[]> QUOTED_NAMES = new ConcurrentHashMap<>();
    private static final Map<byte[], byte[]> QUOTED_SOURCES = new ConcurrentHashMap<>();

    private final boolean normalize;

    public JsonLinesFormat(SnoopSettings settings) {
        this.normalize = settings.normalize;
    }

    /** What the format keeps for one call between its objects (its {@link Call#formatState()}). */
    private static final class CallState {
        /** {@code "call":ID,"event":"}: what every object of the call starts with after the time. */
        final byte[] id;
        /** {@code ,"thread":…,"class":…,"method":…,"file":…,"depth":N}: the call and end objects'. */
        final byte[] names;
        /** The call object is written; until then its starting variables are held in {@link #held}. */
        boolean introduced;
        List<Held> held;

        CallState(byte[] id, byte[] names) {
            this.id = id;
            this.names = names;
        }
    }

    @Override
    public void sourcePath(Call call, String path) {
        // the call object names the file: nothing to write
    }

    @Override
    public void event(Call call, long nanoTime, String event, int line, byte[] source) {
        CallState state = state(call);
        if (event.equals(CALL) && !state.introduced) {
            LineBuffer out = start(call.out(), state, nanoTime, true).ascii(CALL).ch('"').bytes(state.names);
            end(source(out, line, source));
            state.introduced = true;
            writeHeld(call.out(), state);
            return;
        }
        end(startEvent(call, state, nanoTime, event, line, source));
    }

    @Override
    public void variable(Call call, Change change, String name, String rendered) {
        CallState state = state(call);
        if (holds(state, change)) {
            state.held.add(new Held(name, rendered, (char) 0, 0));
            return;
        }
        string(startVariable(call, state, change, name), rendered);
        end(call.out());
    }

    @Override
    public void variable(Call call, Change change, String name, char kind, long bits) {
        CallState state = state(call);
        if (holds(state, change)) {
            state.held.add(new Held(name, null, kind, bits));
            return;
        }
        primitive(startVariable(call, state, change, name), kind, bits);
        end(call.out());
    }

    @Override
    public void returned(Call call, long nanoTime, int line, byte[] source) {
        end(startEvent(call, state(call), nanoTime, RETURN, line, source));
    }

    @Override
    public void returned(Call call, long nanoTime, int line, byte[] source, String rendered) {
        LineBuffer out = startEvent(call, state(call), nanoTime, RETURN, line, source).ascii(",\"value\":");
        string(out, rendered);
        end(out);
    }

    @Override
    public void returned(Call call, long nanoTime, int line, byte[] source, char kind, long bits) {
        LineBuffer out = startEvent(call, state(call), nanoTime, RETURN, line, source).ascii(",\"value\":");
        primitive(out, kind, bits);
        end(out);
    }

    @Override
    public void exception(Call call, long nanoTime, int line, byte[] source, String description) {
        LineBuffer out = startEvent(call, state(call), nanoTime, EXCEPTION, line, source).ascii(",\"exception\":");
        string(out, description);
        end(out);
    }

    @Override
    public void end(Call call, boolean byException, long elapsedNanos) {
        CallState state = state(call);
        LineBuffer out = call.out();
        writeHeld(out, state);
        // the tracer ends a call at the time of its return or exception, the line just written
        start(out, state, lastTime(out), false).ascii("end\"").bytes(state.names);
        out.ascii(",\"by\":\"").ascii(byException ? "exception" : "return").ch('"');
        if (!normalize) {
            out.ascii(",\"elapsed_us\":").number(elapsedNanos / 1_000, 0);
        }
        end(out);
    }

    /**
     * {@code {"epoch_us":N,"call":ID,"event":"omitted","lines":N}}: still one JSON object per line,
     * with the time of the line before the gap.
     */
    @Override
    public void omitted(Call call, LineBuffer out, long lines) {
        start(out, state(call), lastTime(out), false).ascii("omitted\",\"lines\":").number(lines, 0);
        end(out);
    }

    /**
     * An {@code onFailure} gap counts the lines it left out of this file: an object per entry,
     * none for the source path, which the call object names.
     */
    @Override
    public int lines(Entry entry) {
        return entry == Entry.SOURCE_PATH ? 0 : 1;
    }

    private LineBuffer startEvent(Call call, CallState state, long nanoTime, String event, int line, byte[] source) {
        LineBuffer out = call.out();
        writeHeld(out, state);
        return source(start(out, state, nanoTime, false).ascii(event).ch('"'), line, source);
    }

    private static LineBuffer source(LineBuffer out, int line, byte[] source) {
        // as in the file, indentation included: a reader can rebuild the text trace without the source
        return out.ascii(",\"line\":").number(line, 0).ascii(",\"source\":").bytes(quotedSource(out, line, source));
    }

    /** A starting variable (an argument) before the call object: kept until that is written. */
    private static final class Held {
        final String name;
        /** Null for a primitive. */
        final String rendered;
        final char kind;
        final long bits;

        Held(String name, String rendered, char kind, long bits) {
            this.name = name;
            this.rendered = rendered;
            this.kind = kind;
            this.bits = bits;
        }
    }

    private static boolean holds(CallState state, Change change) {
        if (state.introduced || change != Change.STARTING) {
            return false;
        }
        if (state.held == null) {
            state.held = new ArrayList<>(4);
        }
        return true;
    }

    /**
     * A variable's object up to its value, with the time of the line before it in the call's
     * buffer: this call's last event, or the end of a call it made.
     */
    private LineBuffer startVariable(Call call, CallState state, Change change, String name) {
        LineBuffer out = call.out();
        writeHeld(out, state);
        return variable(out, state, lastTime(out), change, name);
    }

    private LineBuffer variable(LineBuffer out, CallState state, long nanoTime, Change change, String name) {
        start(out, state, nanoTime, false).ascii("var\",\"change\":\"").ascii(CHANGES[change.ordinal()]);
        return out.ascii("\",\"name\":").bytes(quotedName(out, name)).ascii(",\"value\":");
    }

    /**
     * The held starting variables, with the time of the object just written (the call object's,
     * normally). Also before any other object, should a call write one without its call object.
     */
    private void writeHeld(LineBuffer out, CallState state) {
        List<Held> held = state.held;
        if (held == null) {
            return;
        }
        state.held = null;
        state.introduced = true;
        long nanoTime = lastTime(out);
        for (Held variable : held) {
            LineBuffer value = variable(out, state, nanoTime, Change.STARTING, variable.name);
            if (variable.rendered != null) {
                string(value, variable.rendered);
            } else {
                primitive(value, variable.kind, variable.bits);
            }
            end(out);
        }
    }

    /** The time of the last line written to {@code out}; now, if there is none. */
    private static long lastTime(LineBuffer out) {
        return out.lastNanos != LineBuffer.NO_NANOS ? out.lastNanos : System.nanoTime();
    }

    /** {@code {"epoch_us":N,"call":ID,"event":"} — with {@code "time"} first on the call object. */
    private LineBuffer start(LineBuffer out, CallState state, long nanoTime, boolean withTime) {
        out.lastNanos = nanoTime;
        out.ch('{');
        if (!normalize) {
            if (withTime) {
                out.ascii("\"time\":\"").clock(WallClock.microsOfDay(nanoTime)).ascii("\",");
            }
            out.ascii("\"epoch_us\":").epochMicros(WallClock.epochMicros(nanoTime)).ch(',');
        }
        return out.bytes(state.id);
    }

    /**
     * The call's state, made at its first object: its id and names encoded once — the names only
     * when they differ from the last call's on this thread (a method called in a loop).
     */
    private CallState state(Call call) {
        Object cached = call.formatState();
        if (cached instanceof CallState) {
            return (CallState) cached;
        }
        Recent recent = recent(call.out());
        LineBuffer scratch = recent.scratch();
        byte[] id = scratch.ascii("\"call\":").number(call.id(), 0).ascii(",\"event\":\"").copyOfPending();
        if (!recent.sameNames(call)) {
            scratch.clearScratch();
            scratch.ascii(",\"thread\":");
            string(scratch, call.thread());
            scratch.ascii(",\"class\":");
            string(scratch, call.className());
            scratch.ascii(",\"method\":");
            string(scratch, call.methodName());
            scratch.ascii(",\"file\":");
            String file = call.file();
            string(scratch, normalize ? file.substring(file.lastIndexOf('/') + 1) : file);
            scratch.ascii(",\"depth\":").number(call.depth(), 0);
            recent.names(call, scratch.copyOfPending());
        }
        CallState state = new CallState(id, recent.names);
        call.formatState(state);
        return state;
    }

    /**
     * A source line as a JSON string, escaped once and kept: the lines are the same {@code byte[]}
     * objects on every event (SourceLines keeps them), and arrays hash by identity. The thread's
     * buffer remembers the last line quoted for each line number modulo 64: no map lookup on a hit.
     */
    private static byte[] quotedSource(LineBuffer out, int line, byte[] source) {
        Object[] recent = recent(out).sources;
        int slot = (line & 63) << 1;
        if (recent[slot] == source) {
            return (byte[]) recent[slot + 1];
        }
        byte[] quoted = quoted(QUOTED_SOURCES, source, bytes -> new String(bytes, StandardCharsets.UTF_8));
        recent[slot] = source;
        recent[slot + 1] = quoted;
        return quoted;
    }

    /**
     * Variable names and watch expressions as JSON strings: few, and written on every change. The
     * names are the same {@code String} objects on every event (the method's variable table).
     */
    private static byte[] quotedName(LineBuffer out, String name) {
        Object[] recent = recent(out).variables;
        int slot = (name.hashCode() & 31) << 1;
        if (recent[slot] == name) {
            return (byte[]) recent[slot + 1];
        }
        byte[] quoted = quoted(QUOTED_NAMES, name, text -> text);
        recent[slot] = name;
        recent[slot + 1] = quoted;
        return quoted;
    }

    /**
     * Per thread's buffer: source lines and variable names lately quoted, each beside the key it
     * was quoted for; the last call's names; a scratch buffer to encode into.
     */
    private static final class Recent {
        final Object[] sources = new Object[2 * 64];
        final Object[] variables = new Object[2 * 32];
        private LineBuffer scratch;
        /** The names of the last call that made a state here, and what they were compared by. */
        byte[] names;
        private String thread;
        private String className;
        private String methodName;
        private String file;
        private int depth;

        LineBuffer scratch() {
            if (scratch == null) {
                scratch = LineBuffer.scratch();
            }
            scratch.clearScratch();
            return scratch;
        }

        /** The same strings (a method's are the same objects on every call) and the same depth. */
        boolean sameNames(Call call) {
            return names != null && call.thread() == thread && call.className() == className
                    && call.methodName() == methodName && call.file() == file && call.depth() == depth;
        }

        void names(Call call, byte[] encoded) {
            names = encoded;
            thread = call.thread();
            className = call.className();
            methodName = call.methodName();
            file = call.file();
            depth = call.depth();
        }
    }

    private static Recent recent(LineBuffer out) {
        Object cache = out.formatCache;
        if (cache instanceof Recent) {
            return (Recent) cache;
        }
        Recent recent = new Recent();
        out.formatCache = recent;
        return recent;
    }

    /**
     * {@code key}'s text as a JSON string's bytes, escaped once and kept (bounded). The lambdas
     * passed capture nothing, so a cache hit on the hot path allocates nothing.
     */
    private static <K> byte[] quoted(Map<K, byte[]> cache, K key, Function<K, String> text) {
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
