package io.jsnooper.agent.output;

/**
 * Where finished trace lines go. Each {@link #write} receives whole lines only and is atomic
 * with respect to other writes, so lines from different threads never interleave within a line.
 */
public abstract class TraceSink {

    private final int id;
    private final String description;

    TraceSink(int id, String description) {
        this.id = id;
        this.description = description;
    }

    /** Small and dense: threads keep their buffers in an array indexed by it. */
    public final int id() {
        return id;
    }

    /** Whether a thread should hand its lines over at the end of each outermost call. */
    public abstract boolean isInteractive();

    /** Whether each line must be handed over by the traced thread as soon as it is finished. */
    public boolean isImmediate() {
        return false;
    }

    public abstract void write(byte[] bytes, int offset, int length);

    @Override
    public String toString() {
        return description;
    }
}
