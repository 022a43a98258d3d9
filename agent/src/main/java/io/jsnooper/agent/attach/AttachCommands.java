package io.jsnooper.agent.attach;

import io.jsnooper.agent.config.AgentOptions;
import io.jsnooper.agent.config.SnoopSettings;
import io.jsnooper.agent.match.CalleeRegistry;
import io.jsnooper.agent.match.IncludeRules;
import io.jsnooper.agent.match.MethodPattern;
import io.jsnooper.agent.match.SnoopMatcher;
import io.jsnooper.agent.output.Sinks;
import io.jsnooper.agent.trace.MethodRegistry;
import io.jsnooper.agent.trace.Tracer;
import java.lang.annotation.Annotation;
import java.lang.reflect.Executable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@code attach}, {@code status} and {@code detach} do inside the target JVM. Each returns the
 * text the command line prints; a problem is reported in that text, never thrown, so that a bad
 * request can't hurt the target.
 */
public final class AttachCommands {

    /** At most this many classes are rewritten by one attach (Arthas caps a pattern at 50). */
    static final int MAX_CLASSES = 200;
    private static final int NAMES_SHOWN = 5;
    private static final String SNOOP = "io.jsnooper.Snoop";

    private AttachCommands() {
    }

    /** Outcome of a command: its text, and whether it succeeded. */
    public static final class Result {
        public final boolean ok;
        public final String text;

        public Result(boolean ok, String text) {
            this.ok = ok;
            this.text = text;
        }
    }

    public static Result attach(AgentState state, AgentOptions options) {
        IncludeRules rules = IncludeRules.of(options);
        SnoopSettings settings = rules.isEmpty() ? options.snoopDefaults() : rules.settings();
        String output = settings.output.isEmpty() ? "stderr" : settings.output;
        if (!settings.output.isEmpty() && !Sinks.canWrite(settings.output)) {
            return new Result(false, "error: cannot write the trace to " + settings.output
                    + " in the target JVM (check the folder exists or can be created, and its permissions)");
        }
        for (MethodPattern p : rules.includes()) {
            if (SnoopMatcher.isPlatform(p.ownerName().replace('.', '/'))) {
                return new Result(false, "error: " + p + " names JDK classes, which are never snooped");
            }
        }
        // here rather than inside the first retransformation, so that a failure is this command's answer
        if (!state.runtime.ready()) {
            return new Result(false, "error: the agent could not define its runtime in the target JVM's bootstrap"
                    + " class loader, so nothing can be traced (the target's standard error says why)");
        }
        if (!state.active) {
            state.instrumentation.addTransformer(state.transformer, true);
            state.active = true;
        }
        Tracer.setEnabled(true);
        Tracer.configure(options);
        if (!state.atStartup) {
            // the attach's options are the defaults of every @Snoop too; a -javaagent's stay theirs
            state.matcher.setOptions(options);
        }
        state.matcher.setIncludes(rules);
        state.output = output;

        List<Class<?>> targets = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Class<?> c : state.instrumentation.getAllLoadedClasses()) {
            String internal = c.getName().replace('.', '/');
            if (c.isArray() || c.isPrimitive() || SnoopMatcher.isPlatform(internal)) {
                continue;
            }
            // classes an earlier attach rewrote are rewritten again too: under the new rules
            // they may no longer be wanted, and then they get their original code back
            boolean wanted = (!rules.isEmpty() && rules.matchesClass(internal))
                    || (!state.atStartup && usesSnoop(c))
                    || state.transformer.rewrittenClasses().contains(c.getName());
            if (!wanted) {
                continue;
            }
            if (!state.instrumentation.isModifiableClass(c) || c.isHidden()) {
                skipped.add(c.getName() + " (a hidden or lambda class: the JVM can't retransform it)");
                continue;
            }
            if (targets.size() == MAX_CLASSES) {
                skipped.add("more classes than the limit of " + MAX_CLASSES + "; narrow the pattern");
                break;
            }
            targets.add(c);
        }
        int mark = MethodRegistry.mark();
        for (Class<?> c : targets) {
            try {
                state.instrumentation.retransformClasses(c);
            } catch (Throwable t) {
                skipped.add(c.getName() + " (" + t + ")");
            }
        }
        List<String> methods = MethodRegistry.namesSince(mark);
        StringBuilder text = new StringBuilder();
        if (methods.isEmpty() && !rules.isEmpty()) {
            text.append("error: no loaded method matched ").append(rules.includes());
            List<String> close = closestNames(state, rules.includes());
            if (!close.isEmpty()) {
                text.append("\nclosest loaded classes: ").append(String.join(", ", close));
            }
            text.append("\nclasses loaded from now on that match will be snooped; run `detach` to undo");
            appendSkipped(text, skipped);
            return new Result(false, text.toString());
        }
        Set<String> classes = new LinkedHashSet<>();
        for (String m : methods) {
            classes.add(m.substring(0, m.lastIndexOf('.')));
        }
        text.append("snooping ").append(methods.size()).append(methods.size() == 1 ? " method" : " methods")
                .append(" in ").append(classes.size()).append(classes.size() == 1 ? " class" : " classes")
                .append(", trace to ").append(output);
        for (int i = 0; i < methods.size() && i < NAMES_SHOWN; i++) {
            text.append("\n  ").append(methods.get(i));
        }
        if (methods.size() > NAMES_SHOWN) {
            text.append("\n  ... and ").append(methods.size() - NAMES_SHOWN).append(" more");
        }
        appendSkipped(text, skipped);
        return new Result(true, text.toString());
    }

    public static Result status(AgentState state) {
        IncludeRules rules = state.matcher.includes();
        StringBuilder text = new StringBuilder("jsnooper agent ").append(state.atStartup ? "loaded at start-up" : "attached")
                .append(state.active ? "" : ", detached").append('\n');
        text.append("include: ").append(rules.isEmpty() ? "(none)" : rules.includes().toString()).append('\n');
        text.append("trace to: ").append(state.output).append('\n');
        text.append("rewritten classes: ").append(state.transformer.rewrittenClasses().size());
        for (String c : state.transformer.rewrittenClasses().stream().sorted().limit(NAMES_SHOWN).toList()) {
            text.append("\n  ").append(c);
        }
        return new Result(true, text.toString());
    }

    public static Result detach(AgentState state) {
        state.matcher.setIncludes(IncludeRules.NONE);
        CalleeRegistry.clear();
        if (!state.atStartup) {
            // Without our transformer, retransformation gives every class its original bytes back.
            state.instrumentation.removeTransformer(state.transformer);
            state.active = false;
            Tracer.setEnabled(false);
        }
        int restored = 0;
        List<String> failed = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>(state.transformer.rewrittenClasses());
        for (Class<?> c : state.instrumentation.getAllLoadedClasses()) {
            if (names.contains(c.getName()) && state.instrumentation.isModifiableClass(c)) {
                try {
                    state.instrumentation.retransformClasses(c);
                    restored++;
                } catch (Throwable t) {
                    failed.add(c.getName() + " (" + t + ")");
                }
            }
        }
        if (!state.atStartup) {
            state.transformer.rewrittenClasses().clear();
        }
        Sinks.drainAll();
        StringBuilder text = new StringBuilder("detached: ").append(restored)
                .append(restored == 1 ? " class" : " classes").append(" restored to their original code");
        if (state.atStartup) {
            text.append(" (the agent was loaded at start-up: @Snoop methods stay traced)");
        }
        text.append("; calls already running finish with the code they started with");
        appendSkipped(text, failed);
        return new Result(failed.isEmpty(), text.toString());
    }

    private static void appendSkipped(StringBuilder text, List<String> skipped) {
        for (String s : skipped) {
            text.append("\nskipped: ").append(s);
        }
    }

    /** Loaded at start-up, classes using @Snoop were rewritten as they loaded; attached, they need it now. */
    private static boolean usesSnoop(Class<?> c) {
        try {
            if (hasSnoop(c.getDeclaredAnnotations())) {
                return true;
            }
            for (Executable e : c.getDeclaredMethods()) {
                if (hasSnoop(e.getDeclaredAnnotations())) {
                    return true;
                }
            }
            for (Executable e : c.getDeclaredConstructors()) {
                if (hasSnoop(e.getDeclaredAnnotations())) {
                    return true;
                }
            }
        } catch (Throwable t) {
            // a class whose members can't be resolved: not one we can rewrite either
        }
        return false;
    }

    private static boolean hasSnoop(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (a.annotationType().getName().equals(SNOOP)) {
                return true;
            }
        }
        return false;
    }

    /** Loaded class names nearest to what the patterns name: the likely typo. */
    private static List<String> closestNames(AgentState state, List<MethodPattern> patterns) {
        List<String> names = new ArrayList<>();
        for (Class<?> c : state.instrumentation.getAllLoadedClasses()) {
            if (!c.isArray() && !c.isHidden() && !SnoopMatcher.isPlatform(c.getName().replace('.', '/'))) {
                names.add(c.getName());
            }
        }
        List<String> closest = new ArrayList<>();
        for (MethodPattern p : patterns) {
            String wanted = p.ownerName();
            names.stream()
                    .sorted(Comparator.comparingInt(n -> distance(n, wanted)))
                    .limit(3)
                    .filter(n -> !closest.contains(n))
                    .forEach(closest::add);
        }
        return closest;
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}
