package io.jsnooper.runtime;

/**
 * The only class rewritten code calls. The agent defines it, with {@link Dispatcher}, in the
 * bootstrap class loader before any class is rewritten, so every class loader — application,
 * isolated plugin loaders, loaders with a null parent, named modules — can link to it. It forwards
 * to the tracer through {@link #dispatcher}; until one is installed (or after a detach) every call
 * is a no-op.
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

    /** The tracer; null means "trace nothing". Read once per call, in {@link #enter}. */
    private static volatile Dispatcher dispatcher;

    private Bridge() {
    }

    /** Installs the tracer (null uninstalls it). Calls already traced finish with the old one. */
    public static void install(Dispatcher tracer) {
        dispatcher = tracer;
    }

    /** The installed tracer, so that a second agent load in the same JVM can find the first. */
    public static Dispatcher installed() {
        return dispatcher;
    }

    /** Method entry: returns the call handle kept in a new local slot, or {@code null}. */
    public static Object enter(int methodId) {
        Dispatcher d = dispatcher;
        return d == null ? null : d.enter(methodId);
    }

    /** After the parameters were reported as {@code store} events: writes the {@code call} line. */
    public static void begin(Object call) {
        Dispatcher d = dispatcher;
        if (call != null && d != null) {
            d.begin(call);
        }
    }

    /** Execution reached the line with the given per-method probe index. */
    public static void line(Object call, int probe) {
        Dispatcher d = dispatcher;
        if (call != null && d != null) {
            d.line(call, probe);
        }
    }

    /** A local variable (the method's variable {@code var}) was stored. One overload per JVM type. */
    public static void store(int value, Object call, int var) {
        Dispatcher d = dispatcher;
        if (call != null && d != null) {
            d.storeInt(call, var, value);
        }
    }

    public static void store(long value, Object call, int var) {
        Dispatcher d = dispatcher;
        if (call != null && d != null) {
            d.storeLong(call, var, value);
        }
    }

    public static void store(float value, Object call, int var) {
        Dispatcher d = dispatcher;
        if (call != null && d != null) {
            d.storeFloat(call, var, value);
        }
    }

    public static void store(double value, Object call, int var) {
        Dispatcher d = dispatcher;
        if (call != null && d != null) {
            d.storeDouble(call, var, value);
        }
    }

    public static void store(Object value, Object call, int var) {
        Dispatcher d = dispatcher;
        if (call != null && d != null) {
            d.storeObject(call, var, value);
        }
    }

    /** An exception reached one of the method's own catch handlers, written at {@code line}. */
    public static void caught(Throwable thrown, Object call, int line) {
        Dispatcher d = dispatcher;
        if (call != null && d != null) {
            d.caught(call, thrown, line);
        }
    }

    /** The method is about to return the value on the stack. One overload per JVM type. */
    public static void returned(int value, Object call) {
        Dispatcher d = dispatcher;
        if (call != null && d != null) {
            d.returnedInt(call, value);
        }
    }

    public static void returned(long value, Object call) {
        Dispatcher d = dispatcher;
        if (call != null && d != null) {
            d.returnedLong(call, value);
        }
    }

    public static void returned(float value, Object call) {
        Dispatcher d = dispatcher;
        if (call != null && d != null) {
            d.returnedFloat(call, value);
        }
    }

    public static void returned(double value, Object call) {
        Dispatcher d = dispatcher;
        if (call != null && d != null) {
            d.returnedDouble(call, value);
        }
    }

    public static void returned(Object value, Object call) {
        Dispatcher d = dispatcher;
        if (call != null && d != null) {
            d.returnedObject(call, value);
        }
    }

    public static void returnedVoid(Object call) {
        Dispatcher d = dispatcher;
        if (call != null && d != null) {
            d.returnedVoid(call);
        }
    }

    /** An exception is leaving the method; the rewritten code re-throws it unchanged. */
    public static void threw(Throwable thrown, Object call) {
        Dispatcher d = dispatcher;
        if (call != null && d != null) {
            d.threw(call, thrown);
        }
    }
}
