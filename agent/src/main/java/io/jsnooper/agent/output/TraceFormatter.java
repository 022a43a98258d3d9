package io.jsnooper.agent.output;

import io.jsnooper.agent.config.SnoopSettings;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * PySnooper's text format, to the character: the labels, the 9-column event name, the 4-column line
 * number, four spaces of indentation per nesting level — plus the options that change it (prefix,
 * thread column, relative or no timestamps, colours). One instance per snooped method's settings;
 * it owns all whitespace. Variable lines are finished by the caller with the value and
 * {@link #endValue}.
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

    // PySnooper's palette
    private static final String DIM = "\u001b[2m";
    private static final String NORMAL = "\u001b[22m";
    private static final String BRIGHT = "\u001b[1m";
    private static final String RESET = "\u001b[0m";
    private static final String GREEN = "\u001b[32m";
    private static final String CYAN = "\u001b[36m";
    private static final String RED = "\u001b[31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String FOREGROUND_RESET = "\u001b[39m";

    /** The widest thread column written so far, in any trace: PySnooper pads to it. */
    private static final AtomicInteger THREAD_COLUMN = new AtomicInteger();

    private final String prefix;
    private final boolean threadInfo;
    private final boolean relativeTime;
    private final boolean normalize;
    private final boolean color;

    public TraceFormatter(SnoopSettings settings, TraceSink sink) {
        this.prefix = settings.prefix;
        this.threadInfo = settings.threadInfo;
        this.relativeTime = settings.relativeTime;
        this.normalize = settings.normalize;
        this.color = settings.color == SnoopSettings.Color.ALWAYS
                || (settings.color == SnoopSettings.Color.AUTO && sink.isInteractive() && Terminal.isColorTerminal());
    }

    /**
     * {@code HH:MM:SS.ffffff [thread] EVENT     LINE SOURCE}.
     *
     * @param relativeBase the outermost call's start, for relative timestamps
     */
    public void event(LineBuffer out, int depth, long nanoTime, long relativeBase, String thread,
            String event, int line, byte[] source) {
        start(out, depth);
        if (color) {
            out.ascii(DIM);
        }
        if (normalize) {
            out.spaces(15);
        } else if (relativeTime) {
            out.clock(Math.max(0, nanoTime - relativeBase) / 1_000);
        } else {
            out.clock(WallClock.microsOfDay(nanoTime));
        }
        out.ch(' ');
        if (threadInfo) {
            int width = THREAD_COLUMN.accumulateAndGet(thread.length() + 1, Math::max);
            out.text(thread).spaces(width - thread.length());
        }
        out.ascii(event).spaces(EVENT_WIDTH - event.length()).ch(' ').number(line, LINE_NUMBER_WIDTH);
        if (color) {
            out.ascii(NORMAL);
        }
        out.ch(' ').bytes(source);
        if (color) {
            out.ascii(RESET);
        }
        out.endLine();
    }

    /** Starts {@code Label name = }; the caller writes the value, then calls {@link #endValue}. */
    public LineBuffer variable(LineBuffer out, int depth, String label, String name) {
        start(out, depth);
        if (color) {
            out.ascii(GREEN).ascii(DIM).ascii(label).ascii(FOREGROUND_RESET).ascii(NORMAL);
        } else {
            out.ascii(label);
        }
        return out.text(name).ascii(" = ");
    }

    /** Starts {@code Return value:.. }; the caller writes the value, then calls {@link #endValue}. */
    public LineBuffer returnValue(LineBuffer out, int depth) {
        start(out, depth);
        if (color) {
            return out.ascii(CYAN).ascii(DIM).ascii(RETURN_VALUE).ascii(FOREGROUND_RESET).ascii(NORMAL);
        }
        return out.ascii(RETURN_VALUE);
    }

    public void endValue(LineBuffer out) {
        if (color) {
            out.ascii(RESET);
        }
        out.endLine();
    }

    public void sourcePath(LineBuffer out, int depth, String path) {
        String shown = normalize ? path.substring(path.lastIndexOf('/') + 1) : path;
        labelled(out, depth, YELLOW, SOURCE_PATH, shown);
    }

    public void exception(LineBuffer out, int depth, String description) {
        labelled(out, depth, RED, EXCEPTION, description);
    }

    public void endedByException(LineBuffer out, int depth) {
        labelled(out, depth, RED, ENDED_BY_EXCEPTION, "");
    }

    /** {@code Elapsed time: HH:MM:SS.ffffff}; left out when normalizing, as PySnooper does. */
    public void elapsed(LineBuffer out, int depth, long nanos) {
        if (normalize) {
            return;
        }
        start(out, depth);
        if (color) {
            out.ascii(DIM).ascii(ELAPSED).ascii(NORMAL).ascii(BRIGHT).clock(nanos / 1_000).ascii(RESET);
        } else {
            out.ascii(ELAPSED).clock(nanos / 1_000);
        }
        out.endLine();
    }

    /** Whether values must be written without identity hashes. */
    public boolean normalizes() {
        return normalize;
    }

    private void labelled(LineBuffer out, int depth, String colour, String label, String text) {
        start(out, depth);
        if (color) {
            out.ascii(colour).ascii(DIM).ascii(label).ascii(FOREGROUND_RESET).ascii(NORMAL).text(text).ascii(RESET);
        } else {
            out.ascii(label).text(text);
        }
        out.endLine();
    }

    private void start(LineBuffer out, int depth) {
        if (!prefix.isEmpty()) {
            out.text(prefix);
        }
        out.spaces(4 * depth);
    }
}
