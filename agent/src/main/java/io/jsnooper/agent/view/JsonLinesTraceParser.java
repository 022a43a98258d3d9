package io.jsnooper.agent.view;

import io.jsnooper.agent.output.TraceFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a JSON Lines trace (as {@code JsonLinesFormat} writes it) back into calls. Every object
 * names its call by id; the call's {@code call} object (and its {@code end} object) name its
 * thread, class, method, file and depth on its thread, so lines interleaved by threads regroup
 * exactly; a call at depth N is inside the call at depth N-1 still open on its thread. Objects of
 * an older agent, which named all of that on every object, read the same way.
 *
 * <p>A call whose {@code call} object is not in the file (its start is in an older rotated file,
 * or in the middle an {@code onFailure} capture left out) is kept at the top level until its
 * {@code end} object names it; a call object that comes right after such a call's object is taken
 * to be called by it, as the same thread's run of lines says.
 */
final class JsonLinesTraceParser {

    private static final Pattern OMITTED = Pattern.compile("^\\.\\.\\. \\d+ lines omitted \\.\\.\\.$");
    private static final Pattern CLOCK = Pattern.compile("\\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private final ParsedTrace trace = new ParsedTrace();
    private final Map<Long, TracedCall> byId = new HashMap<>();
    /** Per thread: the open call at each depth. */
    private final Map<String, List<TracedCall>> openByThread = new HashMap<>();
    /** Calls seen before anything named them: thread and depth unknown, kept at the top level. */
    private final Set<TracedCall> unnamed = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Per call: its local clock minus its epoch clock, in microseconds, from its call object. */
    private final Map<TracedCall, Long> localOffsets = new IdentityHashMap<>();
    /** The last such offset read: the writing JVM's, for calls whose call object is not in the file. */
    private Long lastOffset;
    private TracedCall previous;

    private JsonLinesTraceParser() {
    }

    /** Whether a trace's first line says it is JSON Lines. */
    static boolean looksLikeJsonLines(String firstLine) {
        return firstLine.stripLeading().startsWith("{");
    }

    static ParsedTrace parse(List<String> lines) {
        JsonLinesTraceParser parser = new JsonLinesTraceParser();
        parser.trace.threadsShown = true;
        parser.lastOffset = firstOffset(lines);
        for (String line : lines) {
            parser.accept(line);
        }
        return parser.trace;
    }

    private void accept(String line) {
        if (OMITTED.matcher(line).matches() && previous != null) {
            omitted(previous, line); // written as plain text by older agents
            return;
        }
        Map<String, Object> object;
        try {
            object = JsonObjectReader.parseObject(line);
        } catch (JsonObjectReader.MalformedJsonException e) {
            foreign(line);
            return;
        }
        Object event = object.get("event");
        Object id = object.get("call");
        if ("omitted".equals(event) && object.get("lines") instanceof Long) {
            // its call id is the capture's outermost call; it belongs there in any case
            TracedCall capture = id instanceof Long && byId.containsKey(id) ? byId.get(id) : previous;
            if (capture != null) {
                omitted(capture, "... " + object.get("lines") + " lines omitted ...");
                return;
            }
        }
        if (!(event instanceof String) || !(id instanceof Long)) {
            foreign(line);
            return;
        }
        trace.traceLines++;
        TracedCall call = byId.get(id);
        if (call == null) {
            call = newCall((Long) id, (String) event, object);
        } else if (call.methodName == null && object.get("thread") instanceof String) {
            name(call, object);
        }
        previous = call;
        addEntries(call, (String) event, object);
    }

    /** An onFailure capture's gap: it belongs to the outermost call of the capture. */
    private void omitted(TracedCall call, String text) {
        TracedCall root = call;
        while (root.depth > 0 && root.parent != null) {
            root = root.parent;
        }
        root.add(TraceEntry.labelled(TraceEntry.Kind.OMITTED, null, text));
        trace.traceLines++;
    }

    private void foreign(String line) {
        trace.foreignLines++;
        if (trace.firstForeignLine == null) {
            trace.firstForeignLine = line;
        }
    }

    private TracedCall newCall(long id, String event, Map<String, Object> object) {
        TracedCall call = new TracedCall(null, 0);
        call.epochMicros = number(object, "epoch_us", -1);
        boolean named = object.get("thread") instanceof String;
        // an older agent wrote a call's starting variables, each naming it, before its call object
        call.headless = !event.equals(TraceFormat.CALL) && !(named && event.equals("var") && "starting".equals(object.get("change")));
        byId.put(id, call);
        if (named) {
            if (previous != null && unnamed.contains(previous) && previous.ending == TracedCall.Ending.NONE
                    && number(object, "depth", 0) > 0 && event.equals(TraceFormat.CALL)) {
                // called from the line just before it: the caller is the call that line belongs to
                placeUnnamed(previous, string(object, "thread", "?"), (int) number(object, "depth", 0) - 1);
            }
            call.thread = string(object, "thread", "?");
            call.depth = (int) number(object, "depth", 0);
            names(call, object);
            place(call);
        } else {
            unnamed.add(call);
            trace.calls.add(call);
        }
        return call;
    }

    private static void names(TracedCall call, Map<String, Object> object) {
        call.className = string(object, "class", null);
        call.methodName = string(object, "method", null);
        call.file = string(object, "file", null);
    }

    /** A call at depth N goes inside the call open at depth N-1 on its thread, if there is one. */
    private void place(TracedCall call) {
        List<TracedCall> open = openByThread.computeIfAbsent(call.thread, t -> new ArrayList<>());
        while (open.size() > call.depth) {
            open.remove(open.size() - 1);
        }
        TracedCall caller = call.depth > 0 && open.size() == call.depth ? open.get(call.depth - 1) : null;
        while (open.size() < call.depth) {
            open.add(null); // its callers' lines are not in this file
        }
        open.add(call);
        if (caller != null) {
            call.parent = caller;
            caller.parts.add(call);
        } else {
            trace.calls.add(call);
        }
    }

    /**
     * The end object of a call first seen unnamed names it: it moves where it belongs, unless the
     * call it made placed it already.
     */
    private void name(TracedCall call, Map<String, Object> object) {
        names(call, object);
        if (unnamed.contains(call)) {
            placeUnnamed(call, string(object, "thread", "?"), (int) number(object, "depth", 0));
        }
    }

    private void placeUnnamed(TracedCall call, String thread, int depth) {
        unnamed.remove(call);
        call.thread = thread;
        call.depth = depth;
        trace.calls.remove(trace.calls.lastIndexOf(call));
        // nothing of its caller can have come between its first object and now: it ran inside
        place(call);
    }

    private void addEntries(TracedCall call, String event, Map<String, Object> object) {
        learnOffset(call, object);
        String time = time(call, object);
        int line = (int) number(object, "line", 0);
        String source = string(object, "source", "");
        switch (event) {
            case "var": {
                String change = string(object, "change", "");
                TraceEntry.Kind kind = change.equals("starting") ? TraceEntry.Kind.STARTING_VAR
                        : change.equals("new") ? TraceEntry.Kind.NEW_VAR : TraceEntry.Kind.MODIFIED_VAR;
                TraceEntry entry = TraceEntry.variable(kind, null, string(object, "name", "?"), string(object, "value", ""));
                if (kind == TraceEntry.Kind.STARTING_VAR) {
                    addStarting(call, entry);
                } else {
                    call.add(entry);
                }
                break;
            }
            case "end": {
                boolean failed = "exception".equals(object.get("by"));
                if (failed) {
                    call.add(TraceEntry.labelled(TraceEntry.Kind.ENDED_BY_EXCEPTION, null, ""));
                }
                long elapsed = number(object, "elapsed_us", -1);
                if (elapsed >= 0) {
                    call.add(TraceEntry.elapsed(null, TraceRenderer.clock(elapsed)));
                }
                call.ending = failed ? TracedCall.Ending.EXCEPTION : TracedCall.Ending.RETURN;
                List<TracedCall> open = openByThread.get(call.thread);
                if (open != null && open.size() > call.depth && open.get(call.depth) == call) {
                    open.subList(call.depth, open.size()).clear();
                }
                break;
            }
            default:
                call.add(TraceEntry.event(null, time, event, line, source));
                if (event.equals(TraceFormat.RETURN) && object.containsKey("value")) {
                    call.add(TraceEntry.labelled(TraceEntry.Kind.RETURN_VALUE, null, string(object, "value", "")));
                } else if (event.equals(TraceFormat.EXCEPTION)) {
                    call.add(TraceEntry.labelled(TraceEntry.Kind.EXCEPTION, null, string(object, "exception", "")));
                }
        }
    }

    /** The text trace shows a call's starting variables before its call line; JSON Lines, after. */
    private static void addStarting(TracedCall call, TraceEntry entry) {
        for (int i = 0; i < call.parts.size(); i++) {
            Object part = call.parts.get(i);
            if (part instanceof TraceEntry && ((TraceEntry) part).isEvent(TraceFormat.CALL)) {
                call.parts.add(i, entry);
                return;
            }
        }
        call.add(entry);
    }

    private void learnOffset(TracedCall call, Map<String, Object> object) {
        Long offset = offset(object);
        if (offset != null) {
            localOffsets.put(call, offset);
            lastOffset = offset;
        }
    }

    /** A call object has both clocks: how far the writer's local time was from UTC; null for others. */
    private static Long offset(Map<String, Object> object) {
        Object time = object.get("time");
        Object epoch = object.get("epoch_us");
        if (time instanceof String && epoch instanceof Long && CLOCK.matcher((String) time).matches()) {
            return Math.floorMod(TraceEntry.parseClock((String) time) - Math.floorMod((Long) epoch, MICROS_PER_DAY),
                    MICROS_PER_DAY);
        }
        return null;
    }

    /**
     * The offset of the first call object among the first lines: the clock of the calls that began
     * before the file did (a rotated file read alone) until a call object says otherwise.
     */
    private static Long firstOffset(List<String> lines) {
        for (String line : lines.subList(0, Math.min(lines.size(), 10_000))) {
            try {
                Long offset = offset(JsonObjectReader.parseObject(line));
                if (offset != null) {
                    return offset;
                }
            } catch (JsonObjectReader.MalformedJsonException e) {
                // not an object: the main pass counts it
            }
        }
        return null;
    }

    /**
     * {@code HH:MM:SS.ffffff} as the text trace would have shown it: the object's own {@code time}
     * if it has one, else its {@code epoch_us} on the local clock of the JVM that wrote it.
     */
    private String time(TracedCall call, Map<String, Object> object) {
        Object time = object.get("time");
        if (time instanceof String) {
            return (String) time;
        }
        long epoch = number(object, "epoch_us", Long.MIN_VALUE);
        if (epoch == Long.MIN_VALUE) {
            return TraceEntry.NO_TIME;
        }
        Long offset = localOffsets.getOrDefault(call, lastOffset);
        if (offset == null) {
            // no call object in the file at all: the reader's own zone is the best guess
            Instant instant = Instant.ofEpochSecond(Math.floorDiv(epoch, 1_000_000L));
            offset = ZoneId.systemDefault().getRules().getOffset(instant).getTotalSeconds() * 1_000_000L;
        }
        return clock(Math.floorMod(epoch + offset, MICROS_PER_DAY));
    }

    /** {@code HH:MM:SS.ffffff}, without {@code String.format}: a trace has millions of lines. */
    private static String clock(long micros) {
        char[] text = new char[15];
        long seconds = micros / 1_000_000;
        long fraction = micros % 1_000_000;
        two(text, 0, seconds / 3600);
        text[2] = ':';
        two(text, 3, seconds / 60 % 60);
        text[5] = ':';
        two(text, 6, seconds % 60);
        text[8] = '.';
        for (int i = 14; i >= 9; i--) {
            text[i] = (char) ('0' + fraction % 10);
            fraction /= 10;
        }
        return new String(text);
    }

    private static void two(char[] text, int at, long value) {
        text[at] = (char) ('0' + value / 10 % 10);
        text[at + 1] = (char) ('0' + value % 10);
    }

    private static String string(Map<String, Object> object, String name, String otherwise) {
        Object value = object.get(name);
        return value instanceof String ? (String) value : otherwise;
    }

    private static long number(Map<String, Object> object, String name, long otherwise) {
        Object value = object.get(name);
        return value instanceof Long ? (Long) value : otherwise;
    }
}
