package dev.complianceharness.mask.internal;

import dev.complianceharness.mask.PiiKind;
import dev.complianceharness.mask.RedactionPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The personal values the harness knows of — fields of recorded events, canaries, generated PII, fields
 * annotated {@code @Pii}, leaks the detectors found — and the search that replaces each of them, in every
 * form {@link ValueForms} lists, by its token. Values are kept for the whole run, so that the report
 * written at its end is redacted as every message was.
 *
 * <p>Thread-safe, and built to stay fast with tens of thousands of values (a property registers what each try
 * draws): a text form is looked up by the first word it holds, at each word of the text; a number by each
 * window of a known length over each number in the text. Registering never rebuilds anything.
 */
public final class KnownValues {

    private final RedactionPolicy policy;
    private final Map<String, Entry> byKey = new ConcurrentHashMap<>();
    private final Map<String, Anchored[]> caseless = new ConcurrentHashMap<>();
    private final Map<String, Anchored[]> exact = new ConcurrentHashMap<>();
    private final Map<String, Anchored> digits = new ConcurrentHashMap<>();
    private final Map<String, Anchored> alphanumeric = new ConcurrentHashMap<>();
    private final Set<Integer> digitLengths = ConcurrentHashMap.newKeySet();
    private final Set<Integer> alphanumericLengths = ConcurrentHashMap.newKeySet();
    private volatile int[] sortedDigitLengths = new int[0];
    private volatile int[] sortedAlphanumericLengths = new int[0];

    /**
     * @param policy what tokens show
     */
    public KnownValues(RedactionPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** A known value. */
    private static final class Entry {
        final PiiKind kind;
        final String value;
        private volatile String token;

        Entry(PiiKind kind, String value) {
            this.kind = kind;
            this.value = value;
        }
    }

    /**
     * A form with the value it belongs to and where its first word starts in it.
     *
     * @param entry  the value
     * @param form   the form
     * @param anchor where the word it is looked up by starts in the pattern
     */
    private record Anchored(Entry entry, ValueForms.Form form, int anchor) {
    }

    /**
     * Registers a value; registering it again changes nothing.
     *
     * @param kind  its kind
     * @param value the value
     * @return its token
     */
    public String register(PiiKind kind, String value) {
        String key = kind.name() + '\u0000' + ValueForms.canonical(kind, value);
        Entry known = byKey.get(key);
        if (known == null) {
            known = byKey.computeIfAbsent(key, k -> {
                Entry entry = new Entry(kind, value);
                ValueForms.of(kind, value).forEach(form -> index(entry, form));
                return entry;
            });
        }
        return token(known);
    }

    /** @return how many values are known */
    public int size() {
        return byKey.size();
    }

    private void index(Entry entry, ValueForms.Form form) {
        String pattern = form.pattern();
        switch (form.projection()) {
            case CASELESS, EXACT -> {
                int start = 0;
                while (start < pattern.length() && !Character.isLetterOrDigit(pattern.charAt(start))) {
                    start++;
                }
                if (start == pattern.length()) {
                    return;
                }
                int end = start;
                while (end < pattern.length() && Character.isLetterOrDigit(pattern.charAt(end))) {
                    end++;
                }
                Anchored anchored = new Anchored(entry, form, start);
                (form.projection() == Projection.Kind.CASELESS ? caseless : exact).merge(pattern.substring(start, end),
                        new Anchored[] {anchored}, KnownValues::concat);
            }
            case DIGITS -> {
                digits.putIfAbsent(pattern, new Anchored(entry, form, 0));
                if (digitLengths.add(pattern.length())) {
                    sortedDigitLengths = sorted(digitLengths);
                }
            }
            case ALPHANUMERIC -> {
                alphanumeric.putIfAbsent(pattern, new Anchored(entry, form, 0));
                if (alphanumericLengths.add(pattern.length())) {
                    sortedAlphanumericLengths = sorted(alphanumericLengths);
                }
            }
        }
    }

    private static Anchored[] concat(Anchored[] known, Anchored[] added) {
        Anchored[] joined = Arrays.copyOf(known, known.length + added.length);
        System.arraycopy(added, 0, joined, known.length, added.length);
        return joined;
    }

    private static synchronized int[] sorted(Set<Integer> lengths) {
        return lengths.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    private String token(Entry entry) {
        String token = entry.token;
        if (token == null) {
            token = Tokens.of(entry.kind, entry.value, policy);
            entry.token = token;
        }
        return token;
    }

    /**
     * Replaces every known value in a text, in any of its forms, by its token.
     *
     * @param text the text
     * @return the text with known values replaced; the same instance when none occurs
     */
    public String replace(String text) {
        if (text.isEmpty() || byKey.isEmpty()) {
            return text;
        }
        List<Span> spans = new ArrayList<>();
        if (!caseless.isEmpty()) {
            findWords(text, Projection.of(Projection.Kind.CASELESS, text), caseless, spans);
        }
        if (!exact.isEmpty()) {
            findWords(text, Projection.of(Projection.Kind.EXACT, text), exact, spans);
        }
        if (!digits.isEmpty()) {
            findNumbers(text, Projection.of(Projection.Kind.DIGITS, text), digits, sortedDigitLengths, spans);
        }
        if (!alphanumeric.isEmpty()) {
            findNumbers(text, Projection.of(Projection.Kind.ALPHANUMERIC, text), alphanumeric, sortedAlphanumericLengths,
                    spans);
        }
        return spans.isEmpty() ? text : substitute(text, spans);
    }

    private static void findWords(String text, Projection projection, Map<String, Anchored[]> index, List<Span> spans) {
        String projected = projection.text();
        int n = projected.length();
        int i = 0;
        while (i < n) {
            if (!Character.isLetterOrDigit(projected.charAt(i))) {
                i++;
                continue;
            }
            int end = i;
            while (end < n && Character.isLetterOrDigit(projected.charAt(end))) {
                end++;
            }
            Anchored[] candidates = index.get(projected.substring(i, end));
            if (candidates != null) {
                for (Anchored candidate : candidates) {
                    String pattern = candidate.form().pattern();
                    int start = i - candidate.anchor();
                    if (start >= 0 && projected.regionMatches(start, pattern, 0, pattern.length())) {
                        add(spans, text, projection, candidate, start, start + pattern.length());
                    }
                }
            }
            i = end;
        }
    }

    private static void findNumbers(String text, Projection projection, Map<String, Anchored> index, int[] lengths,
                                    List<Span> spans) {
        String projected = projection.text();
        int n = projected.length();
        int groupStart = 0;
        while (groupStart < n) {
            int groupEnd = projected.indexOf(Projection.GROUP_BREAK, groupStart);
            if (groupEnd < 0) {
                groupEnd = n;
            }
            for (int length : lengths) {
                if (length > groupEnd - groupStart) {
                    break;
                }
                for (int at = groupStart; at + length <= groupEnd; at++) {
                    Anchored found = index.get(projected.substring(at, at + length));
                    if (found != null) {
                        add(spans, text, projection, found, at, at + length);
                    }
                }
            }
            groupStart = groupEnd + 1;
        }
    }

    /** An occurrence of a known value in the original text. */
    private record Span(int start, int end, Entry entry) {
    }

    private static void add(List<Span> spans, String text, Projection projection, Anchored found, int start, int end) {
        ValueForms.Form form = found.form();
        int from = projection.start(start);
        int to = projection.end(end);
        if (!within(form.boundary(), text, from, to)) {
            return;
        }
        if (form.projection() == Projection.Kind.DIGITS || form.projection() == Projection.Kind.ALPHANUMERIC) {
            int open = 0;
            for (int i = from; i < to; i++) {
                open += text.charAt(i) == '(' ? 1 : text.charAt(i) == ')' ? -1 : 0;
            }
            if (open < 0 && from > 0 && text.charAt(from - 1) == '(') {
                from--;
            }
            while (from > 0 && (text.charAt(from - 1) == '+' || text.charAt(from - 1) == '\uff0b')) {
                from--;
            }
            if (open > 0 && to < text.length() && text.charAt(to) == ')') {
                to++;
            }
        }
        spans.add(new Span(from, to, found.entry()));
    }

    private static boolean within(ValueForms.Boundary boundary, String text, int start, int end) {
        return switch (boundary) {
            case ANYWHERE -> true;
            case WORD -> (start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1)))
                    && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)));
            case ADDRESS -> (start == 0 || !isAddressChar(text.charAt(start - 1)))
                    && (end == text.length() || !isAddressChar(text.charAt(end)) || text.charAt(end) == '.'
                    && (end + 1 == text.length() || !Character.isLetterOrDigit(text.charAt(end + 1))));
        };
    }

    private static boolean isAddressChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '+' || c == '-';
    }

    /** Replaces the spans, uniting overlapping ones under the token of the longest. */
    private String substitute(String text, List<Span> spans) {
        spans.sort(Comparator.comparingInt(Span::start).thenComparing(Comparator.comparingInt(Span::end).reversed()));
        StringBuilder out = new StringBuilder(text.length());
        int position = 0;
        int i = 0;
        while (i < spans.size()) {
            Span first = spans.get(i);
            int end = first.end();
            Span longest = first;
            i++;
            while (i < spans.size() && spans.get(i).start() < end) {
                Span next = spans.get(i);
                if (next.end() - next.start() > longest.end() - longest.start()) {
                    longest = next;
                }
                end = Math.max(end, next.end());
                i++;
            }
            out.append(text, position, first.start()).append(token(longest.entry()));
            position = end;
        }
        return out.append(text, position, text.length()).toString();
    }
}
