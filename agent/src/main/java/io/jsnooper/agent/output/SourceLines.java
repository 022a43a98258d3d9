package io.jsnooper.agent.output;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The lines of one source file, kept as UTF-8 bytes ready to copy into a trace line, or the marker
 * that the source was not found (PySnooper's {@code SOURCE IS UNAVAILABLE}).
 */
public final class SourceLines {

    private static final byte[] UNAVAILABLE = "SOURCE IS UNAVAILABLE".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EMPTY = new byte[0];

    private final String path;
    private final String[] lines;
    private final byte[][] encoded;

    private SourceLines(String path, List<String> lines) {
        this.path = path;
        this.lines = lines == null ? null : lines.toArray(new String[0]);
        this.encoded = lines == null ? null : new byte[this.lines.length][];
    }

    static SourceLines of(String path, List<String> lines) {
        return new SourceLines(path, lines);
    }

    /** No file was found: the trace names the class file's SourceFile attribute instead. */
    public static SourceLines unavailable(String name) {
        return new SourceLines(name, null);
    }

    public boolean isAvailable() {
        return lines != null;
    }

    /** For the {@code Source path:...} line. */
    public String path() {
        return path;
    }

    /** The text of a 1-based line without its line break, as bytes; the marker when unavailable. */
    public byte[] line(int number) {
        if (lines == null) {
            return UNAVAILABLE;
        }
        if (number < 1 || number > lines.length) {
            return EMPTY;
        }
        byte[] bytes = encoded[number - 1];
        if (bytes == null) {
            bytes = stripTrailing(lines[number - 1]).getBytes(StandardCharsets.UTF_8);
            encoded[number - 1] = bytes; // a benign race: every thread computes the same bytes
        }
        return bytes;
    }

    /** Whether a line holds only closing braces (and maybe a comment). */
    public boolean isClosingBrace(int number) {
        byte[] text = line(number);
        if (lines == null || text.length == 0) {
            return false;
        }
        int i = 0;
        while (i < text.length && (text[i] == ' ' || text[i] == '\t')) {
            i++;
        }
        return i < text.length && text[i] == '}';
    }

    /**
     * The line that declares a method whose code starts at {@code firstLine}: javac puts a method's
     * first line entry on its first statement, PySnooper shows the {@code def} line. Searches up for
     * {@code name(}; returns {@code firstLine} when it isn't there (lambdas, odd formatting).
     */
    public int declarationLine(String name, int firstLine) {
        if (lines == null || firstLine < 1) {
            return firstLine;
        }
        if (name == null) {
            return lambdaLine(firstLine);
        }
        String needle = name + "(";
        for (int n = Math.min(firstLine, lines.length); n >= 1 && n > firstLine - 30; n--) {
            String text = lines[n - 1];
            int at = text.indexOf(needle);
            char before = at > 0 ? text.charAt(at - 1) : ' ';
            if (at >= 0 && !Character.isJavaIdentifierPart(before) && before != '.') {
                String trimmed = text.trim();
                if (!trimmed.startsWith("//") && !trimmed.startsWith("*") && !trimmed.startsWith("@")
                        && !trimmed.startsWith("return ") && !trimmed.contains("= ")) {
                    return n;
                }
                if (n == firstLine) {
                    continue;
                }
            }
        }
        return firstLine;
    }

    /** A lambda's body starts on its first statement; the arrow is on that line or a few above. */
    private int lambdaLine(int firstLine) {
        for (int n = Math.min(firstLine, lines.length); n >= 1 && n > firstLine - 5; n--) {
            if (lines[n - 1].contains("->")) {
                return n;
            }
        }
        return firstLine;
    }

    private static String stripTrailing(String s) {
        int end = s.length();
        while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }
}
