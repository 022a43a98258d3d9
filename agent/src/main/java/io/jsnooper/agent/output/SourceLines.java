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

    /**
     * Whether a line starts with a closing brace: {@code }}, {@code });}, {@code } else {}. javac puts
     * only jumps and a void method's return there, where PySnooper shows no line event.
     */
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
     * the name followed by {@code (} (or by {@code {} for a record's compact constructor), written as
     * a declaration: a method's name follows its type, so {@code walk(x);} is a call, not one.
     * Returns {@code firstLine} when nothing fits (odd formatting).
     *
     * @param name the method's name, the simple class name for a constructor, null for a lambda
     */
    public int declarationLine(String name, boolean constructor, int firstLine) {
        if (lines == null || firstLine < 1) {
            return firstLine;
        }
        if (name == null) {
            return lambdaLine(firstLine);
        }
        for (int n = Math.min(firstLine, lines.length); n >= 1 && n > firstLine - 30; n--) {
            String text = lines[n - 1];
            String trimmed = text.trim();
            if (trimmed.startsWith("//") || trimmed.startsWith("*") || trimmed.startsWith("/*")) {
                continue;
            }
            for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
                if (isDeclaration(text, at, name, constructor)) {
                    return n;
                }
            }
        }
        return firstLine;
    }

    private static boolean isDeclaration(String text, int at, String name, boolean constructor) {
        char previous = at > 0 ? text.charAt(at - 1) : ' ';
        int after = at + name.length();
        if (Character.isJavaIdentifierPart(previous) || previous == '.'
                || (after < text.length() && Character.isJavaIdentifierPart(text.charAt(after)))) {
            return false;
        }
        String rest = text.substring(after).trim();
        if (!rest.startsWith("(") && !(constructor && rest.startsWith("{"))) {
            return false;
        }
        String before = text.substring(0, at).trim();
        if (before.startsWith("@") || before.startsWith("return") || before.contains("new ")
                || before.endsWith("=") || before.endsWith("(") || before.endsWith(",")
                || before.endsWith("->") || before.endsWith("?") || before.endsWith(":")) {
            return false;
        }
        return constructor || !before.isEmpty();
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
