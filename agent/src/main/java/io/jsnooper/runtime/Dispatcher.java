package io.jsnooper.runtime;

/**
 * What {@link Bridge} forwards each event to: the tracer, which lives in the agent's own class
 * loader. Defined, like the bridge, in the bootstrap class loader so that both sides see the same
 * type. Same contract as the bridge: never throws; the handle is never null here.
 */
public interface Dispatcher {

    Object enter(int methodId);

    void begin(Object call);

    void line(Object call, int probe);

    void storeInt(Object call, int var, int value);

    void storeLong(Object call, int var, long value);

    void storeFloat(Object call, int var, float value);

    void storeDouble(Object call, int var, double value);

    void storeObject(Object call, int var, Object value);

    void caught(Object call, Throwable thrown, int line);

    void returnedInt(Object call, int value);

    void returnedLong(Object call, long value);

    void returnedFloat(Object call, float value);

    void returnedDouble(Object call, double value);

    void returnedObject(Object call, Object value);

    void returnedVoid(Object call);

    void threw(Object call, Throwable thrown);
}
