package io.jsnooper.agent.view;

import io.jsnooper.agent.output.TextFormat;

/**
 * One line of a trace, whichever format it was read from: an event ({@code call}, {@code line},
 * {@code return}, {@code exception}) or one of the labelled lines. {@code lead} is what stood
 * before the line's first field in a text trace (prefix and indentation); null when read from JSON,
 * where the renderer indents by the call's depth.
 */
final class TraceEntry {

    enum Kind {
        EVENT, STARTING_VAR, NEW_VAR, MODIFIED_VAR, RETURN_VALUE, EXCEPTION, ENDED_BY_EXCEPTION, ELAPSED, OMITTED;

        /** The labels of PySnooper's text, shared with the agent's own text format. */
        String label() {
            switch (this) {
                case STARTING_VAR: return TextFormat.STARTING_VAR;
                case NEW_VAR: return TextFormat.NEW_VAR;
                case MODIFIED_VAR: return TextFormat.MODIFIED_VAR;
                case RETURN_VALUE: return TextFormat.RETURN_VALUE;
                case EXCEPTION: return TextFormat.EXCEPTION_LABEL;
                case ENDED_BY_EXCEPTION: return TextFormat.ENDED_BY_EXCEPTION;
                case ELAPSED: return TextFormat.ELAPSED;
                default: return "";
            }
        }
    }

    /** A time field that was written blank ({@code normalize}). */
    static final String NO_TIME = "               ";

    final Kind kind;
    final String lead;
    /** EVENT: HH:MM:SS.ffffff, or {@link #NO_TIME}. ELAPSED: the duration. */
    final String time;
    /** EVENT: call, line, return or exception. */
    final String event;
    final int line;
    /** EVENT: the source line. VAR: the name. */
    final String text;
    /** VAR, RETURN_VALUE, EXCEPTION: what is shown after the label. OMITTED: the whole line. */
    final String value;

    private TraceEntry(Kind kind, String lead, String time, String event, int line, String text, String value) {
        this.kind = kind;
        this.lead = lead;
        this.time = time;
        this.event = event;
        this.line = line;
        this.text = text;
        this.value = value;
    }

    static TraceEntry event(String lead, String time, String event, int line, String source) {
        return new TraceEntry(Kind.EVENT, lead, time, event, line, source, null);
    }

    static TraceEntry variable(Kind kind, String lead, String name, String value) {
        return new TraceEntry(kind, lead, null, null, 0, name, value);
    }

    /** RETURN_VALUE, EXCEPTION, ENDED_BY_EXCEPTION (empty value), OMITTED (the whole line). */
    static TraceEntry labelled(Kind kind, String lead, String value) {
        return new TraceEntry(kind, lead, null, null, 0, null, value);
    }

    static TraceEntry elapsed(String lead, String duration) {
        return new TraceEntry(Kind.ELAPSED, lead, duration, null, 0, null, null);
    }

    boolean isEvent(String name) {
        return kind == Kind.EVENT && event.equals(name);
    }

    /** Starting vars come before their call's {@code call} event. */
    boolean isPreamble() {
        return kind == Kind.STARTING_VAR;
    }

    /** Lines that follow a call's last event and still belong to it. */
    boolean isTrailer() {
        return kind == Kind.RETURN_VALUE || kind == Kind.ELAPSED || kind == Kind.ENDED_BY_EXCEPTION;
    }

    /** Microseconds since midnight of an event's time field, or -1 when it has none. */
    long micros() {
        return time == null || time.isBlank() ? -1 : parseClock(time);
    }

    static long parseClock(String hhmmss) {
        long h = Long.parseLong(hhmmss.substring(0, 2));
        long m = Long.parseLong(hhmmss.substring(3, 5));
        long s = Long.parseLong(hhmmss.substring(6, 8));
        long f = Long.parseLong(hhmmss.substring(9, 15));
        return ((h * 60 + m) * 60 + s) * 1_000_000 + f;
    }
}
