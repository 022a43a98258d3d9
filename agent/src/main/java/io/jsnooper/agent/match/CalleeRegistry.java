package io.jsnooper.agent.match;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The methods that {@code @Snoop(depth = N)} reaches: each snooped method's call sites are recorded
 * here, by the static owner of the call, when its class is rewritten; the owner's class (and its
 * subclasses, for calls dispatched to an override) is then rewritten to trace those methods while
 * a snooped caller with depth to spare is active on the thread.
 */
public final class CalleeRegistry {

    /** Owner internal name → (name + descriptor → levels still allowed below, at most). */
    private static final Map<String, Map<String, Integer>> CALLEES = new ConcurrentHashMap<>();
    private static final Set<String> NEVER = Set.of("<clinit>");
    private static volatile Consumer<String> onNewOwner;

    private CalleeRegistry() {
    }

    /** Told the internal name of each class that gains callees, so that a loaded one can be retransformed. */
    public static void onNewOwner(Consumer<String> listener) {
        onNewOwner = listener;
    }

    /** Forgets every callee: after a detach, nothing is traced by depth any more. */
    public static void clear() {
        CALLEES.clear();
    }

    public static boolean isEmpty() {
        return CALLEES.isEmpty();
    }

    /**
     * Records that {@code owner.name desc} may be traced with {@code levels} levels (1 = itself only).
     *
     * @param notify whether a loaded {@code owner} must be rewritten again (not when it is the class
     *     being rewritten right now)
     */
    public static void register(String owner, String name, String desc, int levels, boolean notify) {
        if (NEVER.contains(name) || levels < 1) {
            return;
        }
        boolean[] grew = {false};
        Map<String, Integer> methods = CALLEES.computeIfAbsent(owner, k -> {
            grew[0] = true;
            return new ConcurrentHashMap<>();
        });
        Integer before = methods.merge(name + desc, levels, Math::max);
        Consumer<String> listener = onNewOwner;
        if (notify && listener != null && (grew[0] || before == null || before < levels)) {
            listener.accept(owner);
        }
    }

    /**
     * The callees declared by {@code type}: its own entries plus those of its direct supertypes, so
     * that a call through an interface or superclass reaches the override. Those are recorded under
     * the type too, for its own subclasses.
     */
    static Map<String, Integer> calleesOf(String type, String superName, List<String> interfaces) {
        Map<String, Integer> own = CALLEES.get(type);
        inherit(type, superName);
        if (interfaces != null) {
            for (String i : interfaces) {
                inherit(type, i);
            }
        }
        Map<String, Integer> merged = CALLEES.get(type);
        return merged != null ? merged : own;
    }

    private static void inherit(String type, String supertype) {
        Map<String, Integer> inherited = supertype == null ? null : CALLEES.get(supertype);
        if (inherited != null && !inherited.isEmpty()) {
            Map<String, Integer> methods = CALLEES.computeIfAbsent(type, k -> new ConcurrentHashMap<>());
            inherited.forEach((k, v) -> methods.merge(k, v, Math::max));
        }
    }

    /** Whether a class with these names might have callees to rewrite. */
    public static boolean concerns(String type, String superName, String[] interfaces) {
        if (CALLEES.isEmpty()) {
            return false;
        }
        if (CALLEES.containsKey(type) || (superName != null && CALLEES.containsKey(superName))) {
            return true;
        }
        for (String i : interfaces) {
            if (CALLEES.containsKey(i)) {
                return true;
            }
        }
        return false;
    }
}
