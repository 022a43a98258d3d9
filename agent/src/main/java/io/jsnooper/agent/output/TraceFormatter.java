package io.jsnooper.agent.output;

/**
 * PySnooper's text format, to the character: the labels, the 9-column event name, the 4-column
 * line number, four spaces of indentation per nesting level. Writes into a {@link LineBuffer};
 * the caller finishes variable lines with the value and {@link LineBuffer#endLine()}.
 */
public final class TraceFormatter {

    public static final String SOURCE_PATH = "Source path:... ";
    public static final String STARTING_VAR = "Starting var:.. ";
    public static final String NEW_VAR = "New var:....... ";
    public static final String MODIFIED_VAR = "Modified var:.. ";
    public static final String RETURN_VALUE = "Return value:.. ";
    public static final String EXCEPTION = "Exception:..... ";
    public static final String ENDED_BY_EXCEPTION = "Call ended by exception";
    public static final String ELAPSED = "Elapsed time: ";

    public static final String CALL = "call";
    public static final String LINE = "line";
    public static final String RETURN = "return";
    public static final String EXCEPTION_EVENT = "exception";

    private static final int EVENT_WIDTH = 9;
    private static final int LINE_NUMBER_WIDTH = 4;

    private TraceFormatter() {
    }

    /** {@code HH:MM:SS.ffffff EVENT     LINE SOURCE} */
    public static void event(LineBuffer out, int depth, long nanoTime, String event, int line, byte[] source) {
        out.spaces(4 * depth).clock(WallClock.microsOfDay(nanoTime)).ch(' ').ascii(event)
                .spaces(EVENT_WIDTH - event.length()).ch(' ')
                .number(line, LINE_NUMBER_WIDTH).ch(' ')
                .bytes(source);
        out.endLine();
    }

    /** Starts {@code Label name = }; the value and the end of line follow. */
    public static LineBuffer variable(LineBuffer out, int depth, String label, String name) {
        return out.spaces(4 * depth).ascii(label).text(name).ascii(" = ");
    }

    /** A whole line: {@code Label text}. */
    public static void labelled(LineBuffer out, int depth, String label, String text) {
        out.spaces(4 * depth).ascii(label).text(text);
        out.endLine();
    }

    public static void elapsed(LineBuffer out, int depth, long nanos) {
        out.spaces(4 * depth).ascii(ELAPSED).clock(nanos / 1_000);
        out.endLine();
    }
}
