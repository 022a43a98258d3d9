package io.jsnooper.it.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON reader (RFC 8259) for checking JSON Lines traces, written apart from the agent's own
 * so that the two can't share a mistake: any deviation throws with the column.
 */
public final class TraceJson {

    private final String s;
    private int i;

    private TraceJson(String s) {
        this.s = s;
    }

    /** The one JSON object on {@code line}, or an exception saying why it isn't one. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(String line) {
        TraceJson p = new TraceJson(line);
        Object value = p.value();
        p.ws();
        if (p.i != line.length() || !(value instanceof Map)) {
            throw p.error("not exactly one object");
        }
        return (Map<String, Object>) value;
    }

    private Object value() {
        ws();
        if (i >= s.length()) {
            throw error("end of line");
        }
        char c = s.charAt(i);
        if (c == '{') {
            Map<String, Object> map = new LinkedHashMap<>();
            i++;
            ws();
            if (eat('}')) {
                return map;
            }
            do {
                ws();
                if (i >= s.length() || s.charAt(i) != '"') {
                    throw error("name expected");
                }
                String key = string();
                ws();
                expect(':');
                if (map.put(key, value()) != null) {
                    throw error("duplicate name " + key);
                }
                ws();
            } while (eat(','));
            expect('}');
            return map;
        }
        if (c == '[') {
            List<Object> list = new ArrayList<>();
            i++;
            ws();
            if (eat(']')) {
                return list;
            }
            do {
                list.add(value());
                ws();
            } while (eat(','));
            expect(']');
            return list;
        }
        if (c == '"') {
            return string();
        }
        for (String word : new String[] {"true", "false", "null"}) {
            if (s.startsWith(word, i)) {
                i += word.length();
                return word.equals("null") ? null : Boolean.valueOf(word);
            }
        }
        java.util.regex.Matcher number = java.util.regex.Pattern
                .compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?").matcher(s).region(i, s.length());
        if (number.lookingAt()) {
            i = number.end();
            return new java.math.BigDecimal(number.group());
        }
        throw error("unexpected " + c);
    }

    private String string() {
        StringBuilder sb = new StringBuilder();
        i++;
        while (true) {
            if (i >= s.length()) {
                throw error("unterminated string");
            }
            char c = s.charAt(i++);
            if (c == '"') {
                return sb.toString();
            }
            if (c < 0x20) {
                throw error("raw control character");
            }
            if (c == '\\') {
                char e = s.charAt(i++);
                int at = "\"\\/bfnrt".indexOf(e);
                if (at >= 0) {
                    sb.append("\"\\/\b\f\n\r\t".charAt(at));
                } else if (e == 'u') {
                    sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                    i += 4;
                } else {
                    throw error("bad escape");
                }
            } else {
                sb.append(c);
            }
        }
    }

    private void ws() {
        while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
    }

    private boolean eat(char c) {
        if (i < s.length() && s.charAt(i) == c) {
            i++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!eat(c)) {
            throw error("'" + c + "' expected");
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at column " + (i + 1) + " of: " + s);
    }
}
