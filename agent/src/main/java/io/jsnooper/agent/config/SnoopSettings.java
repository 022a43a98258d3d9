package io.jsnooper.agent.config;

import java.util.List;

/**
 * What one snooped method asked for, after merging, element by element, the built-in defaults, the
 * agent options, its class's {@code @Snoop} and its own {@code @Snoop} (later wins), then the agent's
 * {@code output=} override. Immutable; shared by every call of the method.
 */
public final class SnoopSettings {

    /** Output target meaning "standard error". */
    public static final String STDERR = "";

    /** {@code @Snoop} element names; the agent options that set their defaults have the same names. */
    public static final String OUTPUT = "output";
    public static final String WATCH = "watch";
    public static final String WATCH_EXPLODE = "watchExplode";
    public static final String DEPTH = "depth";
    public static final String PREFIX = "prefix";
    public static final String THREAD_INFO = "threadInfo";
    public static final String RELATIVE_TIME = "relativeTime";
    public static final String MAX_VARIABLE_LENGTH = "maxVariableLength";
    public static final String NORMALIZE = "normalize";
    public static final String COLOR = "color";
    public static final String OVERWRITE = "overwrite";
    public static final String CUSTOM_REPR = "customRepr";
    public static final String FORMAT = "format";
    public static final String ON_FAILURE = "onFailure";
    public static final String MAX_FILE_SIZE = "maxFileSize";
    public static final String MAX_FILES = "maxFiles";
    public static final String REDACT = "redact";
    public static final String LEVEL = "level";

    /** Names whose values never appear in a trace, unless {@code redact} says otherwise. */
    public static final String DEFAULT_REDACT = "password|passwd|secret|token|apikey|api_key|credential|private_?key";

    public static final List<String> ELEMENTS = List.of(OUTPUT, WATCH, WATCH_EXPLODE, DEPTH, PREFIX, THREAD_INFO,
            RELATIVE_TIME, MAX_VARIABLE_LENGTH, NORMALIZE, COLOR, OVERWRITE, CUSTOM_REPR, FORMAT, ON_FAILURE,
            MAX_FILE_SIZE, MAX_FILES, REDACT, LEVEL);

    /** Values of {@link #COLOR}. */
    public enum Color { AUTO, ALWAYS, NEVER }

    /** Values of {@link #FORMAT}. */
    public enum Format { TEXT, JSONL }

    public static final SnoopSettings DEFAULTS = new SnoopSettings(STDERR, List.of(), List.of(), 1, "", false,
            false, 100, false, Color.AUTO, false, List.of(), Format.TEXT, false, 0, 5, DEFAULT_REDACT, "debug");

    public final String output;
    public final List<String> watch;
    public final List<String> watchExplode;
    public final int depth;
    public final String prefix;
    public final boolean threadInfo;
    public final boolean relativeTime;
    public final int maxVariableLength;
    public final boolean normalize;
    public final Color color;
    public final boolean overwrite;
    /** Internal names of {@code io.jsnooper.Repr} implementations. */
    public final List<String> customRepr;
    public final Format format;
    /** Keep each call's trace in memory; write it only if the call ends by an exception. */
    public final boolean onFailure;
    /** Rotate the output file when it would grow past this many bytes; 0 never rotates. */
    public final long maxFileSize;
    /** Rotated files kept: {@code trace.log.1} ... {@code trace.log.N}. */
    public final int maxFiles;
    /** A case-insensitive regular expression of names whose values show as "***"; empty for none. */
    public final String redact;
    /** The level trace lines are logged at when the output is {@code slf4j}: trace, debug, info, warn, error. */
    public final String level;

    SnoopSettings(String output, List<String> watch, List<String> watchExplode, int depth, String prefix,
            boolean threadInfo, boolean relativeTime, int maxVariableLength, boolean normalize, Color color,
            boolean overwrite, List<String> customRepr, Format format, boolean onFailure, long maxFileSize,
            int maxFiles, String redact, String level) {
        this.output = output;
        this.watch = List.copyOf(watch);
        this.watchExplode = List.copyOf(watchExplode);
        this.depth = depth;
        this.prefix = prefix;
        this.threadInfo = threadInfo;
        this.relativeTime = relativeTime;
        this.maxVariableLength = maxVariableLength;
        this.normalize = normalize;
        this.color = color;
        this.overwrite = overwrite;
        this.customRepr = List.copyOf(customRepr);
        this.format = format;
        this.onFailure = onFailure;
        this.maxFileSize = maxFileSize;
        this.maxFiles = maxFiles;
        this.redact = redact;
        this.level = level;
    }

    /** A file path, or {@link #STDERR}. */
    public String output() {
        return output;
    }

    /**
     * A copy with one element replaced. The value has the type the element has in an annotation
     * read by ASM: String, Integer, Boolean, a {@code List<String>} for arrays and class literals
     * (internal names), an enum constant name for {@code color}.
     *
     * @throws IllegalArgumentException for a value the element can't take
     */
    public SnoopSettings with(String element, Object value) {
        String o = output;
        List<String> w = watch;
        List<String> we = watchExplode;
        int d = depth;
        String p = prefix;
        boolean ti = threadInfo;
        boolean rt = relativeTime;
        int mvl = maxVariableLength;
        boolean n = normalize;
        Color c = color;
        boolean ow = overwrite;
        List<String> cr = customRepr;
        Format f = format;
        boolean of = onFailure;
        long mfs = maxFileSize;
        int mf = maxFiles;
        String rd = redact;
        String lv = level;
        switch (element) {
            case OUTPUT: o = string(element, value).equals("stderr") ? STDERR : string(element, value); break;
            case WATCH: w = strings(element, value); break;
            case WATCH_EXPLODE: we = strings(element, value); break;
            case DEPTH:
                d = integer(element, value);
                if (d < 1) {
                    throw new IllegalArgumentException("depth must be 1 or more, not " + d);
                }
                break;
            case PREFIX: p = string(element, value); break;
            case THREAD_INFO: ti = bool(element, value); break;
            case RELATIVE_TIME: rt = bool(element, value); break;
            case MAX_VARIABLE_LENGTH: mvl = integer(element, value); break;
            case NORMALIZE: n = bool(element, value); break;
            case COLOR:
                try {
                    c = Color.valueOf(string(element, value).toUpperCase(java.util.Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("color must be auto, always or never, not '" + value + "'");
                }
                break;
            case OVERWRITE: ow = bool(element, value); break;
            case CUSTOM_REPR: cr = strings(element, value); break;
            case FORMAT:
                try {
                    f = Format.valueOf(string(element, value).toUpperCase(java.util.Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("format must be text or jsonl, not '" + value + "'");
                }
                break;
            case ON_FAILURE: of = bool(element, value); break;
            case LEVEL:
                lv = string(element, value).trim().toLowerCase(java.util.Locale.ROOT);
                if (!List.of("trace", "debug", "info", "warn", "error").contains(lv)) {
                    throw new IllegalArgumentException("level must be trace, debug, info, warn or error, not '" + value + "'");
                }
                break;
            case MAX_FILE_SIZE:
                mfs = size(element, value);
                break;
            case MAX_FILES:
                mf = integer(element, value);
                if (mf < 1) {
                    throw new IllegalArgumentException("maxFiles must be 1 or more, not " + mf);
                }
                break;
            case REDACT:
                rd = string(element, value).trim();
                if (rd.equalsIgnoreCase("none")) {
                    rd = "";
                }
                try {
                    java.util.regex.Pattern.compile(rd);
                } catch (java.util.regex.PatternSyntaxException e) {
                    throw new IllegalArgumentException("redact is not a regular expression: " + e.getDescription());
                }
                break;
            default:
                throw new IllegalArgumentException("unknown @Snoop element '" + element + "'");
        }
        return new SnoopSettings(o, w, we, d, p, ti, rt, mvl, n, c, ow, cr, f, of, mfs, mf, rd, lv);
    }

    /** Bytes, or a number with a k/m/g suffix (powers of 1024): {@code 10m}, {@code 512kb}. */
    private static long size(String element, Object value) {
        if (value instanceof Long || value instanceof Integer) {
            long bytes = ((Number) value).longValue();
            if (bytes < 0) {
                throw new IllegalArgumentException(element + " must not be negative");
            }
            return bytes;
        }
        String s = string(element, value).trim().toLowerCase(java.util.Locale.ROOT);
        if (s.endsWith("b")) {
            s = s.substring(0, s.length() - 1);
        }
        long unit = 1;
        if (s.endsWith("k")) {
            unit = 1L << 10;
        } else if (s.endsWith("m")) {
            unit = 1L << 20;
        } else if (s.endsWith("g")) {
            unit = 1L << 30;
        }
        if (unit > 1) {
            s = s.substring(0, s.length() - 1);
        }
        try {
            long n = Long.parseLong(s.trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n * unit;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(element + " must be a size like 10m or 1048576, not '" + value + "'");
        }
    }

    private static String string(String element, Object value) {
        if (value instanceof String) {
            return (String) value;
        }
        throw new IllegalArgumentException(element + " must be a string, not '" + value + "'");
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(String element, Object value) {
        if (value instanceof String) {
            return List.of(((String) value).split(";"));
        }
        if (value instanceof List) {
            return (List<String>) value;
        }
        throw new IllegalArgumentException(element + " must be a list of strings, not '" + value + "'");
    }

    private static int integer(String element, Object value) {
        if (value instanceof Integer) {
            return (Integer) value;
        }
        try {
            return Integer.parseInt(string(element, value).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(element + " must be a whole number, not '" + value + "'");
        }
    }

    private static boolean bool(String element, Object value) {
        if (value instanceof Boolean) {
            return (Boolean) value;
        }
        String s = string(element, value).trim();
        if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(s);
        }
        throw new IllegalArgumentException(element + " must be true or false, not '" + value + "'");
    }

    @Override
    public String toString() {
        return "SnoopSettings{output='" + output + "', watch=" + watch + ", watchExplode=" + watchExplode
                + ", depth=" + depth + ", prefix='" + prefix + "', threadInfo=" + threadInfo + ", relativeTime="
                + relativeTime + ", maxVariableLength=" + maxVariableLength + ", normalize=" + normalize
                + ", color=" + color + ", overwrite=" + overwrite + ", customRepr=" + customRepr + ", format=" + format
                + ", onFailure=" + onFailure + ", maxFileSize=" + maxFileSize + ", maxFiles=" + maxFiles
                + ", redact='" + redact + "', level=" + level + "}";
    }
}
