package io.jsnooper.agent.trace;

import io.jsnooper.agent.output.LineBuffer;
import io.jsnooper.agent.output.TraceFormat;
import io.jsnooper.agent.output.ValueRenderer;
import io.jsnooper.agent.watch.WatchScope;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The state of one traced call: what was last shown of each variable, where the call is, and when
 * it started. The rewritten method keeps it in a local slot and passes it back with every event.
 */
final class CallTrace implements WatchScope, TraceFormat.Call, ValueRenderer.InProgress {

    private static final AtomicLong IDS = new AtomicLong();

    final MethodInfo method;
    final ThreadState thread;
    final CallTrace caller;
    final int depth;
    /** How many more levels of callees may be traced below this call ({@code depth} option). */
    final int depthBudget;
    /**
     * Where the lines go. For a recorded call ({@code onFailure}), set only when the record is
     * replayed: until then nothing is formatted.
     */
    LineBuffer out;
    /** This call's sink and format; lambda bodies and callees write with their caller's. */
    final MethodOutput output;
    /** {@code output}'s format, or the thread's {@link EventRecorder} when the call is recorded. */
    final TraceFormat format;
    final ValueRenderer renderer;
    /** For each variable: its value is hidden ({@code redact}). */
    final boolean[] redacted;
    /** This call started an {@code onFailure} capture: it decides whether the capture is written. */
    final boolean capturing;
    /** This call's entries are recorded, not written: it is, or runs inside, an {@code onFailure} call. */
    final boolean recording;
    final long id = IDS.incrementAndGet();
    private Object formatState;
    final long startNanos;
    /** Start of the outermost traced call on this thread: zero of {@code relativeTime}. */
    final long relativeBase;

    /** While true, stores are the parameters: remembered, written as "Starting var" by begin(). */
    boolean starting = true;
    /** Set when the call has ended (or was abandoned); later events for it are ignored. */
    boolean ended;
    int currentLine;
    int currentProbe = -1;
    /** The probe that fired last, line event or not; -1 before the first and after a handler. */
    int lastProbe = -1;
    /** Code that ran since the last line event may have changed an object variable in place. */
    boolean mayHaveMutated;
    /** The exception last reported in this call, so that one passing through several handlers shows once. */
    Throwable lastException;

    final boolean[] seen;
    final long[] primitives;
    final Object[] references;
    final String[] rendered;
    final int[] startingOrder;
    int startingCount;
    /** Slow renderings seen per variable; past {@link #COSTLY_AFTER} it isn't re-rendered at each line. */
    private int[] slowRenderings;
    private static final int COSTLY_AFTER = 3;

    /** How many calls, from the innermost out, are asked whether an object is theirs: deep recursion is bounded. */
    private static final int IN_PROGRESS_LEVELS = 32;

    /** Watch expressions and exploded parts: label → what was last shown. */
    Map<String, String> watchShown;

    CallTrace(MethodInfo method, ThreadState thread, CallTrace caller, MethodOutput output, LineBuffer out,
            boolean capturing, long startNanos) {
        this.capturing = capturing;
        this.recording = out == null;
        this.method = method;
        this.thread = thread;
        this.caller = caller;
        this.depth = caller == null ? 0 : caller.depth + 1;
        int inherited = caller == null ? 0 : caller.depthBudget;
        switch (method.kind) {
            case LAMBDA:
                this.depthBudget = inherited; // part of its host's level
                break;
            case CALLEE:
                this.depthBudget = inherited - 1;
                break;
            default:
                this.depthBudget = Math.max(method.settings.depth - 1, inherited - 1);
        }
        this.output = output;
        this.out = out;
        this.format = recording ? thread.recorder() : output.format;
        this.renderer = output.renderer;
        this.redacted = method.redactedVariables(output);
        this.startNanos = startNanos;
        this.relativeBase = caller == null ? startNanos : caller.relativeBase;
        int vars = method.varNames.length;
        this.seen = new boolean[vars];
        this.primitives = new long[vars];
        this.references = new Object[vars];
        this.rendered = new String[vars];
        this.startingOrder = new int[vars];
        this.currentLine = method.firstLine;
    }

    // ---- TraceFormat.Call: what every line of this call shares

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
        return thread.label;
    }

    @Override
    public String className() {
        return method.className;
    }

    @Override
    public String methodName() {
        return method.methodName;
    }

    @Override
    public String file() {
        return method.source.path();
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public Object formatState() {
        return formatState;
    }

    @Override
    public void formatState(Object state) {
        formatState = state;
    }

    boolean isCostly(int var) {
        return slowRenderings != null && slowRenderings[var] >= COSTLY_AFTER;
    }

    void noteCostly(int var) {
        if (slowRenderings == null) {
            slowRenderings = new int[seen.length];
        }
        slowRenderings[var]++;
    }

    /**
     * An object is in progress while this call or a traced call around it has it as {@code this}, or
     * writes fields of its class directly (a tree's method rewiring its nodes' links): its
     * {@code toString()} could see it half-changed, with a cycle in its links or past a bound.
     */
    @Override
    public boolean isInProgress(Object value) {
        CallTrace call = this;
        for (int level = 0; call != null && level < IN_PROGRESS_LEVELS; level++, call = call.caller) {
            int self = call.method.thisVar;
            if (self >= 0 && call.references[self] == value || writesFieldsOf(call.method.fieldOwners, value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean writesFieldsOf(String[] owners, Object value) {
        if (owners.length == 0) {
            return false;
        }
        for (Class<?> type = value.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            String name = type.getName();
            int hash = name.hashCode(); // both strings cache it: a cheap no for names of one package
            for (String owner : owners) {
                if (owner.hashCode() == hash && owner.equals(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    Map<String, String> watchShown() {
        if (watchShown == null) {
            watchShown = new LinkedHashMap<>();
        }
        return watchShown;
    }

    // ---- WatchScope: what watch expressions can name

    @Override
    public Object local(String name) {
        String[] names = method.varNames;
        for (int var = 0; var < names.length; var++) {
            if (names[var].equals(name)) {
                if (seen[var]) {
                    return value(var);
                }
                return ABSENT;
            }
        }
        return UNKNOWN;
    }

    @Override
    public Object self() {
        if (method.isStatic) {
            return null;
        }
        Object self = local("this");
        return self == ABSENT || self == UNKNOWN ? null : self;
    }

    @Override
    public ClassLoader loader() {
        return method.loader();
    }

    /** The last value stored in a variable, boxed. */
    Object value(int var) {
        long bits = primitives[var];
        switch (method.varKinds[var]) {
            case 'Z': return bits != 0;
            case 'C': return (char) bits;
            case 'B': return (byte) bits;
            case 'S': return (short) bits;
            case 'I': return (int) bits;
            case 'J': return bits;
            case 'F': return Float.intBitsToFloat((int) bits);
            case 'D': return Double.longBitsToDouble(bits);
            default: return references[var];
        }
    }
}
