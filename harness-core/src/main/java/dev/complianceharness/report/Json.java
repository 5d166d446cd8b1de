package dev.complianceharness.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.complianceharness.mask.Redaction;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The harness's one JSON writer, shared by the compliance report, the aggregate report and the audit: objects
 * are built from ordered maps of plain values, lists, maps and optionals. What the harness writes as a file
 * goes through {@link #writeRedacted(Object)}, which passes every text through the redaction boundary.
 */
@API(status = INTERNAL, since = "0.1.0")
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
        append(out, value, 0, false);
        return out.append('\n').toString();
    }

    /**
     * Writes a value as indented JSON, every text in it — values and keys — passed through the redaction boundary
     * ({@link Redaction#redact(CharSequence)}), except texts wrapped as {@link Verbatim}. Numbers and booleans are
     * written as they are.
     *
     * <pre>{@code
     * Json.writeRedacted(Map.of("test", displayName, "seed", new Json.Verbatim(Long.toString(seed))));
     * }</pre>
     *
     * @param value a map, collection, optional, string, number, boolean or null
     * @return the JSON text, ending in a newline
     */
    public static String writeRedacted(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, value, 0, true);
        return out.append('\n').toString();
    }

    /**
     * A text the harness itself wrote and knows holds nothing personal, which {@link #writeRedacted(Object)} writes
     * as it is: a 64-bit seed kept as text so that no JSON reader rounds it.
     *
     * @param text the text
     */
    public record Verbatim(String text) {

        /** Checks that there is a text. */
        public Verbatim {
            Objects.requireNonNull(text, "text");
        }
    }

    private static void append(StringBuilder out, Object value, int depth, boolean redact) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Optional<?> optional) {
            append(out, optional.orElse(null), depth, redact);
        } else if (value instanceof Verbatim verbatim) {
            out.append(quote(verbatim.text()));
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            appendObject(out, map, depth, redact);
        } else if (value instanceof Collection<?> list) {
            appendArray(out, list, depth, redact);
        } else {
            String text = value.toString();
            out.append(quote(redact ? Redaction.redact(text) : text));
        }
    }

    private static void appendObject(StringBuilder out, Map<?, ?> map, int depth, boolean redact) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        String separator = "\n";
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            out.append(separator).append("  ".repeat(depth + 1)).append(quote(redact ? Redaction.redact(key) : key)).append(": ");
            append(out, entry.getValue(), depth + 1, redact);
            separator = ",\n";
        }
        out.append('\n').append("  ".repeat(depth)).append('}');
    }

    private static void appendArray(StringBuilder out, Collection<?> list, int depth, boolean redact) {
        if (list.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        String separator = "\n";
        for (Object item : list) {
            out.append(separator).append("  ".repeat(depth + 1));
            append(out, item, depth + 1, redact);
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
