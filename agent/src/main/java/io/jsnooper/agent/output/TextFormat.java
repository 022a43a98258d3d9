package io.jsnooper.agent.output;

import static io.jsnooper.agent.output.Palette.BRIGHT;
import static io.jsnooper.agent.output.Palette.CYAN;
import static io.jsnooper.agent.output.Palette.DIM;
import static io.jsnooper.agent.output.Palette.FOREGROUND_RESET;
import static io.jsnooper.agent.output.Palette.GREEN;
import static io.jsnooper.agent.output.Palette.NORMAL;
import static io.jsnooper.agent.output.Palette.RED;
import static io.jsnooper.agent.output.Palette.RESET;
import static io.jsnooper.agent.output.Palette.YELLOW;

import io.jsnooper.agent.config.SnoopSettings;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * PySnooper's text format, to the character: the labels, the 9-column event name, the 4-column line
 * number, four spaces of indentation per nesting level — plus the options that change it (prefix,
 * thread column, relative or no timestamps, colours). One instance per snooped method's settings.
 */
public final class TextFormat implements TraceFormat {

    public static final String SOURCE_PATH = "Source path:... ";
    public static final String STARTING_VAR = "Starting var:.. ";
    public static final String NEW_VAR = "New var:....... ";
    public static final String MODIFIED_VAR = "Modified var:.. ";
    public static final String RETURN_VALUE = "Return value:.. ";
    public static final String EXCEPTION_LABEL = "Exception:..... ";
    public static final String ENDED_BY_EXCEPTION = "Call ended by exception";
    public static final String ELAPSED = "Elapsed time: ";

    private static final int EVENT_WIDTH = 9;
    private static final int LINE_NUMBER_WIDTH = 4;

    /**
     * {@code "line      1421 "} for the first few thousand line numbers, formatted when first
     * needed and copied after: line events are most of a trace, and their number column is the same
     * every time (a tenth of a line event in a profile of a whole-library trace).
     */
    private static final byte[][] LINE_COLUMNS = new byte[4096][];
    /** Acquire/release on {@link #LINE_COLUMNS}' elements: a thread that sees a column sees its bytes. */
    private static final VarHandle LINE_COLUMN = MethodHandles.arrayElementVarHandle(byte[][].class);

    /** The widest thread column written so far, in any trace: PySnooper pads to it. */
    private static final AtomicInteger THREAD_COLUMN = new AtomicInteger();

    private final String prefix;
    private final boolean threadInfo;
    private final boolean relativeTime;
    private final boolean normalize;
    private final boolean color;

    public TextFormat(SnoopSettings settings, TraceSink sink) {
        this.prefix = settings.prefix;
        this.threadInfo = settings.threadInfo;
        this.relativeTime = settings.relativeTime;
        this.normalize = settings.normalize;
        this.color = settings.color == SnoopSettings.Color.ALWAYS
                || (settings.color == SnoopSettings.Color.AUTO && sink.isInteractive() && Terminal.isColorTerminal());
    }

    /** The label PySnooper writes for a kind of variable line. */
    public static String label(Change change) {
        switch (change) {
            case STARTING: return STARTING_VAR;
            case NEW: return NEW_VAR;
            default: return MODIFIED_VAR;
        }
    }

    @Override
    public void sourcePath(Call call, String path) {
        String shown = normalize ? path.substring(path.lastIndexOf('/') + 1) : path;
        labelled(call.out(), call.depth(), YELLOW, SOURCE_PATH, shown);
    }

    /** {@code HH:MM:SS.ffffff [thread] EVENT     LINE SOURCE}. */
    @Override
    public void event(Call call, long nanoTime, String event, int line, byte[] source) {
        LineBuffer out = call.out();
        start(out, call.depth());
        if (color) {
            out.ascii(DIM);
        }
        if (normalize) {
            out.spaces(15);
        } else if (relativeTime) {
            out.clock(Math.max(0, nanoTime - call.relativeBase()) / 1_000);
        } else {
            out.clock(WallClock.microsOfDay(nanoTime));
        }
        out.ch(' ');
        if (threadInfo) {
            String thread = call.thread();
            int width = THREAD_COLUMN.accumulateAndGet(thread.length() + 1, Math::max);
            out.text(thread).spaces(width - thread.length());
        }
        if (!color && line >= 0 && line < LINE_COLUMNS.length && LINE.equals(event)) {
            out.bytes(lineColumn(line));
        } else {
            eventColumn(out, event, line);
            if (color) {
                out.ascii(NORMAL);
            }
            out.ch(' ');
        }
        out.bytes(source);
        if (color) {
            out.ascii(RESET);
        }
        out.endLine();
    }

    /** {@code "line      1421"}: the event name in its column, then the line number in its own. */
    private static LineBuffer eventColumn(LineBuffer out, String event, int line) {
        return out.ascii(event).spaces(EVENT_WIDTH - event.length()).ch(' ').number(line, LINE_NUMBER_WIDTH);
    }

    private static byte[] lineColumn(int line) {
        byte[] column = (byte[]) LINE_COLUMN.getAcquire(LINE_COLUMNS, line);
        if (column == null) {
            column = eventColumn(LineBuffer.scratch(), LINE, line).ch(' ').copyOfPending();
            LINE_COLUMN.setRelease(LINE_COLUMNS, line, column); // a race only formats it twice
        }
        return column;
    }

    @Override
    public void variable(Call call, Change change, String name, String rendered) {
        startVariable(call, change, name).text(rendered);
        endValue(call.out());
    }

    @Override
    public void variable(Call call, Change change, String name, char kind, long bits) {
        TraceFormat.writePrimitive(startVariable(call, change, name), kind, bits);
        endValue(call.out());
    }

    @Override
    public void returned(Call call, long nanoTime, int line, byte[] source) {
        event(call, nanoTime, RETURN, line, source);
    }

    @Override
    public void returned(Call call, long nanoTime, int line, byte[] source, String rendered) {
        event(call, nanoTime, RETURN, line, source);
        startReturnValue(call).text(rendered);
        endValue(call.out());
    }

    @Override
    public void returned(Call call, long nanoTime, int line, byte[] source, char kind, long bits) {
        event(call, nanoTime, RETURN, line, source);
        TraceFormat.writePrimitive(startReturnValue(call), kind, bits);
        endValue(call.out());
    }

    @Override
    public void exception(Call call, long nanoTime, int line, byte[] source, String description) {
        event(call, nanoTime, EXCEPTION, line, source);
        labelled(call.out(), call.depth(), RED, EXCEPTION_LABEL, description);
    }

    /** {@code Call ended by exception} when it did, then {@code Elapsed time:} (not when normalizing). */
    @Override
    public void end(Call call, boolean byException, long elapsedNanos) {
        LineBuffer out = call.out();
        if (byException) {
            labelled(out, call.depth(), RED, ENDED_BY_EXCEPTION, "");
        }
        if (normalize) {
            return;
        }
        start(out, call.depth());
        if (color) {
            out.ascii(DIM).ascii(ELAPSED).ascii(NORMAL).ascii(BRIGHT).clock(elapsedNanos / 1_000).ascii(RESET);
        } else {
            out.ascii(ELAPSED).clock(elapsedNanos / 1_000);
        }
        out.endLine();
    }

    @Override
    public int lines(Entry entry) {
        switch (entry) {
            case RETURN_WITH_VALUE:
            case EXCEPTION:
                return 2;
            case END_BY_RETURN:
                return normalize ? 0 : 1;
            case END_BY_EXCEPTION:
                return normalize ? 1 : 2;
            default:
                return 1;
        }
    }

    @Override
    public void omitted(Call call, LineBuffer out, long lines) {
        out.ascii("... ").number(lines, 0).ascii(" lines omitted ...");
        out.endLine();
    }

    private LineBuffer startVariable(Call call, Change change, String name) {
        LineBuffer out = call.out();
        start(out, call.depth());
        String label = label(change);
        if (color) {
            out.ascii(GREEN).ascii(DIM).ascii(label).ascii(FOREGROUND_RESET).ascii(NORMAL);
        } else {
            out.ascii(label);
        }
        return out.text(name).ascii(" = ");
    }

    private LineBuffer startReturnValue(Call call) {
        LineBuffer out = call.out();
        start(out, call.depth());
        if (color) {
            return out.ascii(CYAN).ascii(DIM).ascii(RETURN_VALUE).ascii(FOREGROUND_RESET).ascii(NORMAL);
        }
        return out.ascii(RETURN_VALUE);
    }

    private void endValue(LineBuffer out) {
        if (color) {
            out.ascii(RESET);
        }
        out.endLine();
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
