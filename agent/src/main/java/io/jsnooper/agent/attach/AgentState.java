package io.jsnooper.agent.attach;

import io.jsnooper.agent.instrument.Retransformer;
import io.jsnooper.agent.instrument.RuntimeLink;
import io.jsnooper.agent.instrument.SnoopTransformer;
import io.jsnooper.agent.match.SnoopMatcher;
import java.lang.instrument.Instrumentation;

/** The agent as installed in this JVM; one per JVM, kept across attach and detach. */
public final class AgentState {

    final Instrumentation instrumentation;
    final SnoopMatcher matcher;
    /** Put in place by the first rewrite, or by the first attach before it retransforms anything. */
    final RuntimeLink runtime;
    final SnoopTransformer transformer;
    final Retransformer retransformer;
    /** Loaded with -javaagent: detach then keeps @Snoop tracing and undoes only what attach added. */
    final boolean atStartup;
    /** Whether the transformer is registered (false after a detach of an attached agent). */
    boolean active = true;
    /** Where the last attach sent its trace, for status. */
    String output = "stderr";

    public AgentState(Instrumentation instrumentation, SnoopMatcher matcher, RuntimeLink runtime,
            SnoopTransformer transformer, Retransformer retransformer, boolean atStartup) {
        this.instrumentation = instrumentation;
        this.matcher = matcher;
        this.runtime = runtime;
        this.transformer = transformer;
        this.retransformer = retransformer;
        this.atStartup = atStartup;
    }
}
