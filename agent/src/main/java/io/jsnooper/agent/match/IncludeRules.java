package io.jsnooper.agent.match;

import io.jsnooper.agent.config.AgentOptions;
import io.jsnooper.agent.config.SnoopSettings;
import java.util.List;

/**
 * The methods snooped without an annotation: {@code include} patterns minus {@code exclude}
 * patterns, with the settings they are traced with. Replaced whole by each attach.
 */
public final class IncludeRules {

    public static final IncludeRules NONE = new IncludeRules(List.of(), List.of(), SnoopSettings.DEFAULTS);

    final List<MethodPattern> includes;
    final List<MethodPattern> excludes;
    final SnoopSettings settings;

    IncludeRules(List<MethodPattern> includes, List<MethodPattern> excludes, SnoopSettings settings) {
        this.includes = List.copyOf(includes);
        this.excludes = List.copyOf(excludes);
        this.settings = settings;
    }

    /** @throws IllegalArgumentException for a malformed pattern */
    public static IncludeRules of(AgentOptions options) {
        if (options.includes().isEmpty()) {
            return NONE;
        }
        SnoopSettings settings = options.snoopDefaults();
        String forced = options.output();
        if (forced != null) {
            settings = settings.with(SnoopSettings.OUTPUT, forced);
        }
        return new IncludeRules(MethodPattern.parseAll(options.includes()),
                MethodPattern.parseAll(options.excludes()), settings);
    }

    public boolean isEmpty() {
        return includes.isEmpty();
    }

    public List<MethodPattern> includes() {
        return includes;
    }

    public SnoopSettings settings() {
        return settings;
    }

    public boolean matchesClass(String internalName) {
        for (MethodPattern p : includes) {
            if (p.matchesClass(internalName)) {
                return true;
            }
        }
        return false;
    }

    public boolean matches(String owner, String name, String desc) {
        boolean included = false;
        for (MethodPattern p : includes) {
            if (p.matches(owner, name, desc)) {
                included = true;
                break;
            }
        }
        if (!included) {
            return false;
        }
        for (MethodPattern p : excludes) {
            if (p.matches(owner, name, desc)) {
                return false;
            }
        }
        return true;
    }
}
