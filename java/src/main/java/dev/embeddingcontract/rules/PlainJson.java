package dev.embeddingcontract.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict RFC 8259 parser into plain Java values (Map, List, String, Boolean, BigDecimal, null)
 * and their {@link Json} accessor; JDK only, so the rules build and run without any dependency.
 * Numbers read as Python's json module reads them: integers exactly, anything with a fraction or
 * an exponent as a 64-bit double (kept as its exact binary value; beyond the double range as an
 * infinite Double, which the rules, like the standard keywords' finite bounds, do not take).
 */
public final class PlainJson implements Json<Object> {
    public static final PlainJson INSTANCE = new PlainJson();

    private final String text;
    private int at;

    private PlainJson() {
        this("");
    }

    private PlainJson(String text) {
        this.text = text;
    }

    public static Object parse(String text) {
        PlainJson parser = new PlainJson(text);
        parser.space();
        Object value = parser.value(0);
        parser.space();
        if (parser.at != text.length()) {
            throw parser.error("trailing characters");
        }
        return value;
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("JSON: " + what + " at offset " + at);
    }

    private void space() {
        while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
    }

    private Object value(int depth) {
        if (depth > 512) {
            throw error("nesting too deep");
        }
        if (at >= text.length()) {
            throw error("unexpected end");
        }
        char c = text.charAt(at);
        switch (c) {
            case '{':
                return object(depth);
            case '[':
                return array(depth);
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                return number();
        }
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, at)) {
            throw error("unexpected token");
        }
        at += word.length();
        return value;
    }

    private Map<String, Object> object(int depth) {
        Map<String, Object> out = new LinkedHashMap<>();
        at++;
        space();
        if (at < text.length() && text.charAt(at) == '}') {
            at++;
            return out;
        }
        while (true) {
            space();
            if (at >= text.length() || text.charAt(at) != '"') {
                throw error("expected a key");
            }
            String key = string();
            space();
            expect(':');
            space();
            if (out.containsKey(key)) {
                throw error("duplicate key " + quote(key));
            }
            out.put(key, value(depth + 1));
            space();
            if (at < text.length() && text.charAt(at) == ',') {
                at++;
                continue;
            }
            expect('}');
            return out;
        }
    }

    private List<Object> array(int depth) {
        List<Object> out = new ArrayList<>();
        at++;
        space();
        if (at < text.length() && text.charAt(at) == ']') {
            at++;
            return out;
        }
        while (true) {
            space();
            out.add(value(depth + 1));
            space();
            if (at < text.length() && text.charAt(at) == ',') {
                at++;
                continue;
            }
            expect(']');
            return out;
        }
    }

    private void expect(char c) {
        if (at >= text.length() || text.charAt(at) != c) {
            throw error("expected '" + c + "'");
        }
        at++;
    }

    private String string() {
        StringBuilder out = new StringBuilder();
        at++;
        while (true) {
            if (at >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(at++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw error("control character in string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (at >= text.length()) {
                throw error("unterminated escape");
            }
            char e = text.charAt(at++);
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (at + 4 > text.length()) {
                        throw error("short unicode escape");
                    }
                    out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    at += 4;
                }
                default -> throw error("bad escape");
            }
        }
    }

    private Object number() {
        int start = at;
        if (at < text.length() && text.charAt(at) == '-') {
            at++;
        }
        int digits = at;
        while (at < text.length() && Character.isDigit(text.charAt(at))) {
            at++;
        }
        if (at == digits || (text.charAt(digits) == '0' && at - digits > 1)) {
            throw error("bad number");
        }
        boolean integral = true;
        if (at < text.length() && text.charAt(at) == '.') {
            integral = false;
            at++;
            int fraction = at;
            while (at < text.length() && Character.isDigit(text.charAt(at))) {
                at++;
            }
            if (at == fraction) {
                throw error("bad fraction");
            }
        }
        if (at < text.length() && (text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
            integral = false;
            at++;
            if (at < text.length() && (text.charAt(at) == '+' || text.charAt(at) == '-')) {
                at++;
            }
            int exponent = at;
            while (at < text.length() && Character.isDigit(text.charAt(at))) {
                at++;
            }
            if (at == exponent) {
                throw error("bad exponent");
            }
        }
        String literal = text.substring(start, at);
        if (integral) {
            return new BigDecimal(literal);
        }
        double value = Double.parseDouble(literal);
        if (Double.isInfinite(value)) {
            return value;  // 1e400: infinity, as Python reads it; not a number to the rules
        }
        return new BigDecimal(value);
    }

    /** A JSON string literal. */
    public static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    // --- Json<Object> ----------------------------------------------------------------------

    @Override
    public boolean isArray(Object node) {
        return node instanceof List;
    }

    @Override
    public boolean isObject(Object node) {
        return node instanceof Map;
    }

    @Override
    public int size(Object array) {
        return ((List<?>) array).size();
    }

    @Override
    public Object item(Object array, int index) {
        return ((List<?>) array).get(index);
    }

    @Override
    public Object member(Object node, String key) {
        return node instanceof Map<?, ?> map ? map.get(key) : null;
    }

    @Override
    public boolean isString(Object node) {
        return node instanceof String;
    }

    @Override
    public String string(Object node) {
        return (String) node;
    }

    @Override
    public boolean isBoolean(Object node) {
        return node instanceof Boolean;
    }

    @Override
    public boolean bool(Object node) {
        return (Boolean) node;
    }

    @Override
    public boolean isNumber(Object node) {
        return node instanceof BigDecimal;
    }

    @Override
    public BigDecimal number(Object node) {
        return (BigDecimal) node;
    }
}
