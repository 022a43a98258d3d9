package io.jsnooper.agent.output;

/** A call with fixed names, for format tests. */
final class FixedCall implements TraceFormat.Call {

    private final LineBuffer out;
    private final int depth;
    private final long relativeBase;
    private final long id;

    FixedCall(LineBuffer out, int depth, long relativeBase) {
        this(out, depth, relativeBase, 7);
    }

    FixedCall(LineBuffer out, int depth, long relativeBase, long id) {
        this.out = out;
        this.depth = depth;
        this.relativeBase = relativeBase;
        this.id = id;
    }

    @Override
    public LineBuffer out() {
        return out;
    }

    @Override
    public int depth() {
        return depth;
    }

    @Override
    public long relativeBase() {
        return relativeBase;
    }

    @Override
    public String thread() {
        return "1-main";
    }

    @Override
    public String className() {
        return "demo.Bits";
    }

    @Override
    public String methodName() {
        return "twice";
    }

    @Override
    public String file() {
        return "/src/demo/Bits.java";
    }

    @Override
    public long id() {
        return id;
    }

    private Object state;

    @Override
    public Object formatState() {
        return state;
    }

    @Override
    public void formatState(Object state) {
        this.state = state;
    }
}
