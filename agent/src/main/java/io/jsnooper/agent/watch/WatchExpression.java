package io.jsnooper.agent.watch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A parsed {@code watch} expression: a root name followed by steps — {@code .field},
 * {@code .method()} or {@code .method(literal)}, {@code [index]}. Parsed once when the method is
 * rewritten; evaluated by {@link WatchEvaluator} with reflection at each line.
 */
public final class WatchExpression {

    /** One step after the root. */
    public static final class Step {
        public enum Kind { FIELD, CALL, INDEX }

        public final Kind kind;
        public final String name;
        /** The literal argument of a call, or {@link #NO_ARGUMENT}; the index of an INDEX step. */
        public final Object argument;

        Step(Kind kind, String name, Object argument) {
            this.kind = kind;
            this.name = name;
            this.argument = argument;
        }
    }

    /** Marks a call written with empty parentheses. */
    public static final Object NO_ARGUMENT = new Object();

    private final String source;
    private final String root;
    private final List<Step> steps;

    private WatchExpression(String source, String root, List<Step> steps) {
        this.source = source;
        this.root = root;
        this.steps = Collections.unmodifiableList(steps);
    }

    /** The expression as written, trimmed: the name the trace shows. */
    public String source() {
        return source;
    }

    public String root() {
        return root;
    }

    public List<Step> steps() {
        return steps;
    }

    /**
     * @throws IllegalArgumentException with a message naming the position and what was expected
     */
    public static WatchExpression parse(String text) {
        String source = text == null ? "" : text.trim();
        Parser p = new Parser(source);
        String root = p.identifier("a variable, field or class name");
        List<Step> steps = new ArrayList<>();
        while (!p.atEnd()) {
            if (p.take('.')) {
                String name = p.identifier("a name after '.'");
                if (p.take('(')) {
                    Object argument = p.peek(')') ? NO_ARGUMENT : p.literal();
                    p.expect(')');
                    steps.add(new Step(Step.Kind.CALL, name, argument));
                } else {
                    steps.add(new Step(Step.Kind.FIELD, name, null));
                }
            } else if (p.take('[')) {
                Object index = p.literal();
                p.expect(']');
                steps.add(new Step(Step.Kind.INDEX, null, index));
            } else if (steps.isEmpty() && !"this".equals(root) && p.take('(')) {
                // an unqualified call on `this`: isEmpty(), size()
                Object argument = p.peek(')') ? NO_ARGUMENT : p.literal();
                p.expect(')');
                steps.add(new Step(Step.Kind.CALL, root, argument));
                root = "this";
            } else {
                throw p.error("'.', '[' or the end");
            }
        }
        return new WatchExpression(source, root, steps);
    }

    /** A hand-written scanner: the grammar is tiny, and the agent carries no parser library. */
    private static final class Parser {
        private final String s;
        private int i;

        Parser(String s) {
            this.s = s;
        }

        boolean atEnd() {
            skipSpaces();
            return i >= s.length();
        }

        boolean peek(char c) {
            skipSpaces();
            return i < s.length() && s.charAt(i) == c;
        }

        boolean take(char c) {
            if (peek(c)) {
                i++;
                return true;
            }
            return false;
        }

        void expect(char c) {
            if (!take(c)) {
                throw error("'" + c + "'");
            }
        }

        String identifier(String what) {
            skipSpaces();
            int start = i;
            if (i < s.length() && Character.isJavaIdentifierStart(s.charAt(i))) {
                i++;
                while (i < s.length() && Character.isJavaIdentifierPart(s.charAt(i))) {
                    i++;
                }
            }
            if (start == i) {
                throw error(what);
            }
            return s.substring(start, i);
        }

        Object literal() {
            skipSpaces();
            if (i >= s.length()) {
                throw error("a literal");
            }
            char c = s.charAt(i);
            if (c == '"' || c == '\'') {
                StringBuilder sb = new StringBuilder();
                i++;
                while (i < s.length() && s.charAt(i) != c) {
                    char ch = s.charAt(i++);
                    if (ch == '\\' && i < s.length()) {
                        ch = unescape(s.charAt(i++));
                    }
                    sb.append(ch);
                }
                if (i >= s.length()) {
                    throw error("a closing " + c);
                }
                i++;
                if (c == '\'') {
                    if (sb.length() != 1) {
                        throw error("one character between ' '");
                    }
                    return sb.charAt(0);
                }
                return sb.toString();
            }
            int start = i;
            if (c == '-') {
                i++;
            }
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
            if (i > start && Character.isDigit(s.charAt(i - 1))) {
                boolean isLong = i < s.length() && (s.charAt(i) == 'L' || s.charAt(i) == 'l');
                String digits = s.substring(start, i);
                if (isLong) {
                    i++;
                    return Long.parseLong(digits);
                }
                try {
                    return Integer.parseInt(digits);
                } catch (NumberFormatException e) {
                    throw error("an int that fits in 32 bits");
                }
            }
            i = start;
            String word = identifier("a literal (number, \"string\", 'c', true, false or null)");
            switch (word) {
                case "true": return Boolean.TRUE;
                case "false": return Boolean.FALSE;
                case "null": return null;
                default: throw new IllegalArgumentException("only literal arguments are allowed, not '" + word + "'");
            }
        }

        private static char unescape(char c) {
            switch (c) {
                case 'n': return '\n';
                case 't': return '\t';
                case 'r': return '\r';
                case '0': return '\0';
                default: return c;
            }
        }

        private void skipSpaces() {
            while (i < s.length() && s.charAt(i) == ' ') {
                i++;
            }
        }

        IllegalArgumentException error(String expected) {
            String found = i < s.length() ? "'" + s.charAt(i) + "'" : "the end";
            return new IllegalArgumentException("expected " + expected + " at position " + (i + 1) + ", found " + found);
        }
    }
}
