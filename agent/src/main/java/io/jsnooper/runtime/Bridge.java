package io.jsnooper.runtime;

import io.jsnooper.agent.trace.Tracer;

/**
 * The only class rewritten code calls. It lives in the bootstrap class loader (the agent jar is
 * appended to the bootstrap search path before any class is rewritten), so every class loader —
 * application, isolated plugin loaders, loaders with a null parent, named modules — can link to it.
 *
 * <p>Its signatures use JDK types only: the per-call state travels as {@code Object}, so the
 * rewritten method's stack map frames never name one of our classes. Every method is a static,
 * void-returning call that must not throw: {@link Tracer} catches everything it could raise. A
 * {@code null} call handle means "this call is not traced" (tracing is off, or this thread is inside
 * the tracer, e.g. rendering a value), and every event method then returns at once.
 *
 * <p>Argument order is value first, then the call handle, then constant ids, so an emitter can
 * re-load a value that is already where it wants it and push the constants after it.
 */
public final class Bridge {

    private Bridge() {
    }

    /** Method entry: returns the call handle kept in a new local slot, or {@code null}. */
    public static Object enter(int methodId) {
        return Tracer.enter(methodId);
    }

    /** After the parameters were reported as {@code store} events: writes the {@code call} line. */
    public static void begin(Object call) {
        if (call != null) {
            Tracer.begin(call);
        }
    }

    /** Execution reached the line with the given per-method probe index. */
    public static void line(Object call, int probe) {
        if (call != null) {
            Tracer.line(call, probe);
        }
    }

    /** A local variable (the method's variable {@code var}) was stored. One overload per JVM type. */
    public static void store(int value, Object call, int var) {
        if (call != null) {
            Tracer.storeInt(call, var, value);
        }
    }

    public static void store(long value, Object call, int var) {
        if (call != null) {
            Tracer.storeLong(call, var, value);
        }
    }

    public static void store(float value, Object call, int var) {
        if (call != null) {
            Tracer.storeFloat(call, var, value);
        }
    }

    public static void store(double value, Object call, int var) {
        if (call != null) {
            Tracer.storeDouble(call, var, value);
        }
    }

    public static void store(Object value, Object call, int var) {
        if (call != null) {
            Tracer.storeObject(call, var, value);
        }
    }

    /** An exception reached one of the method's own catch handlers, written at {@code line}. */
    public static void caught(Throwable thrown, Object call, int line) {
        if (call != null) {
            Tracer.caught(call, thrown, line);
        }
    }

    /** The method is about to return the value on the stack. One overload per JVM type. */
    public static void returned(int value, Object call) {
        if (call != null) {
            Tracer.returnedInt(call, value);
        }
    }

    public static void returned(long value, Object call) {
        if (call != null) {
            Tracer.returnedLong(call, value);
        }
    }

    public static void returned(float value, Object call) {
        if (call != null) {
            Tracer.returnedFloat(call, value);
        }
    }

    public static void returned(double value, Object call) {
        if (call != null) {
            Tracer.returnedDouble(call, value);
        }
    }

    public static void returned(Object value, Object call) {
        if (call != null) {
            Tracer.returnedObject(call, value);
        }
    }

    public static void returnedVoid(Object call) {
        if (call != null) {
            Tracer.returnedVoid(call);
        }
    }

    /** An exception is leaving the method; the rewritten code re-throws it unchanged. */
    public static void threw(Throwable thrown, Object call) {
        if (call != null) {
            Tracer.threw(call, thrown);
        }
    }
}
