package io.jsnooper.agent.output;

import java.util.regex.Pattern;

/**
 * Which of a fixed list of names (a method's variables, a class's fields) a {@code redact} pattern
 * hides, worked out once per pattern rather than at every call or rendering. Every output compiles
 * its own Pattern, but nearly all have the same text, so the answer for the last text asked about
 * is kept: a lambda body written to by callers with different outputs still finds it.
 */
public final class RedactedNames {

    private final String[] names;
    /** {pattern text or null, boolean[]}: replaced whole, so a racing reader sees one or the other. */
    private volatile Object[] last;

    public RedactedNames(String[] names) {
        this.names = names.clone();
    }

    /** For each name, whether {@code redact} (null: nothing is hidden) finds it. */
    public boolean[] hiddenBy(Pattern redact) {
        String text = redact == null ? null : redact.pattern();
        Object[] known = last;
        if (known != null && (known[0] == text || text != null && text.equals(known[0]))) {
            return (boolean[]) known[1];
        }
        boolean[] hidden = new boolean[names.length];
        for (int i = 0; i < names.length && redact != null; i++) {
            hidden[i] = redact.matcher(names[i]).find();
        }
        last = new Object[] {text, hidden};
        return hidden;
    }
}
