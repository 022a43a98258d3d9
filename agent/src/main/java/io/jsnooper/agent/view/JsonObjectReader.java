package io.jsnooper.agent.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough JSON (RFC 8259) to read one trace line back: an object whose values are strings,
 * numbers (kept as {@link Long} or {@link Double}), booleans, null, arrays or objects. The agent
 * carries no JSON library, and the trace's objects are flat.
 */
final class JsonObjectReader {

    /** Not JSON, or not one object: the message says where. */
    static final class MalformedJsonException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedJsonException(String message) {
            super(message);
        }
    }

    private final String text;
    private int at;

    private JsonObjectReader(String text) {
        this.text = text;
    }

    /** The object {@code line} holds, with nothing but blanks around it. */
    static Map<String, Object> parseObject(String line) throws MalformedJsonException {
        JsonObjectReader reader = new JsonObjectReader(line);
        reader.blanks();
        if (!reader.peek('{')) {
            throw new MalformedJsonException("not a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) reader.value();
        reader.blanks();
        if (reader.at != line.length()) {
            throw new MalformedJsonException("text after the object at column " + (reader.at + 1));
        }
        return object;
    }

    private Object value() throws MalformedJsonException {
        blanks();
        if (at >= text.length()) {
            throw fail("the line ends before the value");
        }
        char c = text.charAt(at);
        switch (c) {
            case '{': return object();
            case '[': return array();
            case '"': return string();
            case 't': return literal("true", Boolean.TRUE);
            case 'f': return literal("false", Boolean.FALSE);
            case 'n': return literal("null", null);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw fail("unexpected '" + c + "'");
        }
    }

    private Map<String, Object> object() throws MalformedJsonException {
        Map<String, Object> object = new LinkedHashMap<>();
        at++; // {
        blanks();
        if (peek('}')) {
            at++;
            return object;
        }
        while (true) {
            blanks();
            if (!peek('"')) {
                throw fail("expected a quoted name");
            }
            String name = string();
            blanks();
            expect(':');
            object.put(name, value());
            blanks();
            if (peek(',')) {
                at++;
            } else {
                expect('}');
                return object;
            }
        }
    }

    private List<Object> array() throws MalformedJsonException {
        List<Object> array = new ArrayList<>();
        at++; // [
        blanks();
        if (peek(']')) {
            at++;
            return array;
        }
        while (true) {
            array.add(value());
            blanks();
            if (peek(',')) {
                at++;
            } else {
                expect(']');
                return array;
            }
        }
    }

    private String string() throws MalformedJsonException {
        StringBuilder sb = new StringBuilder();
        at++; // opening quote
        while (true) {
            if (at >= text.length()) {
                throw fail("the line ends inside a string");
            }
            char c = text.charAt(at++);
            if (c == '"') {
                return sb.toString();
            }
            if (c < 0x20) {
                throw fail("a control character inside a string");
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (at >= text.length()) {
                throw fail("the line ends inside an escape");
            }
            char e = text.charAt(at++);
            switch (e) {
                case '"': case '\\': case '/': sb.append(e); break;
                case 'b': sb.append('\b'); break;
                case 'f': sb.append('\f'); break;
                case 'n': sb.append('\n'); break;
                case 'r': sb.append('\r'); break;
                case 't': sb.append('\t'); break;
                case 'u':
                    if (at + 4 > text.length()) {
                        throw fail("a short \\u escape");
                    }
                    try {
                        sb.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    } catch (NumberFormatException x) {
                        throw fail("a bad \\u escape");
                    }
                    at += 4;
                    break;
                default:
                    throw fail("a bad escape \\" + e);
            }
        }
    }

    private Object number() throws MalformedJsonException {
        int start = at;
        while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
        String digits = text.substring(start, at);
        try {
            if (digits.matches("-?(0|[1-9]\\d*)")) {
                return Long.parseLong(digits);
            }
            if (digits.matches("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?")) {
                return Double.parseDouble(digits);
            }
        } catch (NumberFormatException tooBig) {
            return Double.parseDouble(digits);
        }
        at = start;
        throw fail("a malformed number");
    }

    private Object literal(String word, Object value) throws MalformedJsonException {
        if (!text.startsWith(word, at)) {
            throw fail("unexpected '" + text.charAt(at) + "'");
        }
        at += word.length();
        return value;
    }

    private void expect(char c) throws MalformedJsonException {
        if (!peek(c)) {
            throw fail(at >= text.length() ? "the line ends early, expected '" + c + "'" : "expected '" + c + "'");
        }
        at++;
    }

    private boolean peek(char c) {
        return at < text.length() && text.charAt(at) == c;
    }

    private void blanks() {
        while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
    }

    private MalformedJsonException fail(String what) {
        return new MalformedJsonException(what + " at column " + (at + 1));
    }
}
