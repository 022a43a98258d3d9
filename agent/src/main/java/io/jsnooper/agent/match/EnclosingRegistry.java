package io.jsnooper.agent.match;

import io.jsnooper.agent.config.SnoopSettings;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The traced methods of classes already rewritten, so that an anonymous or local class written
 * inside one of them — a class file of its own, loaded later, naming its enclosing method in its
 * {@code EnclosingMethod} attribute — is traced as part of it, as its lambdas are.
 */
public final class EnclosingRegistry {

    /** Class internal name → (method name + descriptor → its settings). */
    private static final Map<String, Map<String, SnoopSettings>> TRACED = new ConcurrentHashMap<>();

    private EnclosingRegistry() {
    }

    static void record(String owner, String name, String desc, SnoopSettings settings) {
        TRACED.computeIfAbsent(owner, k -> new ConcurrentHashMap<>()).put(name + desc, settings);
    }

    /** Whether {@code className} may be a class written inside a traced method: cheap, by name. */
    public static boolean mayEncloseIn(String className) {
        int dollar = className.lastIndexOf('$');
        return dollar > 0 && TRACED.containsKey(className.substring(0, dollar));
    }

    /** The settings of the traced method that encloses a class, or null. */
    static SnoopSettings enclosing(String outerClass, String outerMethod, String outerMethodDesc) {
        if (outerClass == null || outerMethod == null) {
            return null;
        }
        Map<String, SnoopSettings> methods = TRACED.get(outerClass);
        return methods == null ? null : methods.get(outerMethod + outerMethodDesc);
    }
}
