package io.jsnooper.agent.output;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agent's own messages to the user: one line each, prefixed {@code jsnooper:}, on standard
 * error, and each said once however often its cause repeats.
 */
public final class Diagnostics {

    private static final Set<String> SAID = ConcurrentHashMap.newKeySet();

    private Diagnostics() {
    }

    public static void warn(String message) {
        warnOnce(message, message);
    }

    /** Says {@code message} unless a message with the same {@code key} was already said. */
    public static void warnOnce(String key, String message) {
        if (SAID.add(key)) {
            System.err.println("jsnooper: " + message);
        }
    }
}
