package io.jsnooper.agent.config;

import java.io.File;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options after {@code -javaagent:jsnooper-agent.jar=}: {@code key=value} pairs separated by
 * commas. Each key has one constant and one default here; an unknown key or a bad value is
 * rejected with a message that names it and lists the valid keys. Every {@code @Snoop} element is
 * also an option, setting its default ({@code threadInfo=true}); list values are separated by
 * {@code ;} ({@code watch=this.total;items.size()}).
 */
public final class AgentOptions {

    /** Overrides the output of every {@code @Snoop}: a file path, or {@code stderr}. */
    public static final String OUTPUT = SnoopSettings.OUTPUT;
    /** Extra source roots, separated by the platform path separator ({@code :} on Unix). */
    public static final String SOURCEPATH = "sourcepath";
    /** A folder to write every rewritten class to, for {@code javap -c -v} when something breaks. */
    public static final String DUMP = "dump";

    private static final List<String> KEYS;

    static {
        List<String> keys = new ArrayList<>(SnoopSettings.ELEMENTS);
        keys.add(SOURCEPATH);
        keys.add(DUMP);
        KEYS = List.copyOf(keys);
    }

    private final Map<String, String> values;
    /** The built-in defaults with this agent's {@code @Snoop} element options applied. */
    private final SnoopSettings defaults;

    private AgentOptions(Map<String, String> values) {
        this.values = values;
        SnoopSettings settings = SnoopSettings.DEFAULTS;
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (SnoopSettings.ELEMENTS.contains(e.getKey()) && !e.getKey().equals(OUTPUT)) {
                settings = settings.with(e.getKey(), e.getValue());
            }
        }
        this.defaults = settings;
    }

    /** Defaults for every {@code @Snoop} element, as the agent options set them. */
    public SnoopSettings snoopDefaults() {
        return defaults;
    }

    public static AgentOptions defaults() {
        return new AgentOptions(Collections.emptyMap());
    }

    /**
     * Parses the agent argument string; null or empty means all defaults.
     *
     * @throws IllegalArgumentException with a message for the user
     */
    public static AgentOptions parse(String arguments) {
        Map<String, String> values = new LinkedHashMap<>();
        if (arguments == null || arguments.isBlank()) {
            return new AgentOptions(values);
        }
        for (String pair : arguments.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("agent option '" + pair.trim() + "' is not key=value; "
                        + validKeys());
            }
            String key = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown agent option '" + key + "'; " + validKeys());
            }
            if (values.containsKey(key)) {
                throw new IllegalArgumentException("agent option '" + key + "' is given twice");
            }
            if (value.isEmpty() && !key.equals(SnoopSettings.PREFIX)) {
                throw new IllegalArgumentException("agent option '" + key + "' has no value");
            }
            values.put(key, value);
        }
        try {
            return new AgentOptions(values);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("agent option " + e.getMessage());
        }
    }

    private static String validKeys() {
        return "valid keys: " + String.join(", ", KEYS);
    }

    /** The output forced on every snooped method; null to let each {@code @Snoop} decide. */
    public String output() {
        String output = values.get(OUTPUT);
        if (output == null) {
            return null;
        }
        return output.equals("stderr") ? SnoopSettings.STDERR : output;
    }

    public List<Path> sourcePath() {
        String roots = values.get(SOURCEPATH);
        List<Path> paths = new ArrayList<>();
        if (roots != null) {
            for (String root : roots.split(File.pathSeparator)) {
                if (!root.isBlank()) {
                    paths.add(Paths.get(root));
                }
            }
        }
        return paths;
    }

    /** Null unless rewritten classes should be written out. */
    public Path dumpFolder() {
        String dump = values.get(DUMP);
        return dump == null ? null : Paths.get(dump);
    }

    /** The options as a {@code -javaagent:} argument string that parses back to equal options. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        values.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ",").append(k).append('=').append(v));
        return sb.toString();
    }
}
