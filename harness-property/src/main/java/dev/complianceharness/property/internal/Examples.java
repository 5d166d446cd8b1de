package dev.complianceharness.property.internal;

import dev.complianceharness.property.Tuple2;
import dev.complianceharness.property.Tuple3;
import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * Renders generated examples for failure messages: with the host's {@link dev.complianceharness.property.spi.ValueRenderer}
 * when one is registered, otherwise strings quoted and escaped, containers element by element; either way redacted.
 */
public final class Examples {

    private static final int MAX_LENGTH = 2_000;

    private Examples() {
    }

    /**
     * Renders a value for output.
     *
     * @param value the value, possibly null
     * @return its redacted rendering, cut after {@value #MAX_LENGTH} characters
     */
    public static String render(Object value) {
        return OutputHooks.render(value, Examples::plain);
    }

    /**
     * Renders a value as the engine does on its own, without redacting it.
     *
     * @param value the value, possibly null
     * @return its rendering, cut after {@value #MAX_LENGTH} characters
     */
    static String plain(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, value);
        if (out.length() > MAX_LENGTH) {
            out.setLength(MAX_LENGTH);
            out.append("… (cut)");
        }
        return out.toString();
    }

    private static void append(StringBuilder out, Object value) {
        if (out.length() > MAX_LENGTH) {
            return;
        }
        if (value instanceof Tuple2<?, ?> pair) {
            appendAll(out, java.util.Arrays.asList(pair.first(), pair.second()).iterator(), '(', ')');
        } else if (value instanceof Tuple3<?, ?, ?> triple) {
            appendAll(out, java.util.Arrays.asList(triple.first(), triple.second(), triple.third()).iterator(), '(', ')');
        } else if (value instanceof CharSequence text) {
            out.append('"');
            escape(out, text);
            out.append('"');
        } else if (value instanceof Character character) {
            out.append('\'');
            escape(out, String.valueOf(character));
            out.append('\'');
        } else if (value instanceof Collection<?> collection) {
            appendAll(out, collection.iterator(), '[', ']');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                append(out, entry.getKey());
                out.append('=');
                append(out, entry.getValue());
            }
            out.append('}');
        } else if (value != null && value.getClass().isArray()) {
            out.append('[');
            for (int i = 0; i < Array.getLength(value); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                append(out, Array.get(value, i));
            }
            out.append(']');
        } else {
            out.append(value);
        }
    }

    private static void appendAll(StringBuilder out, Iterator<?> values, char open, char close) {
        out.append(open);
        boolean first = true;
        while (values.hasNext()) {
            if (!first) {
                out.append(", ");
            }
            first = false;
            append(out, values.next());
        }
        out.append(close);
    }

    private static void escape(StringBuilder out, CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c) && !validSurrogate(text, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }

    private static boolean validSurrogate(CharSequence text, int index) {
        char c = text.charAt(index);
        if (Character.isHighSurrogate(c)) {
            return index + 1 < text.length() && Character.isLowSurrogate(text.charAt(index + 1));
        }
        return index > 0 && Character.isHighSurrogate(text.charAt(index - 1));
    }
}
