package io.jsnooper.agent.trace;

import io.jsnooper.agent.config.AgentOptions;
import io.jsnooper.agent.config.TraceKind;
import io.jsnooper.agent.output.Diagnostics;
import io.jsnooper.agent.output.LineBuffer;
import io.jsnooper.agent.output.SourceLines;
import io.jsnooper.agent.output.SourceLocator;
import io.jsnooper.agent.output.TraceFormat;
import io.jsnooper.agent.output.ValueRenderer;
import io.jsnooper.agent.watch.Exploder;
import io.jsnooper.agent.watch.WatchEvaluator;
import io.jsnooper.agent.watch.WatchExpression;
import io.jsnooper.agent.watch.WatchScope;
import java.util.Map;

/**
 * Turns the events of rewritten code into trace lines. Called only through
 * {@link io.jsnooper.runtime.Bridge}, with a non-null call handle; never throws: an internal
 * failure ends the tracing of that call with one message, and the program goes on untouched.
 *
 * <p>Decisions follow PySnooper: a variable is "New" the first time it gets a value and "Modified"
 * when its rendering changes, including objects changed in place: reference locals in scope are
 * re-rendered at each line and at the return, as PySnooper compares all locals at every line
 * event, except after a line whose code cannot change an object (it calls nothing, writes no field
 * or array element: see {@code MutationScan}), where re-rendering could only find what another
 * thread did.
 */
public final class Tracer {

    /** An anonymous class, not a lambda: a lambda would load the JDK's lambda machinery at start-up. */
    private static final ThreadLocal<ThreadState> STATE = new ThreadLocal<>() {
        @Override
        protected ThreadState initialValue() {
            return new ThreadState();
        }
    };
    static {
        ValueRenderer.countProgramCallsWith(new ValueRenderer.ProgramCalls() {
            @Override
            public long soFar() {
                return STATE.get().quietCalls;
            }
        });
    }
    private static final int[] NOTHING_LIVE = new int[0];
    /**
     * A rendering slower than this, a few times in one call, is not repeated at every line to spot
     * changes made in place (one slow rendering is normal: the first of a class is cold).
     */
    private static final long COSTLY_RENDERING_NANOS = 200_000;

    private static volatile boolean enabled = true;

    private Tracer() {
    }

    /** The calling thread's state: for {@link TestCapture}. */
    static ThreadState currentThreadState() {
        return STATE.get();
    }

    public static void configure(AgentOptions options) {
        SourceLocator.addRoots(options.sourcePath());
    }

    /** Off: calls that start from now on are not traced (calls in progress finish their trace). */
    public static void setEnabled(boolean on) {
        enabled = on;
    }

    // ---- call boundaries

    public static Object enter(int methodId) {
        MethodInfo method = MethodRegistry.get(methodId);
        if (method == null || !enabled) {
            return null;
        }
        ThreadState thread = STATE.get();
        if (thread.busy) {
            thread.quietCalls++;
            return null;
        }
        CallTrace caller = thread.innermost;
        if (method.kind != TraceKind.SNOOPED && !extendsTrace(method, caller)) {
            return null;
        }
        thread.busy = true;
        try {
            if (method.source == null) {
                method.loadSource(SourceLocator.find(method.internalClassName, method.sourceFileName));
            }
            MethodOutput output = method.kind != TraceKind.SNOOPED ? caller.output : method.output;
            if (output == null) {
                output = MethodOutput.of(method);
                method.output = output;
            }
            if (caller == null) {
                thread.refreshLabel();
            }
            LineBuffer out = null; // a recorded call has none until its record is replayed
            boolean capturing = false;
            if (caller == null || !caller.recording) {
                if (output.onFailure) {
                    thread.recorder().reset();
                    capturing = true;
                } else {
                    out = thread.buffer(output.sink);
                }
            }
            CallTrace call = new CallTrace(method, thread, caller, output, out, capturing, System.nanoTime());
            thread.innermost = call;
            return call;
        } catch (Throwable t) {
            internalError(method, t);
            return null;
        } finally {
            thread.busy = false;
        }
    }

    /** A lambda body or a callee is traced only inside a traced call, a callee only within its depth. */
    private static boolean extendsTrace(MethodInfo method, CallTrace caller) {
        if (caller == null || caller.ended) {
            return false;
        }
        return method.kind == TraceKind.LAMBDA || caller.depthBudget > 0;
    }

    public static void begin(Object handle) {
        CallTrace call = (CallTrace) handle;
        ThreadState thread = call.thread;
        thread.busy = true;
        try {
            MethodInfo method = call.method;
            SourceLines source = method.source;
            String lastPath = call.recording ? thread.recorder().lastSourcePath : call.out.lastSourcePath;
            if (!source.path().equals(lastPath)) {
                call.format.sourcePath(call, source.path()); // a recorder remembers it itself
                if (!call.recording) {
                    call.out.lastSourcePath = source.path();
                }
            }
            if (!method.hasLocalNames) {
                Diagnostics.warnOnce("no-lvt:" + method.className, method.className
                        + " was compiled without local variable names; locals show as slotN."
                        + " Compile with -g (Maven's default) to see their names");
            }
            for (int i = 0; i < call.startingCount; i++) {
                writeVariable(call, TraceFormat.Change.STARTING, call.startingOrder[i]);
            }
            reportWatches(call, TraceFormat.Change.STARTING);
            int line = method.callLine;
            if (line == Integer.MIN_VALUE) {
                line = source.declarationLine(method.declaredName(), method.isConstructor, method.firstLine);
                method.callLine = line;
            }
            call.format.event(call, call.startNanos, TraceFormat.CALL, line, source.line(line));
            call.starting = false;
        } catch (Throwable t) {
            abandon(call, t);
        } finally {
            thread.busy = false;
        }
    }

    public static void line(Object handle, int probe) {
        CallTrace call = (CallTrace) handle;
        if (call.ended) {
            return;
        }
        ThreadState thread = call.thread;
        try {
            MethodInfo method = call.method;
            int previous = call.lastProbe;
            call.lastProbe = probe;
            if (codeAfterMayMutate(method, previous)) {
                call.mayHaveMutated = true;
            }
            int line = method.probeLines[probe];
            if (method.probeRearm[probe] && line == call.currentLine) {
                call.currentProbe = probe; // a jump within the line: still the same line
                return;
            }
            if (method.probeSilent[probe]) {
                // javac's loop-back goto or final return sits on the `}`: PySnooper would not stop there
                call.currentLine = line;
                return;
            }
            makeInnermost(call);
            if (call.mayHaveMutated) {
                // only after code that calls something or writes a field or array element
                call.mayHaveMutated = false;
                reportMutations(call);
            }
            if (!method.watches.isEmpty() || !method.explodes.isEmpty()) {
                thread.busy = true;
                reportWatches(call, null);
            }
            call.currentLine = line;
            call.currentProbe = probe;
            call.format.event(call, System.nanoTime(), TraceFormat.LINE, line, method.source.line(line));
        } catch (Throwable t) {
            abandon(call, t);
        } finally {
            thread.busy = false;
        }
    }

    // ---- stores

    public static void storeInt(Object handle, int var, int value) {
        storePrimitive((CallTrace) handle, var, value);
    }

    public static void storeLong(Object handle, int var, long value) {
        storePrimitive((CallTrace) handle, var, value);
    }

    public static void storeFloat(Object handle, int var, float value) {
        storePrimitive((CallTrace) handle, var, Float.floatToRawIntBits(value));
    }

    public static void storeDouble(Object handle, int var, double value) {
        storePrimitive((CallTrace) handle, var, Double.doubleToRawLongBits(value));
    }

    /** Primitives are compared and written without allocating: the hot path of a numeric loop. */
    private static void storePrimitive(CallTrace call, int var, long bits) {
        if (call.ended) {
            return;
        }
        try {
            boolean seen = call.seen[var];
            if (seen && call.primitives[var] == bits) {
                return;
            }
            call.primitives[var] = bits;
            reportStore(call, var, seen);
        } catch (Throwable t) {
            abandon(call, t);
        }
    }

    public static void storeObject(Object handle, int var, Object value) {
        CallTrace call = (CallTrace) handle;
        if (call.ended) {
            return;
        }
        ThreadState thread = call.thread;
        thread.busy = true;
        try {
            call.references[var] = value; // first: `this` is in progress from its Starting var line on
            boolean seen = call.seen[var];
            String rendering = call.renderer.renderChanged(value, call, seen ? call.rendered[var] : null,
                    thread.rendering);
            if (rendering == null) {
                return;
            }
            call.rendered[var] = rendering;
            reportStore(call, var, seen);
        } catch (Throwable t) {
            abandon(call, t);
        } finally {
            thread.busy = false;
        }
    }

    /**
     * A variable's new value, already remembered, that differs from the one shown: a parameter is
     * kept for the Starting var lines of {@link #begin}, anything else is written now.
     */
    private static void reportStore(CallTrace call, int var, boolean seen) {
        call.seen[var] = true;
        if (call.starting) {
            call.startingOrder[call.startingCount++] = var;
            return;
        }
        makeInnermost(call);
        writeVariable(call, seen ? TraceFormat.Change.MODIFIED : TraceFormat.Change.NEW, var);
    }

    // ---- exceptions and exits

    public static void caught(Object handle, Throwable thrown, int line) {
        CallTrace call = (CallTrace) handle;
        if (call.ended) {
            return;
        }
        call.lastProbe = -1; // a handler's code, which no probe's scan covered, runs next
        ThreadState thread = call.thread;
        thread.busy = true;
        try {
            if (thrown == call.lastException) {
                return; // the same exception passing through another finally or synchronized block
            }
            call.lastException = thrown;
            makeInnermost(call);
            reportMutations(call);
            int at = line > 0 ? line : call.currentLine;
            call.format.exception(call, System.nanoTime(), at, call.method.source.line(at), describe(call, thrown));
        } catch (Throwable t) {
            abandon(call, t);
        } finally {
            thread.busy = false;
        }
    }

    public static void returnedInt(Object handle, int value) {
        returned((CallTrace) handle, value, null, true);
    }

    public static void returnedLong(Object handle, long value) {
        returned((CallTrace) handle, value, null, true);
    }

    public static void returnedFloat(Object handle, float value) {
        returned((CallTrace) handle, Float.floatToRawIntBits(value), null, true);
    }

    public static void returnedDouble(Object handle, double value) {
        returned((CallTrace) handle, Double.doubleToRawLongBits(value), null, true);
    }

    public static void returnedObject(Object handle, Object value) {
        returned((CallTrace) handle, 0, value, true);
    }

    public static void returnedVoid(Object handle) {
        returned((CallTrace) handle, 0, null, false);
    }

    private static void returned(CallTrace call, long bits, Object reference, boolean hasValue) {
        if (call.ended) {
            return;
        }
        ThreadState thread = call.thread;
        thread.busy = true;
        try {
            makeInnermost(call);
            if (mayHaveMutatedSinceLastLine(call)) {
                reportMutations(call); // a getter's `return field;` cannot have changed anything
            }
            reportWatches(call, null);
            long now = System.nanoTime();
            int line = call.currentLine;
            byte[] source = call.method.source.line(line);
            char kind = call.method.returnKind;
            if (!hasValue) {
                call.format.returned(call, now, line, source);
            } else if (kind == MethodInfo.KIND_REFERENCE) {
                // the method is done with it: only the calls around it can be halfway through changing it
                ValueRenderer.InProgress around = call.caller != null ? call.caller : ValueRenderer.NOTHING_IN_PROGRESS;
                call.format.returned(call, now, line, source, call.renderer.render(reference, around));
            } else {
                call.format.returned(call, now, line, source, kind, bits);
            }
            call.format.end(call, false, now - call.startNanos);
        } catch (Throwable t) {
            internalError(call.method, t);
        } finally {
            end(call, false);
            thread.busy = false;
        }
    }

    public static void threw(Object handle, Throwable thrown) {
        CallTrace call = (CallTrace) handle;
        if (call.ended) {
            return;
        }
        ThreadState thread = call.thread;
        thread.busy = true;
        try {
            makeInnermost(call);
            reportMutations(call);
            reportWatches(call, null);
            long now = System.nanoTime();
            if (thrown != call.lastException) {
                // not seen on its way through a handler of this method: report where it left
                call.format.exception(call, now, call.currentLine, call.method.source.line(call.currentLine),
                        describe(call, thrown));
            }
            call.format.end(call, true, now - call.startNanos);
        } catch (Throwable t) {
            internalError(call.method, t);
        } finally {
            end(call, true);
            thread.busy = false;
        }
    }

    // ---- helpers

    /**
     * A call that left without telling us (a constructor that threw before its super(...) call, where
     * no handler may be placed) is still recorded as inner; the next event of an outer call closes it.
     */
    private static void makeInnermost(CallTrace call) {
        ThreadState thread = call.thread;
        CallTrace inner = thread.innermost;
        while (inner != null && inner != call && inner.depth >= call.depth) {
            if (!inner.ended) {
                inner.format.end(inner, true, System.nanoTime() - inner.startNanos);
                inner.ended = true;
            }
            inner = inner.caller;
        }
        thread.innermost = call;
    }

    private static void end(CallTrace call, boolean byException) {
        call.ended = true;
        ThreadState thread = call.thread;
        if (thread.innermost == call) {
            thread.innermost = call.caller;
        }
        if (call.capturing) {
            // onFailure: the captured trace is written only for a call that failed
            if (byException) {
                thread.recorder().replay(thread.buffer(call.output.sink), call);
            } else {
                thread.recorder().reset();
            }
        }
        if (call.caller == null) {
            thread.handOverInteractive();
        }
    }

    /** The rule of {@link #line} at a return: what ran since the last line event may have changed an object. */
    private static boolean mayHaveMutatedSinceLastLine(CallTrace call) {
        return call.mayHaveMutated || codeAfterMayMutate(call.method, call.lastProbe);
    }

    /**
     * Whether the code run after {@code probe} may have changed an object: it called something or
     * wrote a field or array element, or it is not known (no probe yet, or a handler ran: -1).
     */
    private static boolean codeAfterMayMutate(MethodInfo method, int probe) {
        return probe < 0 || method.probeMutates[probe];
    }

    /** Objects, arrays and collections changed in place since they were last shown. */
    private static void reportMutations(CallTrace call) {
        int probe = call.currentProbe;
        int[] live = probe < 0 ? NOTHING_LIVE : call.method.probeLiveReferences[probe];
        if (live.length == 0) {
            return;
        }
        ThreadState thread = call.thread;
        boolean wasBusy = thread.busy;
        thread.busy = true;
        try {
            boolean[] mutable = call.method.varMutable;
            for (int var : live) {
                Object value = call.references[var];
                if (value == null || !mutable[var] || call.isCostly(var)) {
                    continue;
                }
                long start = System.nanoTime();
                String before = call.rendered[var];
                String rendering = call.renderer.renderChanged(value, call, before, thread.rendering);
                if (System.nanoTime() - start > COSTLY_RENDERING_NANOS) {
                    // a toString() of a huge value, repeated at every line, would make a loop
                    // quadratic: after a few, this call shows the variable only when it is stored
                    call.noteCostly(var);
                }
                if (rendering != null) {
                    call.rendered[var] = rendering;
                    if (!givenUp(before, rendering)) {
                        writeVariable(call, TraceFormat.Change.MODIFIED, var);
                    }
                }
            }
        } finally {
            thread.busy = wasBusy;
        }
    }

    /**
     * The value's class's toString() was given up on since it was last shown (too costly): its
     * rendering changed to its identity, the value did not. (An object of that class in progress
     * shows its fields, which still change, and is not given up on.)
     */
    private static boolean givenUp(String before, String now) {
        return now.endsWith(ValueRenderer.SKIPPED_SLOW) && before != null && !before.endsWith(ValueRenderer.SKIPPED_SLOW);
    }

    /**
     * Evaluates the watch expressions (and exploded parts) and writes those whose rendering changed.
     * {@code label} is STARTING at the call line; null means New or Modified as they come.
     */
    private static void reportWatches(CallTrace call, TraceFormat.Change label) {
        MethodInfo method = call.method;
        if (method.watches.isEmpty() && method.explodes.isEmpty()) {
            return;
        }
        Map<String, String> shown = call.watchShown();
        for (WatchExpression watch : method.watches) {
            Object value = WatchEvaluator.evaluate(watch, call);
            if (value != WatchScope.ABSENT) {
                reportWatched(call, shown, label, watch.source(), value);
            }
        }
        for (WatchExpression explode : method.explodes) {
            Object value = WatchEvaluator.evaluate(explode, call);
            if (value != WatchScope.ABSENT) {
                Exploder.explode(explode.source(), value, part -> call.renderer.render(part, call),
                        (part, partValue) -> reportWatched(call, shown, label, part, partValue));
            }
        }
    }

    private static void reportWatched(CallTrace call, Map<String, String> shown, TraceFormat.Change label,
            String name, Object value) {
        if (call.local(name) != WatchScope.UNKNOWN) {
            return; // an exploded local: the local itself is already shown, as in PySnooper
        }
        String rendering = call.output.isRedacted(name) ? ValueRenderer.REDACTED
                : value instanceof WatchEvaluator.Failure ? value.toString() : call.renderer.render(value, call);
        String before = shown.put(name, rendering);
        if (rendering.equals(before)) {
            return;
        }
        TraceFormat.Change kind = label != null ? label
                : before == null ? TraceFormat.Change.NEW : TraceFormat.Change.MODIFIED;
        call.format.variable(call, kind, name, rendering);
    }

    private static void writeVariable(CallTrace call, TraceFormat.Change change, int var) {
        MethodInfo method = call.method;
        String name = method.varNames[var];
        char kind = method.varKinds[var];
        if (call.redacted[var]) {
            call.format.variable(call, change, name, ValueRenderer.REDACTED);
        } else if (kind == MethodInfo.KIND_REFERENCE) {
            call.format.variable(call, change, name, call.rendered[var]);
        } else {
            call.format.variable(call, change, name, kind, call.primitives[var]);
        }
    }

    /** Like {@link Throwable#toString()}, but safe from a message getter that throws, and cut like a value. */
    private static String describe(CallTrace call, Throwable thrown) {
        String message = ValueRenderer.safeMessage(thrown);
        String name = thrown.getClass().getName();
        return call.renderer.truncate(message == null ? name : name + ": " + message);
    }

    private static void abandon(CallTrace call, Throwable t) {
        call.ended = true;
        internalError(call.method, t);
    }

    private static void internalError(MethodInfo method, Throwable t) {
        if (t instanceof StackOverflowError) {
            return; // the program is about to overflow itself; it will see its own error
        }
        Diagnostics.warnOnce("internal:" + method.id(), "tracing " + method.displayName()
                + " failed (" + t + "); the rest of that call is not traced");
    }
}
