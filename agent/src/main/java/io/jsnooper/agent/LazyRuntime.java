package io.jsnooper.agent;

import io.jsnooper.agent.instrument.RuntimeLink;
import io.jsnooper.agent.trace.TracerDispatcher;
import java.lang.instrument.Instrumentation;

/**
 * Defines the runtime API in the bootstrap class loader and connects it to the tracer, at the first
 * rewrite rather than in {@code premain}: the definition costs ~20 ms on JDK 17 (the lambdas behind
 * {@link Instrumentation#redefineModule} spin a dozen classes), which a program with nothing
 * snooped should not pay (docs/performance.md, "Start-up").
 *
 * <p>Until {@link #ready} succeeds, no class of this loader may touch {@code io.jsnooper.runtime}:
 * this loader would then load its own copy from the agent jar (the jar is on the system class
 * path), one the rewritten code never calls. {@link TracerDispatcher} is the first to, once the
 * boot loader's copy exists.
 */
final class LazyRuntime implements RuntimeLink {

    private static final int NOT_YET = 0;
    private static final int READY = 1;
    private static final int FAILED = 2;

    private final Instrumentation instrumentation;
    private volatile int state = NOT_YET;

    LazyRuntime(Instrumentation instrumentation) {
        this.instrumentation = instrumentation;
    }

    @Override
    public boolean ready() {
        int s = state;
        return s == NOT_YET ? install() : s == READY;
    }

    /**
     * Runs at most once. Usually inside a class-file transformer: the JVM does not call transformers
     * again for the classes defined meanwhile on this thread, and those are all JDK classes and our
     * own two, so nothing here can wait for the class being transformed.
     */
    private synchronized boolean install() {
        if (state == NOT_YET) {
            try {
                BootstrapInjector.injectRuntime(instrumentation);
                TracerDispatcher.install();
                state = READY;
            } catch (Throwable t) {
                state = FAILED;
                System.err.println("jsnooper: cannot define the runtime in the bootstrap class loader, so nothing is"
                        + " traced and every class keeps its code: " + t);
            }
        }
        return state == READY;
    }
}
