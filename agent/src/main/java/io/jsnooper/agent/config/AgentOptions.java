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
    /** Methods to snoop without {@code @Snoop}: patterns separated by {@code ;}. */
    public static final String INCLUDE = "include";
    /** Methods never to snoop through {@code include}, same syntax. */
    public static final String EXCLUDE = "exclude";
    /** Set by the {@code attach}, {@code status} and {@code detach} commands, not by users. */
    public static final String COMMAND = "command";
    /** The file the agent writes its answer to a command into. */
    public static final String REPORT = "report";

    private static final List<String> KEYS;

    static {
        List<String> keys = new ArrayList<>(SnoopSettings.ELEMENTS);
        keys.add(SOURCEPATH);
        keys.add(DUMP);
        keys.add(INCLUDE);
        keys.add(EXCLUDE);
        keys.add(COMMAND);
        keys.add(REPORT);
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

    private void checkPatterns() {
        for (String key : List.of(INCLUDE, EXCLUDE)) {
            for (String pattern : list(key)) {
                try {
                    io.jsnooper.agent.match.MethodPattern.parse(pattern);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("agent option '" + key + "': " + e.getMessage());
                }
            }
        }
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
        for (String pair : splitTopLevel(arguments)) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("agent option '" + pair.trim() + "' is not key=value; "
                        + validKeys());
            }
            String key = pair.substring(0, eq).trim();
            String raw = pair.substring(eq + 1);
            // blanks around a value are trimmed, except a prefix's: "prefix=>> " keeps its space
            String value = key.equals(SnoopSettings.PREFIX) ? raw : raw.trim();
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
        AgentOptions options;
        try {
            options = new AgentOptions(values);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("agent option " + e.getMessage());
        }
        options.checkPatterns();
        return options;
    }

    /** Commas separate options, except inside parentheses: {@code include=A#m(java.lang.String,int)}. */
    private static List<String> splitTopLevel(String arguments) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < arguments.length(); i++) {
            char c = arguments.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            } else if (c == ',' && depth == 0) {
                parts.add(arguments.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(arguments.substring(start));
        return parts;
    }

    /** The raw value of an option, or null. */
    public String get(String key) {
        return values.get(key);
    }

    public List<String> includes() {
        return list(INCLUDE);
    }

    public List<String> excludes() {
        return list(EXCLUDE);
    }

    private List<String> list(String key) {
        String value = values.get(key);
        List<String> items = new ArrayList<>();
        if (value != null) {
            for (String item : value.split(";")) {
                if (!item.isBlank()) {
                    items.add(item.trim());
                }
            }
        }
        return items;
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
