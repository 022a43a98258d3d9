package io.jsnooper.agent.view;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One traced call as read back from a trace: its lines in order, with the traced calls it made in
 * between them, wherever the file had them (other threads' lines cut a call into pieces in the file).
 */
final class TracedCall {

    /** OMITTED: its end fell in the part an {@code onFailure} capture left out. */
    enum Ending { NONE, RETURN, EXCEPTION, OMITTED }

    /**
     * {@code id-name}; null for a text trace without a thread column, and for a JSON Lines call
     * not named yet (its call object is not in the file). Set once the call is named.
     */
    String thread;
    int depth;
    /** Known from JSON Lines; from a text trace only the source file is. */
    String className;
    String methodName;
    /** The source path, as the trace names it; null when unknown. */
    String file;
    Ending ending = Ending.NONE;
    /** The call began before the trace file did (its {@code call} line is not in the file). */
    boolean headless;
    /** From JSON Lines: the first line's wall-clock time since the epoch; -1 when unknown. */
    long epochMicros = -1;
    /** Lead of its first text line, to indent a regenerated "Source path" line like the call. */
    String lead;
    /** The call this one is inside, when known (JSON Lines). */
    TracedCall parent;
    /** {@link TraceEntry} and nested {@link TracedCall}, in order. */
    final List<Object> parts = new ArrayList<>();

    TracedCall(String thread, int depth) {
        this.thread = thread;
        this.depth = depth;
    }

    void add(TraceEntry entry) {
        if (lead == null && entry.lead != null) {
            lead = entry.lead;
        }
        parts.add(entry);
    }

    boolean failed() {
        return ending == Ending.EXCEPTION;
    }

    /** Microseconds since midnight of its first timed line; -1 when it has none. */
    long startMicros() {
        for (Object part : parts) {
            if (part instanceof TraceEntry && ((TraceEntry) part).micros() >= 0) {
                return ((TraceEntry) part).micros();
            }
        }
        return -1;
    }

    /** This call and every call inside it, outermost first. */
    void forEachCall(Consumer<TracedCall> action) {
        action.accept(this);
        for (Object part : parts) {
            if (part instanceof TracedCall) {
                ((TracedCall) part).forEachCall(action);
            }
        }
    }

    /** Whether this call or one inside it has no end in the file. */
    boolean hasUnendedCall() {
        boolean[] unended = {false};
        forEachCall(call -> unended[0] |= call.ending == Ending.NONE);
        return unended[0];
    }

    /** The method name a text trace shows: the identifier before the first '(' of the call line. */
    static String methodFromDeclaration(String source) {
        int paren = source.indexOf('(');
        if (paren < 0) {
            return null;
        }
        int end = paren;
        while (end > 0 && source.charAt(end - 1) == ' ') {
            end--;
        }
        int start = end;
        while (start > 0 && Character.isJavaIdentifierPart(source.charAt(start - 1))) {
            start--;
        }
        return start < end ? source.substring(start, end) : null;
    }
}
