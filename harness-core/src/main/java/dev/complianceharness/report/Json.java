package dev.complianceharness.report;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The harness's one JSON writer, shared by the compliance report, the aggregate report and the audit: objects
 * are built from ordered maps of plain values, lists, maps and optionals.
 */
public final class Json {

    private Json() {
    }

    /**
     * Writes a value as indented JSON.
     *
     * @param value a map, collection, optional, string, number, boolean or null
     * @return the JSON text, ending in a newline
     */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, value, 0);
        return out.append('\n').toString();
    }

    private static void append(StringBuilder out, Object value, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Optional<?> optional) {
            append(out, optional.orElse(null), depth);
        } else if (value instanceof String text) {
            out.append(quote(text));
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            appendObject(out, map, depth);
        } else if (value instanceof Collection<?> list) {
            appendArray(out, list, depth);
        } else {
            out.append(quote(value.toString()));
        }
    }

    private static void appendObject(StringBuilder out, Map<?, ?> map, int depth) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        String separator = "\n";
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            out.append(separator).append("  ".repeat(depth + 1)).append(quote(String.valueOf(entry.getKey()))).append(": ");
            append(out, entry.getValue(), depth + 1);
            separator = ",\n";
        }
        out.append('\n').append("  ".repeat(depth)).append('}');
    }

    private static void appendArray(StringBuilder out, Collection<?> list, int depth) {
        if (list.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        String separator = "\n";
        for (Object item : list) {
            out.append(separator).append("  ".repeat(depth + 1));
            append(out, item, depth + 1);
            separator = ",\n";
        }
        out.append('\n').append("  ".repeat(depth)).append(']');
    }

    /**
     * Quotes a string as a JSON string literal.
     *
     * @param text the string
     * @return the literal, with quotes, backslashes and control characters escaped
     */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
