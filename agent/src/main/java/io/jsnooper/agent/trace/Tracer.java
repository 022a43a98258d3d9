package io.jsnooper.agent.trace;

import io.jsnooper.agent.config.AgentOptions;
import io.jsnooper.agent.output.Diagnostics;
import io.jsnooper.agent.output.LineBuffer;
import io.jsnooper.agent.output.Sinks;
import io.jsnooper.agent.output.SourceLines;
import io.jsnooper.agent.output.SourceLocator;
import io.jsnooper.agent.output.TraceFormatter;
import io.jsnooper.agent.output.ValueRenderer;

/**
 * Turns the events of rewritten code into trace lines. Called only through
 * {@link io.jsnooper.runtime.Bridge}, with a non-null call handle; never throws: an internal
 * failure ends the tracing of that call with one message, and the program goes on untouched.
 *
 * <p>Decisions follow PySnooper: a variable is "New" the first time it gets a value and "Modified"
 * when its rendering changes, including objects changed in place (reference locals in scope are
 * re-rendered at each line, as PySnooper compares all locals at every line event).
 */
public final class Tracer {

    private static final ThreadLocal<ThreadState> STATE = ThreadLocal.withInitial(ThreadState::new);
    private static final ValueRenderer RENDERER = new ValueRenderer(ValueRenderer.DEFAULT_MAX_LENGTH);
    private static final int[] NOTHING_LIVE = new int[0];

    private static volatile boolean enabled = true;

    private Tracer() {
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
            return null;
        }
        thread.busy = true;
        try {
            if (method.source == null) {
                method.source = SourceLocator.find(method.internalClassName, method.sourceFileName);
            }
            LineBuffer out = thread.buffer(Sinks.forOutput(method.settings.output()));
            CallTrace call = new CallTrace(method, thread, thread.innermost, out, System.nanoTime());
            thread.innermost = call;
            return call;
        } catch (Throwable t) {
            internalError(method, t);
            return null;
        } finally {
            thread.busy = false;
        }
    }

    public static void begin(Object handle) {
        CallTrace call = (CallTrace) handle;
        ThreadState thread = call.thread;
        thread.busy = true;
        try {
            MethodInfo method = call.method;
            SourceLines source = method.source;
            LineBuffer out = call.out;
            if (!source.path().equals(out.lastSourcePath)) {
                TraceFormatter.labelled(out, call.depth, TraceFormatter.SOURCE_PATH, source.path());
                out.lastSourcePath = source.path();
            }
            if (!method.hasLocalNames) {
                Diagnostics.warnOnce("no-lvt:" + method.className, method.className
                        + " was compiled without local variable names; locals show as slotN."
                        + " Compile with -g (Maven's default) to see their names");
            }
            for (int i = 0; i < call.startingCount; i++) {
                writeVariable(call, TraceFormatter.STARTING_VAR, call.startingOrder[i]);
            }
            int line = method.callLine;
            if (line == Integer.MIN_VALUE) {
                line = source.declarationLine(method.declaredName(), method.firstLine);
                method.callLine = line;
            }
            TraceFormatter.event(out, call.depth, call.startNanos, TraceFormatter.CALL, line, source.line(line));
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
        try {
            MethodInfo method = call.method;
            int line = method.probeLines[probe];
            if (method.probeJumpOnly[probe] && method.source.isClosingBrace(line)) {
                return; // javac's loop-back goto sits on the `}`: PySnooper would not stop there
            }
            makeInnermost(call);
            reportMutations(call);
            call.currentLine = line;
            call.currentProbe = probe;
            TraceFormatter.event(call.out, call.depth, System.nanoTime(), TraceFormatter.LINE, line,
                    method.source.line(line));
        } catch (Throwable t) {
            abandon(call, t);
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
            call.seen[var] = true;
            call.primitives[var] = bits;
            if (call.starting) {
                call.startingOrder[call.startingCount++] = var;
                return;
            }
            makeInnermost(call);
            writeVariable(call, seen ? TraceFormatter.MODIFIED_VAR : TraceFormatter.NEW_VAR, var);
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
            String rendering = RENDERER.render(value);
            boolean seen = call.seen[var];
            call.references[var] = call.method.varMutable[var] ? value : null;
            if (seen && rendering.equals(call.rendered[var])) {
                return;
            }
            call.seen[var] = true;
            call.rendered[var] = rendering;
            if (call.starting) {
                call.startingOrder[call.startingCount++] = var;
                return;
            }
            makeInnermost(call);
            writeVariable(call, seen ? TraceFormatter.MODIFIED_VAR : TraceFormatter.NEW_VAR, var);
        } catch (Throwable t) {
            abandon(call, t);
        } finally {
            thread.busy = false;
        }
    }

    // ---- exceptions and exits

    public static void caught(Object handle, Throwable thrown, int line) {
        CallTrace call = (CallTrace) handle;
        if (call.ended) {
            return;
        }
        ThreadState thread = call.thread;
        thread.busy = true;
        try {
            makeInnermost(call);
            reportMutations(call);
            int at = line > 0 ? line : call.currentLine;
            TraceFormatter.event(call.out, call.depth, System.nanoTime(), TraceFormatter.EXCEPTION_EVENT, at,
                    call.method.source.line(at));
            TraceFormatter.labelled(call.out, call.depth, TraceFormatter.EXCEPTION, describe(thrown));
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
            reportMutations(call);
            long now = System.nanoTime();
            LineBuffer out = call.out;
            TraceFormatter.event(out, call.depth, now, TraceFormatter.RETURN, call.currentLine,
                    call.method.source.line(call.currentLine));
            if (hasValue) {
                out.spaces(4 * call.depth).ascii(TraceFormatter.RETURN_VALUE);
                char kind = call.method.returnKind;
                if (kind == MethodInfo.KIND_REFERENCE) {
                    out.text(RENDERER.render(reference));
                } else {
                    writePrimitive(out, kind, bits);
                }
                out.endLine();
            }
            TraceFormatter.elapsed(out, call.depth, now - call.startNanos);
        } catch (Throwable t) {
            internalError(call.method, t);
        } finally {
            end(call);
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
            long now = System.nanoTime();
            LineBuffer out = call.out;
            TraceFormatter.event(out, call.depth, now, TraceFormatter.EXCEPTION_EVENT, call.currentLine,
                    call.method.source.line(call.currentLine));
            TraceFormatter.labelled(out, call.depth, TraceFormatter.EXCEPTION, describe(thrown));
            endedByException(call, now);
        } catch (Throwable t) {
            internalError(call.method, t);
        } finally {
            end(call);
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
                endedByException(inner, System.nanoTime());
                inner.ended = true;
            }
            inner = inner.caller;
        }
        thread.innermost = call;
    }

    private static void endedByException(CallTrace call, long now) {
        TraceFormatter.labelled(call.out, call.depth, TraceFormatter.ENDED_BY_EXCEPTION, "");
        TraceFormatter.elapsed(call.out, call.depth, now - call.startNanos);
    }

    private static void end(CallTrace call) {
        call.ended = true;
        ThreadState thread = call.thread;
        if (thread.innermost == call) {
            thread.innermost = call.caller;
        }
        if (call.caller == null) {
            thread.handOverInteractive();
        }
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
            for (int var : live) {
                Object value = call.references[var];
                if (value == null) {
                    continue;
                }
                String rendering = RENDERER.render(value);
                if (!rendering.equals(call.rendered[var])) {
                    call.rendered[var] = rendering;
                    writeVariable(call, TraceFormatter.MODIFIED_VAR, var);
                }
            }
        } finally {
            thread.busy = wasBusy;
        }
    }

    private static void writeVariable(CallTrace call, String label, int var) {
        MethodInfo method = call.method;
        LineBuffer out = TraceFormatter.variable(call.out, call.depth, label, method.varNames[var]);
        char kind = method.varKinds[var];
        if (kind == MethodInfo.KIND_REFERENCE) {
            out.text(call.rendered[var]);
        } else {
            writePrimitive(out, kind, call.primitives[var]);
        }
        out.endLine();
    }

    private static void writePrimitive(LineBuffer out, char kind, long bits) {
        switch (kind) {
            case 'Z':
                out.ascii(bits != 0 ? "true" : "false");
                break;
            case 'C':
                out.text(RENDERER.renderChar((char) bits));
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

    /** Like {@link Throwable#toString()}, but safe from a message getter that throws. */
    private static String describe(Throwable thrown) {
        String message = ValueRenderer.safeMessage(thrown);
        String name = thrown.getClass().getName();
        return message == null ? name : name + ": " + message;
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
