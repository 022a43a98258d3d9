package io.jsnooper.agent.instrument;

import io.jsnooper.agent.match.SnoopMatcher;
import io.jsnooper.agent.output.Diagnostics;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Rewrites classes that are already loaded when they become interesting — a callee's class found
 * by {@code depth}, or every class an attach asks for. Runs on its own daemon thread: a class
 * must not be retransformed from inside a transformer. One class at a time, so that one class
 * the JVM refuses can't block the others (BTrace, OpenTelemetry #12534).
 */
public final class Retransformer implements java.util.function.Consumer<String> {

    private final Instrumentation instrumentation;
    private final Set<String> pending = new LinkedHashSet<>();
    private Thread worker;

    public Retransformer(Instrumentation instrumentation) {
        this.instrumentation = instrumentation;
    }

    /** A class gained methods to trace: see {@link #request}. */
    @Override
    public void accept(String internalName) {
        request(internalName);
    }

    /** Asks for {@code internalName} and its loaded subclasses to be rewritten again, soon. */
    public synchronized void request(String internalName) {
        if (!instrumentation.isRetransformClassesSupported()) {
            return;
        }
        pending.add(internalName.replace('/', '.'));
        if (worker == null) {
            worker = new Thread(this::work, "jsnooper-retransform");
            worker.setDaemon(true);
            worker.start();
        }
        notifyAll();
    }

    private void work() {
        while (true) {
            Set<String> names;
            synchronized (this) {
                while (pending.isEmpty()) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                names = new LinkedHashSet<>(pending);
                pending.clear();
            }
            retransformLoaded(names);
        }
    }

    /** Retransforms the loaded classes named in {@code names} and their loaded subclasses. */
    public void retransformLoaded(Set<String> names) {
        List<Class<?>> owners = new ArrayList<>();
        Class<?>[] loaded = instrumentation.getAllLoadedClasses();
        for (Class<?> c : loaded) {
            if (names.contains(c.getName())) {
                owners.add(c);
            }
        }
        if (owners.isEmpty()) {
            return;
        }
        for (Class<?> c : loaded) {
            if (!instrumentation.isModifiableClass(c) || c.isArray() || c.isPrimitive()
                    || SnoopMatcher.isPlatform(c.getName().replace('.', '/'))) {
                continue;
            }
            for (Class<?> owner : owners) {
                if (owner.isAssignableFrom(c)) {
                    retransform(c);
                    break;
                }
            }
        }
    }

    private void retransform(Class<?> type) {
        try {
            instrumentation.retransformClasses(type);
        } catch (Throwable t) {
            Diagnostics.warnOnce("retransform:" + type.getName(), type.getName()
                    + " is already loaded and could not be rewritten (" + t + "); it is not traced");
        }
    }
}
