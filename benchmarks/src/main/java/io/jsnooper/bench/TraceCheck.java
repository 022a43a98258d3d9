package io.jsnooper.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.regex.Pattern;

/**
 * "Lines never torn": every line of a trace file left by the benchmarks must be one whole line of
 * the format — an event line whose source text holds no piece of another line, or a labelled line
 * whose value is a plain number. Two lines spliced together, or a line cut short, fail. A
 * {@code .jsonl} file is checked as JSON Lines instead: every line must parse, strictly, as exactly
 * one JSON object with an {@code "event"} member. Exit status 1 on the first bad line.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.jsnooper.bench.TraceCheck FILE...}
 */
public final class TraceCheck {

    private static final Pattern EVENT = Pattern.compile(
            " *\\d\\d:\\d\\d:\\d\\d\\.\\d{6} (call|line|return|exception) +\\d+ (.*)");
    private static final Pattern VARIABLE = Pattern.compile(
            " *(Starting var:\\.\\. |New var:\\.{7} |Modified var:\\.\\. |Return value:\\.\\. )[A-Za-z_$][\\w$]* ?= ?-?\\d+|"
                    + " *Return value:\\.\\. -?\\d+|"
                    + " *Elapsed time: \\d\\d:\\d\\d:\\d\\d\\.\\d{6}|"
                    + " *Source path:\\.\\.\\. \\S.*");
    /** What must never appear inside the source text of an event line. */
    private static final Pattern FOREIGN = Pattern.compile("\\d\\d:\\d\\d:\\d\\d\\.\\d{6}|var:\\.\\.|Elapsed|Return value");

    private TraceCheck() {
    }

    public static void main(String[] args) throws IOException {
        int status = 0;
        for (String arg : args) {
            status |= check(Paths.get(arg));
        }
        System.exit(status);
    }

    private static int check(Path file) throws IOException {
        boolean jsonLines = file.getFileName().toString().endsWith(".jsonl");
        long lines = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                lines++;
                boolean whole;
                if (jsonLines) {
                    whole = JsonLine.isOneObjectWithEvent(line);
                } else {
                    var event = EVENT.matcher(line);
                    whole = event.matches() ? !FOREIGN.matcher(event.group(2)).find() : VARIABLE.matcher(line).matches();
                }
                if (!whole) {
                    System.out.printf("%s:%d: torn or unknown line: %s%n", file, lines, line);
                    return 1;
                }
            }
        }
        if (lines == 0) {
            System.out.printf("%s: empty, nothing checked%n", file);
            return 1;
        }
        System.out.printf("%s: %,d lines, all whole%n", file, lines);
        return 0;
    }

    /**
     * A strict JSON reader that only says yes or no: RFC 8259 values, no trailing text. A line cut
     * short leaves an object open; two lines spliced together leave text after the first object or
     * break a string; either is a no.
     */
    static final class JsonLine {
        private final String s;
        private int i;
        private boolean sawEvent;

        private JsonLine(String s) {
            this.s = s;
        }

        static boolean isOneObjectWithEvent(String line) {
            JsonLine p = new JsonLine(line);
            try {
                if (!line.startsWith("{") || !line.endsWith("}")) {
                    return false;
                }
                p.object(true);
                p.space();
                return p.i == line.length() && p.sawEvent;
            } catch (IllegalStateException | IndexOutOfBoundsException e) {
                return false;
            }
        }

        private void value() {
            space();
            char c = s.charAt(i);
            if (c == '{') {
                object(false);
            } else if (c == '[') {
                i++;
                space();
                if (s.charAt(i) == ']') {
                    i++;
                    return;
                }
                do {
                    value();
                    space();
                } while (separator(']'));
            } else if (c == '"') {
                string();
            } else if (s.startsWith("true", i) || s.startsWith("null", i)) {
                i += 4;
            } else if (s.startsWith("false", i)) {
                i += 5;
            } else {
                number();
            }
        }

        private void object(boolean top) {
            i++; // '{'
            space();
            if (s.charAt(i) == '}') {
                i++;
                return;
            }
            do {
                space();
                String key = string();
                if (top && key.equals("event")) {
                    sawEvent = true;
                }
                space();
                if (s.charAt(i++) != ':') {
                    fail();
                }
                value();
                space();
            } while (separator('}'));
        }

        private String string() {
            if (s.charAt(i++) != '"') {
                fail();
            }
            int start = i;
            for (char c; (c = s.charAt(i++)) != '"'; ) {
                if (c < 0x20) {
                    fail();
                } else if (c == '\\') {
                    char e = s.charAt(i++);
                    if (e == 'u') {
                        for (int k = 0; k < 4; k++) {
                            if (Character.digit(s.charAt(i++), 16) < 0) {
                                fail();
                            }
                        }
                    } else if ("\"\\/bfnrt".indexOf(e) < 0) {
                        fail();
                    }
                }
            }
            return s.substring(start, i - 1);
        }

        private void number() {
            int start = i;
            if (s.charAt(i) == '-') {
                i++;
            }
            int digits = i;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
            if (i == digits || (s.charAt(digits) == '0' && i - digits > 1)) {
                fail();
            }
            if (i < s.length() && s.charAt(i) == '.') {
                int fraction = ++i;
                while (i < s.length() && Character.isDigit(s.charAt(i))) {
                    i++;
                }
                if (i == fraction) {
                    fail();
                }
            }
            if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                i++;
                if (s.charAt(i) == '+' || s.charAt(i) == '-') {
                    i++;
                }
                int exponent = i;
                while (i < s.length() && Character.isDigit(s.charAt(i))) {
                    i++;
                }
                if (i == exponent) {
                    fail();
                }
            }
            if (i == start) {
                fail();
            }
        }

        /** After a member or element: true for a comma (another follows), false for {@code close}. */
        private boolean separator(char close) {
            char c = s.charAt(i++);
            if (c != ',' && c != close) {
                fail();
            }
            return c == ',';
        }

        private void space() {
            while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
        }

        private static void fail() {
            throw new IllegalStateException();
        }
    }
}
