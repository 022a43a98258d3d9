package io.jsnooper.agent.output;

/**
 * How trace lines are written: PySnooper's text ({@link TextFormat}) or one JSON object per line
 * ({@link JsonLinesFormat}). The tracer decides what to say; a format owns every character of how.
 */
public interface TraceFormat {

    /** Event names. */
    String CALL = "call";
    String LINE = "line";
    String RETURN = "return";
    String EXCEPTION = "exception";

    /** Kinds of variable line, as PySnooper labels them. */
    enum Change { STARTING, NEW, MODIFIED }

    /** The kinds of entry a format writes: to count the lines an {@code onFailure} capture left out. */
    enum Entry { SOURCE_PATH, EVENT, VARIABLE, RETURN, RETURN_WITH_VALUE, EXCEPTION, END_BY_RETURN, END_BY_EXCEPTION }

    /** What every line of one call shares. */
    interface Call {
        LineBuffer out();

        /** Nesting level: 0 for the outermost traced call on its thread. */
        int depth();

        /** Start of the outermost traced call: zero of relative timestamps. */
        long relativeBase();

        /** {@code id-name} of the thread. */
        String thread();

        String className();

        String methodName();

        /** The source file's path, or its name when the file wasn't found. */
        String file();

        /** Unique per call in this JVM. */
        long id();

        /** What a format keeps for this call between its lines (JSON Lines: the encoded header). */
        Object formatState();

        void formatState(Object state);
    }

    void sourcePath(Call call, String path);

    /** A {@code call} or {@code line} event. */
    void event(Call call, long nanoTime, String event, int line, byte[] source);

    void variable(Call call, Change change, String name, String rendered);

    /** A primitive, written without allocating: {@code kind} is its descriptor letter. */
    void variable(Call call, Change change, String name, char kind, long bits);

    /** The {@code return} event of a void method. */
    void returned(Call call, long nanoTime, int line, byte[] source);

    /** The {@code return} event and the value returned. */
    void returned(Call call, long nanoTime, int line, byte[] source, String rendered);

    void returned(Call call, long nanoTime, int line, byte[] source, char kind, long bits);

    /** The {@code exception} event: an exception raised, caught or passing through, at {@code line}. */
    void exception(Call call, long nanoTime, int line, byte[] source, String description);

    /** The call's last line(s): how it ended and how long it took. */
    void end(Call call, boolean byException, long elapsedNanos);

    /**
     * Where an {@code onFailure} call's kept head and tail meet: {@code lines} were left out. Written
     * into {@code out}, the real buffer the capture of {@code call} is replayed into.
     */
    void omitted(Call call, LineBuffer out, long lines);

    /** How many lines this format writes for an entry of that kind. */
    default int lines(Entry entry) {
        return 1;
    }

    /** Writes a primitive the way Java prints it. */
    static void writePrimitive(LineBuffer out, char kind, long bits) {
        switch (kind) {
            case 'Z':
                out.ascii(bits != 0 ? "true" : "false");
                break;
            case 'C':
                out.text(ValueRenderer.charLiteral((char) bits));
                break;
            case 'F':
                out.ascii(Float.toString(Float.intBitsToFloat((int) bits)));
                break;
            case 'D':
                out.ascii(Double.toString(Double.longBitsToDouble(bits)));
                break;
            case 'J':
                out.number(bits, 0);
                break;
            default:
                out.number((int) bits, 0);
        }
    }
}
