package io.jsnooper.agent.config;

/** Why a method is traced; decides when its calls produce a trace. */
public enum TraceKind {
    /** It, or its class, has {@code @Snoop} (or matches an include pattern): traced whenever it runs. */
    SNOOPED,
    /** A lambda body written in a snooped method: traced as part of a traced call on its thread. */
    LAMBDA,
    /** Called by a snooped method with {@code depth > 1}: traced while such a caller has depth to spare. */
    CALLEE
}
