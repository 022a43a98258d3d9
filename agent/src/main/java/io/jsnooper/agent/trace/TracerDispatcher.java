package io.jsnooper.agent.trace;

import io.jsnooper.runtime.Bridge;
import io.jsnooper.runtime.Dispatcher;

/** Connects the bootstrap {@link Bridge} to the {@link Tracer}, which lives in the agent's loader. */
public final class TracerDispatcher implements Dispatcher {

    private static final TracerDispatcher INSTANCE = new TracerDispatcher();

    private TracerDispatcher() {
    }

    /** Makes rewritten code report to this agent's tracer. */
    public static void install() {
        Bridge.install(INSTANCE);
    }

    @Override
    public Object enter(int methodId) {
        return Tracer.enter(methodId);
    }

    @Override
    public void begin(Object call) {
        Tracer.begin(call);
    }

    @Override
    public void line(Object call, int probe) {
        Tracer.line(call, probe);
    }

    @Override
    public void storeInt(Object call, int var, int value) {
        Tracer.storeInt(call, var, value);
    }

    @Override
    public void storeLong(Object call, int var, long value) {
        Tracer.storeLong(call, var, value);
    }

    @Override
    public void storeFloat(Object call, int var, float value) {
        Tracer.storeFloat(call, var, value);
    }

    @Override
    public void storeDouble(Object call, int var, double value) {
        Tracer.storeDouble(call, var, value);
    }

    @Override
    public void storeObject(Object call, int var, Object value) {
        Tracer.storeObject(call, var, value);
    }

    @Override
    public void caught(Object call, Throwable thrown, int line) {
        Tracer.caught(call, thrown, line);
    }

    @Override
    public void returnedInt(Object call, int value) {
        Tracer.returnedInt(call, value);
    }

    @Override
    public void returnedLong(Object call, long value) {
        Tracer.returnedLong(call, value);
    }

    @Override
    public void returnedFloat(Object call, float value) {
        Tracer.returnedFloat(call, value);
    }

    @Override
    public void returnedDouble(Object call, double value) {
        Tracer.returnedDouble(call, value);
    }

    @Override
    public void returnedObject(Object call, Object value) {
        Tracer.returnedObject(call, value);
    }

    @Override
    public void returnedVoid(Object call) {
        Tracer.returnedVoid(call);
    }

    @Override
    public void threw(Object call, Throwable thrown) {
        Tracer.threw(call, thrown);
    }
}
