package io.jsnooper.agent.trace;

import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * Method ids → {@link MethodInfo}. Ids are handed out when a class is rewritten and baked into its
 * code as constants; the array only grows, so a retransformed class gets new ids and calls still
 * running the old code keep resolving theirs.
 */
public final class MethodRegistry {

    private static final Object LOCK = new Object();
    private static volatile MethodInfo[] methods = new MethodInfo[256];
    private static int size;

    private MethodRegistry() {
    }

    /** Registers the method built by {@code factory} from its new id, and returns that id. */
    public static int register(IntFunction<MethodInfo> factory) {
        synchronized (LOCK) {
            int id = size;
            MethodInfo info = factory.apply(id);
            MethodInfo[] current = methods;
            if (id == current.length) {
                current = Arrays.copyOf(current, current.length * 2);
            }
            current[id] = info;
            methods = current; // publishes the element too
            size = id + 1;
            return id;
        }
    }

    /** How many ids were handed out: methods registered after this mark have ids from it on. */
    public static int mark() {
        synchronized (LOCK) {
            return size;
        }
    }

    /** {@code Class.method} of the methods registered since {@code mark}, traced on their own. */
    public static java.util.List<String> namesSince(int mark) {
        java.util.List<String> names = new java.util.ArrayList<>();
        MethodInfo[] current = methods;
        for (int id = mark; id < current.length; id++) {
            MethodInfo m = current[id];
            if (m != null && m.kind == io.jsnooper.agent.config.TraceKind.SNOOPED) {
                names.add(m.displayName());
            }
        }
        return names;
    }

    static MethodInfo get(int id) {
        MethodInfo[] current = methods;
        return id >= 0 && id < current.length ? current[id] : null;
    }

    /** Returns a "reservation" id for a method whose rewrite failed after its id was taken. */
    public static void forget(int id) {
        synchronized (LOCK) {
            if (id < size) {
                methods[id] = null;
            }
        }
    }
}
