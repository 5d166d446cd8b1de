package dev.complianceharness.mask.internal;

import dev.complianceharness.mask.PiiKind;
import dev.complianceharness.property.Tuple2;
import dev.complianceharness.property.Tuple3;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The harness's one value renderer: how an example, an argument, a result or an event field is shown in a
 * message. Each value is rendered by its type, so that nothing is redacted more than it needs: strings are
 * quoted and redacted, a record component or field annotated {@code @Pii} (or named like personal data, such as
 * {@code email} or {@code fullName}) becomes its token, numbers stay
 * numbers (grouped by thousands from a million on, which reads better and is never taken for a phone
 * number), containers are rendered element by element, and anything else is its {@code toString()},
 * redacted.
 */
public final class TypedRenderer {

    /** Renderings longer than this are cut. */
    public static final int MAX_LENGTH = 2_000;
    private static final int MAX_DEPTH = 8;
    private static final long GROUPED_FROM = 1_000_000L;

    private final UnaryOperator<String> redactText;
    private final Tokenizer tokenizer;

    /** Turns a personal value into its token, registering it. */
    @FunctionalInterface
    public interface Tokenizer {
        /**
         * @param kind  its kind
         * @param value the value
         * @return its token
         */
        String token(PiiKind kind, String value);
    }

    /**
     * @param redactText redacts free text
     * @param tokenizer  turns a value marked personal into its token
     */
    public TypedRenderer(UnaryOperator<String> redactText, Tokenizer tokenizer) {
        this.redactText = redactText;
        this.tokenizer = tokenizer;
    }

    /**
     * Renders a value.
     *
     * @param value any value, null included
     * @return its redacted rendering, cut after {@value #MAX_LENGTH} characters
     */
    public String render(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, value, 0, Collections.newSetFromMap(new IdentityHashMap<>()));
        if (out.length() > MAX_LENGTH) {
            out.setLength(MAX_LENGTH);
            out.append("\u2026 (cut)");
        }
        return out.toString();
    }

    private void append(StringBuilder out, Object value, int depth, Set<Object> seen) {
        if (out.length() > MAX_LENGTH) {
            return;
        }
        if (value == null) {
            out.append("null");
        } else if (value instanceof CharSequence text) {
            out.append(redactText.apply(quote(text)));
        } else if (value instanceof Character character) {
            out.append(redactText.apply("'" + escape(String.valueOf(character)) + "'"));
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger) {
            out.append(integer(value));
        } else if (value instanceof Number || value instanceof Boolean || value instanceof Enum<?>) {
            out.append(value);
        } else if (depth > MAX_DEPTH || !seen.add(value)) {
            out.append(redactText.apply(value.getClass().getSimpleName() + "[…]"));
        } else {
            appendComposite(out, value, depth, seen);
        }
    }

    private void appendComposite(StringBuilder out, Object value, int depth, Set<Object> seen) {
        if (value instanceof Tuple2<?, ?> pair) {
            appendAll(out, java.util.Arrays.asList(pair.first(), pair.second()).iterator(), '(', ')', depth, seen);
        } else if (value instanceof Tuple3<?, ?, ?> triple) {
            appendAll(out, java.util.Arrays.asList(triple.first(), triple.second(), triple.third()).iterator(), '(', ')',
                    depth, seen);
        } else if (value instanceof Optional<?> optional) {
            if (optional.isEmpty()) {
                out.append("Optional.empty");
            } else {
                out.append("Optional[");
                append(out, optional.get(), depth + 1, seen);
                out.append(']');
            }
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                append(out, entry.getKey(), depth + 1, seen);
                out.append('=');
                append(out, entry.getValue(), depth + 1, seen);
            }
            out.append('}');
        } else if (value instanceof Iterable<?> iterable) {
            appendAll(out, iterable.iterator(), '[', ']', depth, seen);
        } else if (value.getClass().isArray()) {
            out.append('[');
            int length = java.lang.reflect.Array.getLength(value);
            for (int i = 0; i < length && out.length() <= MAX_LENGTH; i++) {
                if (i > 0) {
                    out.append(", ");
                }
                append(out, java.lang.reflect.Array.get(value, i), depth + 1, seen);
            }
            out.append(']');
        } else if (value instanceof Record && generatedToString(value.getClass())) {
            appendRecord(out, (Record) value, depth, seen);
        } else {
            PersonalFields.forEach(value, tokenizer::token);
            out.append(redactText.apply(String.valueOf(value)));
        }
    }

    private void appendRecord(StringBuilder out, Record value, int depth, Set<Object> seen) {
        out.append(value.getClass().getSimpleName()).append('[');
        boolean first = true;
        for (RecordComponent component : value.getClass().getRecordComponents()) {
            if (!first) {
                out.append(", ");
            }
            first = false;
            out.append(component.getName()).append('=');
            Object componentValue;
            try {
                Method accessor = component.getAccessor();
                accessor.setAccessible(true);
                componentValue = accessor.invoke(value);
            } catch (ReflectiveOperationException | RuntimeException unreadable) {
                out.append('?');
                continue;
            }
            Optional<PiiKind> kind = PersonalFields.kindOf(component);
            if (kind.isPresent() && componentValue != null && PersonalFields.isPersonalValue(componentValue)) {
                out.append(tokenizer.token(kind.get(), componentValue.toString()));
            } else {
                append(out, componentValue, depth + 1, seen);
            }
        }
        out.append(']');
    }

    /** javac generates a record's {@code toString()} as {@code public final}; a hand-written one is rarely final. */
    private static boolean generatedToString(Class<?> type) {
        try {
            return Modifier.isFinal(type.getMethod("toString").getModifiers());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private void appendAll(StringBuilder out, Iterator<?> values, char open, char close, int depth, Set<Object> seen) {
        out.append(open);
        boolean first = true;
        while (values.hasNext() && out.length() <= MAX_LENGTH) {
            if (!first) {
                out.append(", ");
            }
            first = false;
            append(out, values.next(), depth + 1, seen);
        }
        out.append(close);
    }

    private static String integer(Object value) {
        BigInteger number = value instanceof BigInteger big ? big : BigInteger.valueOf(((Number) value).longValue());
        if (number.abs().compareTo(BigInteger.valueOf(GROUPED_FROM)) < 0) {
            return number.toString();
        }
        String digits = number.abs().toString();
        StringBuilder grouped = new StringBuilder(number.signum() < 0 ? "-" : "");
        int lead = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        grouped.append(digits, 0, lead);
        for (int i = lead; i < digits.length(); i += 3) {
            grouped.append(',').append(digits, i, i + 3);
        }
        return grouped.toString();
    }

    private static String quote(CharSequence text) {
        return "\"" + escape(text) + "\"";
    }

    private static String escape(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
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
        return out.toString();
    }
}
