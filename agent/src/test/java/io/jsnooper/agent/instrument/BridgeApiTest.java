package io.jsnooper.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsnooper.runtime.Bridge;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Type;

/** The emitters name the bridge by strings; these tests keep those strings and the class in step. */
class BridgeApiTest {

    private static final Type[] EVERY_KIND = {
        Type.BOOLEAN_TYPE, Type.CHAR_TYPE, Type.BYTE_TYPE, Type.SHORT_TYPE, Type.INT_TYPE, Type.LONG_TYPE,
        Type.FLOAT_TYPE, Type.DOUBLE_TYPE, Type.getType(String.class), Type.getType(int[].class),
    };

    /** {@code name + descriptor} of every public static method of the bridge. */
    private static Set<String> bridgeMethods() {
        Set<String> methods = new HashSet<>();
        for (Method m : Bridge.class.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers())) {
                methods.add(m.getName() + Type.getMethodDescriptor(m));
            }
        }
        return methods;
    }

    /** Every NAME constant that has a NAME_DESC partner, as {@code name + descriptor}. */
    private static Set<String> fixedCalls() throws IllegalAccessException {
        Set<String> calls = new TreeSet<>();
        for (Field descriptor : BridgeApi.class.getDeclaredFields()) {
            if (descriptor.getName().endsWith("_DESC")) {
                String nameField = descriptor.getName().substring(0, descriptor.getName().length() - "_DESC".length());
                try {
                    calls.add(BridgeApi.class.getDeclaredField(nameField).get(null) + (String) descriptor.get(null));
                } catch (NoSuchFieldException e) {
                    throw new AssertionError(descriptor.getName() + " has no " + nameField, e);
                }
            }
        }
        return calls;
    }

    @Test
    void theOwnerIsTheBridgeClass() {
        assertEquals(Type.getInternalName(Bridge.class), BridgeApi.OWNER);
        assertTrue(BridgeApi.HANDLE_TYPE.startsWith("java/"), "frames must name a JDK type only");
    }

    @Test
    void everyFixedNameAndDescriptorIsAPublicStaticBridgeMethod() throws IllegalAccessException {
        Set<String> calls = fixedCalls();

        assertEquals(6, calls.size(), calls.toString());
        for (String call : calls) {
            assertTrue(bridgeMethods().contains(call), call + " is not on " + Bridge.class.getName());
        }
    }

    @Test
    void everyStoreAndReturnedOverloadTheEmittersCanAskForExists() {
        for (Type kind : EVERY_KIND) {
            String store = BridgeApi.STORE + BridgeApi.storeDesc(kind);
            String returned = BridgeApi.RETURNED + BridgeApi.returnedDesc(kind);

            assertTrue(bridgeMethods().contains(store), store + " for " + kind);
            assertTrue(bridgeMethods().contains(returned), returned + " for " + kind);
        }
    }

    @Test
    void everyBridgeMethodIsOneTheEmittersUse() throws IllegalAccessException {
        Set<String> used = new HashSet<>(fixedCalls());
        for (Type kind : EVERY_KIND) {
            used.add(BridgeApi.STORE + BridgeApi.storeDesc(kind));
            used.add(BridgeApi.RETURNED + BridgeApi.returnedDesc(kind));
        }
        Set<String> unused = new TreeSet<>(bridgeMethods());
        unused.removeAll(used);

        assertEquals(Set.of(), unused, "bridge methods no emitter calls");
    }

    @Test
    void theBridgeCannotBeInstantiated() {
        for (java.lang.reflect.Constructor<?> c : Bridge.class.getDeclaredConstructors()) {
            assertFalse(Modifier.isPublic(c.getModifiers()));
        }
    }
}
