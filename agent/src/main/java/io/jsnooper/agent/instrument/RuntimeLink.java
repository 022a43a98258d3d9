package io.jsnooper.agent.instrument;

/**
 * The runtime API that rewritten code calls ({@code io.jsnooper.runtime.Bridge}), put in place on
 * demand: the transformer asks for it right before it hands back its first rewritten class, so a
 * program with nothing snooped never pays for it.
 */
public interface RuntimeLink {

    /**
     * Whether rewritten code can link to the runtime and reaches this agent's tracer. The first
     * call makes it so, once for the JVM's life; if that fails it says why once, on standard error,
     * and every later call answers false. Thread-safe, and a volatile read after the first call.
     */
    boolean ready();
}
