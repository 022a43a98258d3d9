package io.jsnooper.agent.view;

import io.jsnooper.agent.output.TraceFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a JSON Lines trace (as {@code JsonLinesFormat} writes it) back into calls. Every object
 * names its call and that call's depth on its thread, so lines interleaved by threads regroup
 * exactly; a call at depth N is inside the call at depth N-1 still open on its thread.
 */
final class JsonLinesTraceParser {

    private static final Pattern OMITTED = Pattern.compile("^\\.\\.\\. \\d+ lines omitted \\.\\.\\.$");

    private final ParsedTrace trace = new ParsedTrace();
    private final Map<Long, TracedCall> byId = new HashMap<>();
    /** Per thread: the open call at each depth. */
    private final Map<String, List<TracedCall>> openByThread = new HashMap<>();
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
        for (String line : lines) {
            parser.accept(line);
        }
        return parser.trace;
    }

    private void accept(String line) {
        if (OMITTED.matcher(line).matches() && previous != null) {
            omitted(line); // written as plain text by older agents
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
        if ("omitted".equals(event) && object.get("lines") instanceof Long && previous != null) {
            // its call id is the capture's outermost call; it belongs there in any case
            omitted("... " + object.get("lines") + " lines omitted ...");
            return;
        }
        if (!(event instanceof String) || !(id instanceof Long)) {
            foreign(line);
            return;
        }
        trace.traceLines++;
        TracedCall call = callOf((Long) id, object);
        previous = call;
        addEntries(call, (String) event, object);
    }

    /** An onFailure capture's gap: it belongs to the outermost call of the lines before it. */
    private void omitted(String text) {
        TracedCall root = previous;
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

    private TracedCall callOf(long id, Map<String, Object> object) {
        TracedCall call = byId.get(id);
        if (call != null) {
            return call;
        }
        String thread = string(object, "thread", "?");
        int depth = (int) number(object, "depth", 0);
        call = new TracedCall(thread, depth);
        call.className = string(object, "class", null);
        call.methodName = string(object, "method", null);
        call.file = string(object, "file", null);
        call.epochMicros = number(object, "epoch_us", -1);
        String event = string(object, "event", "");
        call.headless = !event.equals(TraceFormat.CALL) && !(event.equals("var") && "starting".equals(object.get("change")));
        byId.put(id, call);

        List<TracedCall> open = openByThread.computeIfAbsent(thread, t -> new ArrayList<>());
        while (open.size() > depth) {
            open.remove(open.size() - 1);
        }
        TracedCall caller = depth > 0 && open.size() == depth ? open.get(depth - 1) : null;
        while (open.size() < depth) {
            open.add(null); // its callers' lines are not in this file
        }
        open.add(call);
        if (caller != null) {
            call.parent = caller;
            caller.parts.add(call);
        } else {
            trace.calls.add(call);
        }
        return call;
    }

    private void addEntries(TracedCall call, String event, Map<String, Object> object) {
        String time = string(object, "time", TraceEntry.NO_TIME);
        int line = (int) number(object, "line", 0);
        String source = string(object, "source", "");
        switch (event) {
            case "var": {
                String change = string(object, "change", "");
                TraceEntry.Kind kind = change.equals("starting") ? TraceEntry.Kind.STARTING_VAR
                        : change.equals("new") ? TraceEntry.Kind.NEW_VAR : TraceEntry.Kind.MODIFIED_VAR;
                call.add(TraceEntry.variable(kind, null, string(object, "name", "?"), string(object, "value", "")));
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
                if (open.size() > call.depth && open.get(call.depth) == call) {
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

    private static String string(Map<String, Object> object, String name, String otherwise) {
        Object value = object.get(name);
        return value instanceof String ? (String) value : otherwise;
    }

    private static long number(Map<String, Object> object, String name, long otherwise) {
        Object value = object.get(name);
        return value instanceof Long ? (Long) value : otherwise;
    }
}
