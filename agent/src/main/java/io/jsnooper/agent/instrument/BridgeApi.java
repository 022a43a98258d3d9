package io.jsnooper.agent.instrument;

import org.objectweb.asm.Type;

/**
 * Names and descriptors of {@link io.jsnooper.runtime.Bridge}, in one place, so that the emitters
 * and the bridge cannot drift apart. {@code BridgeApiTest} checks every descriptor against the class.
 */
final class BridgeApi {

    static final String OWNER = "io/jsnooper/runtime/Bridge";

    /** The type of the call-handle local in stack map frames: a JDK type, never one of ours. */
    static final String HANDLE_TYPE = "java/lang/Object";

    static final String ENTER = "enter";
    static final String ENTER_DESC = "(I)Ljava/lang/Object;";
    static final String BEGIN = "begin";
    static final String BEGIN_DESC = "(Ljava/lang/Object;)V";
    static final String LINE = "line";
    static final String LINE_DESC = "(Ljava/lang/Object;I)V";
    static final String STORE = "store";
    static final String CAUGHT = "caught";
    static final String CAUGHT_DESC = "(Ljava/lang/Throwable;Ljava/lang/Object;I)V";
    static final String RETURNED = "returned";
    static final String RETURNED_VOID = "returnedVoid";
    static final String RETURNED_VOID_DESC = "(Ljava/lang/Object;)V";
    static final String THREW = "threw";
    static final String THREW_DESC = "(Ljava/lang/Throwable;Ljava/lang/Object;)V";

    private BridgeApi() {
    }

    /** {@code store(T value, Object call, int var)} for the JVM kind of {@code type}. */
    static String storeDesc(Type type) {
        return "(" + erased(type) + "Ljava/lang/Object;I)V";
    }

    /** {@code returned(T value, Object call)} for the JVM kind of {@code type}. */
    static String returnedDesc(Type type) {
        return "(" + erased(type) + "Ljava/lang/Object;)V";
    }

    /** The bridge has one overload per JVM computational type: int, long, float, double, Object. */
    private static String erased(Type type) {
        switch (type.getSort()) {
            case Type.BOOLEAN:
            case Type.CHAR:
            case Type.BYTE:
            case Type.SHORT:
            case Type.INT:
                return "I";
            case Type.LONG:
                return "J";
            case Type.FLOAT:
                return "F";
            case Type.DOUBLE:
                return "D";
            default:
                return "Ljava/lang/Object;";
        }
    }
}
