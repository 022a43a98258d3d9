package io.jsnooper.agent.view;

import io.jsnooper.agent.output.TextFormat;
import io.jsnooper.agent.output.TraceFormat;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PySnooper's text (as {@link TextFormat} writes it) back into calls. Calls are told apart
 * by their call/return nesting, per thread when the trace has a thread column ({@code threadInfo}),
 * else as if one thread wrote the whole file. Lines never carry their call, so nesting is all
 * there is; the indentation of a call's lines (its "lead") resolves the gap an {@code onFailure}
 * capture leaves with its "... N lines omitted ..." line.
 */
final class TextTraceParser {

    private static final Pattern ANSI = Pattern.compile("\u001b\\[[0-9;]*m");
    /** Lead (prefix, indentation), time or 15 blanks, optional {@code id-name} thread column, event, line, source. */
    private static final Pattern EVENT = Pattern.compile(
            "^(.*?)(\\d\\d:\\d\\d:\\d\\d\\.\\d{6}| {15}) (?:(\\d+-.*?) +)?(call|line|return|exception) +(-?\\d+) ?(.*)$");
    private static final Pattern LABELLED = Pattern.compile("^(.*?)(" + Pattern.quote(TextFormat.SOURCE_PATH)
            + "|" + Pattern.quote(TextFormat.STARTING_VAR) + "|" + Pattern.quote(TextFormat.NEW_VAR)
            + "|" + Pattern.quote(TextFormat.MODIFIED_VAR) + "|" + Pattern.quote(TextFormat.RETURN_VALUE)
            + "|" + Pattern.quote(TextFormat.EXCEPTION_LABEL) + "|" + Pattern.quote(TextFormat.ELAPSED)
            + "|" + Pattern.quote(TextFormat.ENDED_BY_EXCEPTION) + "$)(.*)$");
    private static final Pattern OMITTED = Pattern.compile("^\\.\\.\\. \\d+ lines omitted \\.\\.\\.$");
    private static final Pattern CLOCK = Pattern.compile("\\d\\d:\\d\\d:\\d\\d\\.\\d{6}");

    /** A parsed line before it is given to a thread; {@code sourcePath} set for "Source path" lines. */
    private static final class Line {
        final TraceEntry entry;
        final String sourcePath;
        final String lead;
        String thread;

        Line(TraceEntry entry, String sourcePath, String lead, String thread) {
            this.entry = entry;
            this.sourcePath = sourcePath;
            this.lead = lead;
            this.thread = thread;
        }
    }

    private TextTraceParser() {
    }

    static ParsedTrace parse(List<String> lines) {
        ParsedTrace trace = new ParsedTrace();
        List<Line> parsed = new ArrayList<>();
        for (String raw : lines) {
            Line line = parseLine(ANSI.matcher(raw).replaceAll(""));
            if (line == null) {
                trace.foreignLines++;
                if (trace.firstForeignLine == null) {
                    trace.firstForeignLine = raw;
                }
                continue;
            }
            trace.traceLines++;
            trace.threadsShown |= line.thread != null;
            parsed.add(line);
        }
        if (trace.threadsShown) {
            assignThreads(parsed);
        }
        Map<String, Assembler> byThread = new HashMap<>();
        for (Line line : parsed) {
            String thread = trace.threadsShown ? line.thread : null;
            byThread.computeIfAbsent(String.valueOf(thread), t -> new Assembler(trace, thread)).accept(line);
        }
        return trace;
    }

    /** The line's kind, whichever pattern needs the shorter lead: a value may quote an event line, or a source a label. */
    private static Line parseLine(String text) {
        if (OMITTED.matcher(text).matches()) {
            return new Line(TraceEntry.labelled(TraceEntry.Kind.OMITTED, "", text), null, "", null);
        }
        Matcher event = EVENT.matcher(text);
        Matcher labelled = LABELLED.matcher(text);
        boolean isEvent = event.matches();
        boolean isLabelled = labelled.matches();
        if (isEvent && (!isLabelled || event.group(1).length() <= labelled.group(1).length())) {
            String lead = event.group(1);
            return new Line(TraceEntry.event(lead, event.group(2), event.group(4), Integer.parseInt(event.group(5)),
                    event.group(6)), null, lead, event.group(3));
        }
        if (!isLabelled) {
            return null;
        }
        String lead = labelled.group(1);
        String label = labelled.group(2);
        String rest = labelled.group(3);
        if (label.equals(TextFormat.SOURCE_PATH)) {
            return new Line(null, rest, lead, null);
        }
        if (label.equals(TextFormat.ELAPSED)) {
            return CLOCK.matcher(rest).matches() ? new Line(TraceEntry.elapsed(lead, rest), null, lead, null) : null;
        }
        if (label.equals(TextFormat.ENDED_BY_EXCEPTION)) {
            return new Line(TraceEntry.labelled(TraceEntry.Kind.ENDED_BY_EXCEPTION, lead, ""), null, lead, null);
        }
        if (label.equals(TextFormat.RETURN_VALUE)) {
            return new Line(TraceEntry.labelled(TraceEntry.Kind.RETURN_VALUE, lead, rest), null, lead, null);
        }
        if (label.equals(TextFormat.EXCEPTION_LABEL)) {
            return new Line(TraceEntry.labelled(TraceEntry.Kind.EXCEPTION, lead, rest), null, lead, null);
        }
        int equals = rest.indexOf(" = ");
        if (equals < 0) {
            return null;
        }
        TraceEntry.Kind kind = label.equals(TextFormat.STARTING_VAR) ? TraceEntry.Kind.STARTING_VAR
                : label.equals(TextFormat.NEW_VAR) ? TraceEntry.Kind.NEW_VAR : TraceEntry.Kind.MODIFIED_VAR;
        return new Line(TraceEntry.variable(kind, lead, rest.substring(0, equals), rest.substring(equals + 3)),
                null, lead, null);
    }

    /**
     * Only event lines name their thread. A thread's lines reach the file in runs of whole lines, so
     * a labelled line most likely belongs to the thread of the event before it; when it cannot
     * follow that thread's last line (a "Return value" with no return before it, say), it starts the
     * next thread's run, or ends the run of whichever thread it can follow. "Source path" and
     * "Starting var" lines just before another thread's {@code call} open that call. This is a
     * best guess only where runs meet; JSON Lines names the thread and call on every line.
     */
    private static void assignThreads(List<Line> lines) {
        Map<String, ThreadGuess> threads = new LinkedHashMap<>();
        String current = null;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.thread != null) {
                current = line.thread;
                threads.computeIfAbsent(current, t -> new ThreadGuess()).follow(line.entry);
                continue;
            }
            int next = i;
            while (next < lines.size() && lines.get(next).thread == null) {
                next++;
            }
            Line following = next < lines.size() ? lines.get(next) : null;
            int preambleStart = next;
            if (following != null && following.entry.isEvent(TraceFormat.CALL)) {
                while (preambleStart > i && isPreamble(lines.get(preambleStart - 1))) {
                    preambleStart--;
                }
            }
            boolean switched = current == null;
            for (int j = i; j < next; j++) {
                Line labelled = lines.get(j);
                String thread;
                if (j >= preambleStart) {
                    thread = following.thread;
                } else if (!switched && threads.get(current).accepts(labelled)) {
                    thread = current;
                } else {
                    thread = following != null && threads.computeIfAbsent(following.thread, t -> new ThreadGuess())
                            .accepts(labelled) ? following.thread : null;
                    for (Map.Entry<String, ThreadGuess> other : threads.entrySet()) {
                        if (thread == null && other.getValue().accepts(labelled)) {
                            thread = other.getKey();
                        }
                    }
                    if (thread == null) {
                        thread = current != null ? current : following.thread;
                    }
                    switched = !thread.equals(current);
                }
                labelled.thread = thread;
                threads.computeIfAbsent(thread, t -> new ThreadGuess()).follow(labelled.entry);
            }
            i = next - 1;
        }
    }

    /** What one thread's last line makes possible next: enough to tell whose a labelled line is. */
    private static final class ThreadGuess {
        int openCalls;
        TraceEntry last;

        boolean accepts(Line line) {
            if (line.sourcePath != null || line.entry.kind == TraceEntry.Kind.STARTING_VAR
                    || line.entry.kind == TraceEntry.Kind.OMITTED) {
                return true;
            }
            TraceEntry.Kind lastKind = last == null ? null : last.kind;
            boolean afterReturn = last != null && last.isEvent(TraceFormat.RETURN);
            boolean afterException = last != null && (last.isEvent(TraceFormat.EXCEPTION)
                    || lastKind == TraceEntry.Kind.EXCEPTION);
            switch (line.entry.kind) {
                case RETURN_VALUE:
                    return afterReturn;
                case EXCEPTION:
                    return last != null && last.isEvent(TraceFormat.EXCEPTION);
                case ENDED_BY_EXCEPTION:
                    return afterException;
                case ELAPSED:
                    return afterReturn || lastKind == TraceEntry.Kind.RETURN_VALUE
                            || lastKind == TraceEntry.Kind.ENDED_BY_EXCEPTION;
                default: // New or Modified var
                    return openCalls > 0 && !afterReturn && !afterException;
            }
        }

        void follow(TraceEntry entry) {
            if (entry == null) {
                return; // a Source path line
            }
            if (entry.isEvent(TraceFormat.CALL)) {
                openCalls++;
            } else if (entry.isEvent(TraceFormat.RETURN) || entry.kind == TraceEntry.Kind.ENDED_BY_EXCEPTION) {
                openCalls = Math.max(0, openCalls - 1);
            }
            last = entry;
        }
    }

    private static boolean isPreamble(Line line) {
        return line.sourcePath != null || line.entry.isPreamble();
    }

    /** Builds one thread's calls from its lines, in order. */
    private static final class Assembler {
        private final ParsedTrace trace;
        private final String thread;
        private final Deque<TracedCall> open = new ArrayDeque<>();
        private final List<TraceEntry> preamble = new ArrayList<>();
        private String sourcePath;
        /** The call that just returned or failed: its Return value and Elapsed time lines follow. */
        private TracedCall closing;
        /** After "... lines omitted ...", nesting is lost: only a return at the outermost call's lead ends it. */
        private TracedCall gapped;

        Assembler(ParsedTrace trace, String thread) {
            this.trace = trace;
            this.thread = thread;
        }

        void accept(Line line) {
            if (line.sourcePath != null) {
                sourcePath = line.sourcePath;
                closing = null;
                return;
            }
            TraceEntry entry = line.entry;
            if (closing != null && entry.isTrailer()) {
                if (entry.kind == TraceEntry.Kind.ENDED_BY_EXCEPTION) {
                    closing.ending = TracedCall.Ending.EXCEPTION;
                }
                closing.add(entry);
                if (entry.kind == TraceEntry.Kind.ELAPSED) {
                    closing = null;
                }
                return;
            }
            closing = null;
            if (gapped != null && entry.kind != TraceEntry.Kind.OMITTED && !line.lead.equals(gapped.lead)) {
                gapped.add(entry); // a line of a call inside the outermost one, whose nesting the gap hid
                return;
            }
            if (entry.isPreamble()) {
                preamble.add(entry);
                return;
            }
            if (entry.isEvent(TraceFormat.CALL) && gapped == null) {
                TracedCall call = open(line.lead, false);
                call.add(entry);
                call.methodName = TracedCall.methodFromDeclaration(entry.text);
                return;
            }
            if (open.isEmpty()) {
                TracedCall headless = open(line.lead, true); // its start is not in this file: rotated away, or cut
                if (entry.isTrailer()) {
                    headless.add(entry); // only its end is here
                    close(headless, entry.kind == TraceEntry.Kind.ENDED_BY_EXCEPTION
                            ? TracedCall.Ending.EXCEPTION : TracedCall.Ending.RETURN);
                    if (entry.kind == TraceEntry.Kind.ELAPSED) {
                        closing = null;
                    }
                    return;
                }
            }
            if (entry.kind == TraceEntry.Kind.OMITTED) {
                gapped = open.peekLast();
                gapped.add(entry);
                for (TracedCall inner : open) {
                    if (inner != gapped) {
                        inner.ending = TracedCall.Ending.OMITTED;
                    }
                }
                open.clear();
                open.push(gapped);
                return;
            }
            TracedCall top = open.peek();
            top.add(entry);
            if (entry.isEvent(TraceFormat.RETURN)) {
                close(top, TracedCall.Ending.RETURN);
            } else if (entry.kind == TraceEntry.Kind.ENDED_BY_EXCEPTION) {
                close(top, TracedCall.Ending.EXCEPTION);
            }
        }

        private TracedCall open(String lead, boolean headless) {
            TracedCall caller = open.peek();
            TracedCall call = new TracedCall(thread, caller == null ? 0 : caller.depth + 1);
            call.headless = headless;
            call.file = sourcePath;
            call.lead = lead;
            for (TraceEntry starting : preamble) {
                call.add(starting);
            }
            preamble.clear();
            if (caller == null) {
                trace.calls.add(call);
            } else {
                caller.parts.add(call);
            }
            open.push(call);
            return call;
        }

        private void close(TracedCall call, TracedCall.Ending ending) {
            call.ending = ending;
            open.pop();
            closing = call;
            if (call == gapped) {
                gapped = null;
            }
        }
    }
}
