package io.jsnooper.agent.config;

import java.util.Objects;

/**
 * What one snooped method asked for, after merging its {@code @Snoop}, its class's {@code @Snoop}
 * and the agent options. Immutable; shared by every call of the method.
 */
public final class SnoopSettings {

    /** Output target meaning "standard error". */
    public static final String STDERR = "";

    private final String output;

    public SnoopSettings(String output) {
        this.output = Objects.requireNonNull(output, "output");
    }

    /** A file path, or {@link #STDERR}. */
    public String output() {
        return output;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SnoopSettings && ((SnoopSettings) o).output.equals(output);
    }

    @Override
    public int hashCode() {
        return output.hashCode();
    }

    @Override
    public String toString() {
        return "SnoopSettings{output='" + output + "'}";
    }
}
