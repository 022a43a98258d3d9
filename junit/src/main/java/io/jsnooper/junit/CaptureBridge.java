package io.jsnooper.junit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The agent's {@code io.jsnooper.agent.trace.TestCapture}, reached by reflection: the agent lives
 * in the bootstrap class loader, this extension in the test's. Its API takes and returns JDK
 * types only: {@code Object start()} and {@code String stop(Object)}.
 */
final class CaptureBridge {

    static final String CAPTURE = "io.jsnooper.agent.trace.TestCapture";

    private final Method start;
    private final Method stop;

    private CaptureBridge(Method start, Method stop) {
        this.start = start;
        this.stop = stop;
    }

    /**
     * @throws IllegalStateException when the loaded agent has no capture (an older jar given to
     *     {@code -javaagent}), or can't capture
     */
    static CaptureBridge fromBootstrap() {
        try {
            Class<?> capture = Class.forName(CAPTURE, true, null);
            if (!(Boolean) capture.getMethod("isAvailable").invoke(null)) {
                throw new IllegalStateException("the jsnooper agent in this JVM cannot capture one test's trace");
            }
            return new CaptureBridge(capture.getMethod("start"), capture.getMethod("stop", Object.class));
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("the jsnooper agent in this JVM is older than this extension"
                    + " (no " + CAPTURE + "); use the jsnooper-agent.jar of the same version");
        }
    }

    /** Starts capturing the current thread's trace; null if it could not start. */
    Object start() {
        try {
            return start.invoke(null);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return null;
        }
    }

    /** Stops the capture {@code handle} started and returns its trace; empty if nothing was traced. */
    String stop(Object handle) {
        try {
            return (String) stop.invoke(null, handle);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return "";
        }
    }
}
