package io.jsnooper.agent.trace;

import io.jsnooper.agent.output.LineBuffer;
import io.jsnooper.agent.output.TraceFormat;
import java.util.Arrays;

/**
 * The format of {@code onFailure} calls: it keeps each trace entry as the tracer hands it over — a
 * time, a line number, a primitive's bits, references to a rendering or a source line — and
 * formats nothing. Most calls return normally and their record is simply forgotten, so a recorded
 * entry costs a few array stores instead of a formatted line; only a call that fails has its
 * entries written, through the real formats, by {@link #replay}.
 *
 * <p>Bounded per thread: the first {@value #HEAD} and the last {@value #TAIL} entries of a capture
 * are kept (a ring for the tail), the ones between are counted so that the replay can say how many
 * lines it left out. One per thread, reused by every capture of that thread; never shared.
 */
final class EventRecorder implements TraceFormat {

    static final int HEAD = 1_000;
    static final int TAIL = 1_000;
    private static final int SIZE = HEAD + TAIL;

    private static final byte SOURCE_PATH = 0;
    private static final byte EVENT = 1;
    private static final byte VARIABLE_TEXT = 2;
    private static final byte VARIABLE_PRIMITIVE = 3;
    private static final byte RETURN = 4;
    private static final byte RETURN_TEXT = 5;
    private static final byte RETURN_PRIMITIVE = 6;
    private static final byte EXCEPTION = 7;
    private static final byte END_BY_RETURN = 8;
    private static final byte END_BY_EXCEPTION = 9;
    /** What each kind of record is to a format, to count the lines of the records left out. */
    private static final Entry[] ENTRIES = {Entry.SOURCE_PATH, Entry.EVENT, Entry.VARIABLE, Entry.VARIABLE,
        Entry.RETURN, Entry.RETURN_WITH_VALUE, Entry.RETURN_WITH_VALUE, Entry.EXCEPTION, Entry.END_BY_RETURN,
        Entry.END_BY_EXCEPTION};
    private static final Change[] CHANGES = Change.values();

    // one record per index, column by column: no object per record
    private final byte[] kinds = new byte[SIZE];
    private final CallTrace[] calls = new CallTrace[SIZE];
    /** {@code nanoTime} of the entry; for the end of a call, its elapsed nanoseconds. */
    private final long[] times = new long[SIZE];
    private final int[] lines = new int[SIZE];
    private final long[] bits = new long[SIZE];
    private final char[] valueKinds = new char[SIZE];
    /** The event name, "Source path" or variable name. */
    private final String[] names = new String[SIZE];
    /** A rendered value or an exception's description. */
    private final String[] values = new String[SIZE];
    private final byte[][] sources = new byte[SIZE][];

    /** Entries recorded in this capture, kept or not. */
    private long recorded;
    /** Where the next record goes: through the head once, then round the tail ring. */
    private int next;
    /** Records dropped from the tail ring, by kind. */
    private final long[] dropped = new long[ENTRIES.length];
    /** The "Source path" last recorded: a capture starts with its own. */
    String lastSourcePath;

    /** Starts a new capture (the previous one was replayed or forgotten). */
    void reset() {
        int used = (int) Math.min(recorded, SIZE);
        // drop references to the traced program's values and calls, so the record keeps nothing alive
        // (names and source lines belong to the method's static description: they can stay)
        Arrays.fill(calls, 0, used, null);
        Arrays.fill(values, 0, used, null);
        Arrays.fill(dropped, 0);
        recorded = 0;
        next = 0;
        lastSourcePath = null;
    }

    private int slot(Call call, byte kind) {
        int slot = next;
        if (recorded >= SIZE) {
            dropped[kinds[slot]]++;
        }
        next = slot + 1 == SIZE ? HEAD : slot + 1;
        recorded++;
        kinds[slot] = kind;
        calls[slot] = (CallTrace) call;
        return slot;
    }

    /**
     * Writes what was recorded into {@code target} through each call's own format, as if it had
     * been written as it happened, then forgets it.
     */
    void replay(LineBuffer target, CallTrace capturing) {
        try {
            int head = (int) Math.min(recorded, HEAD);
            for (int i = 0; i < head; i++) {
                write(i, target);
            }
            if (recorded > SIZE) {
                TraceFormat format = capturing.output.format;
                long left = 0;
                for (int kind = 0; kind < dropped.length; kind++) {
                    left += dropped[kind] * format.lines(ENTRIES[kind]);
                }
                format.omitted(capturing, target, left);
            }
            long tail = Math.max(0, Math.min(recorded - HEAD, TAIL));
            int slot = recorded > SIZE ? next : HEAD;
            for (long i = 0; i < tail; i++) {
                write(slot, target);
                slot = slot + 1 == SIZE ? HEAD : slot + 1;
            }
            if (lastSourcePath != null) {
                target.lastSourcePath = lastSourcePath;
            }
        } finally {
            reset();
        }
    }

    private void write(int i, LineBuffer target) {
        CallTrace call = calls[i];
        call.out = target;
        TraceFormat format = call.output.format;
        switch (kinds[i]) {
            case SOURCE_PATH:
                format.sourcePath(call, names[i]);
                break;
            case EVENT:
                format.event(call, times[i], names[i], lines[i], sources[i]);
                break;
            case VARIABLE_TEXT:
                format.variable(call, CHANGES[lines[i]], names[i], values[i]);
                break;
            case VARIABLE_PRIMITIVE:
                format.variable(call, CHANGES[lines[i]], names[i], valueKinds[i], bits[i]);
                break;
            case RETURN:
                format.returned(call, times[i], lines[i], sources[i]);
                break;
            case RETURN_TEXT:
                format.returned(call, times[i], lines[i], sources[i], values[i]);
                break;
            case RETURN_PRIMITIVE:
                format.returned(call, times[i], lines[i], sources[i], valueKinds[i], bits[i]);
                break;
            case EXCEPTION:
                format.exception(call, times[i], lines[i], sources[i], values[i]);
                break;
            default:
                format.end(call, kinds[i] == END_BY_EXCEPTION, times[i]);
        }
    }

    // ---- TraceFormat: record, don't format

    @Override
    public void sourcePath(Call call, String path) {
        int slot = slot(call, SOURCE_PATH);
        names[slot] = path;
        lastSourcePath = path;
    }

    @Override
    public void event(Call call, long nanoTime, String event, int line, byte[] source) {
        int slot = slot(call, EVENT);
        times[slot] = nanoTime;
        names[slot] = event;
        lines[slot] = line;
        sources[slot] = source;
    }

    @Override
    public void variable(Call call, Change change, String name, String rendered) {
        int slot = slot(call, VARIABLE_TEXT);
        lines[slot] = change.ordinal();
        names[slot] = name;
        values[slot] = rendered;
    }

    @Override
    public void variable(Call call, Change change, String name, char kind, long value) {
        int slot = slot(call, VARIABLE_PRIMITIVE);
        lines[slot] = change.ordinal();
        names[slot] = name;
        valueKinds[slot] = kind;
        bits[slot] = value;
    }

    @Override
    public void returned(Call call, long nanoTime, int line, byte[] source) {
        atLine(slot(call, RETURN), nanoTime, line, source);
    }

    @Override
    public void returned(Call call, long nanoTime, int line, byte[] source, String rendered) {
        values[atLine(slot(call, RETURN_TEXT), nanoTime, line, source)] = rendered;
    }

    @Override
    public void returned(Call call, long nanoTime, int line, byte[] source, char kind, long value) {
        int slot = atLine(slot(call, RETURN_PRIMITIVE), nanoTime, line, source);
        valueKinds[slot] = kind;
        bits[slot] = value;
    }

    @Override
    public void exception(Call call, long nanoTime, int line, byte[] source, String description) {
        values[atLine(slot(call, EXCEPTION), nanoTime, line, source)] = description;
    }

    @Override
    public void end(Call call, boolean byException, long elapsedNanos) {
        times[slot(call, byException ? END_BY_EXCEPTION : END_BY_RETURN)] = elapsedNanos;
    }

    @Override
    public void omitted(Call call, LineBuffer out, long lines) {
        throw new UnsupportedOperationException("a record is never replayed into another record");
    }

    private int atLine(int slot, long nanoTime, int line, byte[] source) {
        times[slot] = nanoTime;
        lines[slot] = line;
        sources[slot] = source;
        return slot;
    }
}
