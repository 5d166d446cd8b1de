package dev.complianceharness.mask.internal;

import dev.complianceharness.mask.PiiKind;
import dev.complianceharness.mask.RedactionPolicy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The personal values the harness knows of — fields of recorded events, canaries, generated PII, fields
 * annotated {@code @Pii}, leaks the detectors found — and the search that replaces each of them, in every
 * form {@link ValueForms} lists, by its token. Values are kept for the whole run, so that the report
 * written at its end is redacted as every message was.
 *
 * <p>Thread-safe. The search runs one automaton per projection over the values known when it was last
 * built, and looks for values registered since with a plain search until there are enough of them to
 * rebuild; registering therefore costs little even while a property registers a value per try.
 */
public final class KnownValues {

    /** Forms registered since the last build above which the automata are rebuilt. */
    private static final int REBUILD_AFTER_FORMS = 64;

    private final RedactionPolicy policy;
    private final Map<String, Entry> byKey = new HashMap<>();
    private final List<Entry> entries = new ArrayList<>();
    private volatile Snapshot snapshot = Snapshot.EMPTY;
    private final Object buildLock = new Object();

    /**
     * @param policy what tokens show
     */
    public KnownValues(RedactionPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** A known value. */
    static final class Entry {
        final PiiKind kind;
        final String value;
        final List<ValueForms.Form> forms;
        private volatile String token;

        Entry(PiiKind kind, String value, List<ValueForms.Form> forms) {
            this.kind = kind;
            this.value = value;
            this.forms = forms;
        }
    }

    /**
     * Registers a value; registering it again changes nothing.
     *
     * @param kind  its kind
     * @param value the value
     * @return its token
     */
    public String register(PiiKind kind, String value) {
        return token(entry(kind, value));
    }

    /** @return how many values are known */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private Entry entry(PiiKind kind, String value) {
        String key = kind.name() + '\u0000' + ValueForms.canonical(kind, value);
        synchronized (entries) {
            Entry known = byKey.get(key);
            if (known != null) {
                return known;
            }
        }
        Entry created = new Entry(kind, value, ValueForms.of(kind, value));
        synchronized (entries) {
            Entry raced = byKey.putIfAbsent(key, created);
            if (raced != null) {
                return raced;
            }
            entries.add(created);
            return created;
        }
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
        if (text.isEmpty()) {
            return text;
        }
        Snapshot current = snapshot;
        List<Entry> pending;
        synchronized (entries) {
            if (entries.isEmpty()) {
                return text;
            }
            pending = entries.size() == current.entries ? List.of() : List.copyOf(entries.subList(current.entries, entries.size()));
        }
        if (formCount(pending) > REBUILD_AFTER_FORMS) {
            current = rebuild();
            synchronized (entries) {
                pending = List.copyOf(entries.subList(current.entries, entries.size()));
            }
        }
        List<Span> spans = new ArrayList<>();
        Map<Projection.Kind, Projection> projections = new EnumMap<>(Projection.Kind.class);
        for (Projection.Kind kind : Projection.Kind.values()) {
            Searchable searchable = current.byProjection.get(kind);
            boolean pendingForms = pending.stream().anyMatch(entry -> entry.forms.stream().anyMatch(f -> f.projection() == kind));
            if (searchable == null && !pendingForms) {
                continue;
            }
            Projection projection = projections.computeIfAbsent(kind, k -> Projection.of(k, text));
            String projected = projection.text();
            if (searchable != null) {
                searchable.automaton.search(projected, (pattern, start, end) ->
                        add(spans, text, projection, searchable.forms[pattern], searchable.owners[pattern], start, end));
            }
            for (Entry entry : pending) {
                for (ValueForms.Form form : entry.forms) {
                    if (form.projection() != kind) {
                        continue;
                    }
                    for (int at = projected.indexOf(form.pattern()); at >= 0; at = projected.indexOf(form.pattern(), at + 1)) {
                        add(spans, text, projection, form, entry, at, at + form.pattern().length());
                    }
                }
            }
        }
        if (spans.isEmpty()) {
            return text;
        }
        return substitute(text, spans);
    }

    private static int formCount(List<Entry> entries) {
        int forms = 0;
        for (Entry entry : entries) {
            forms += entry.forms.size();
        }
        return forms;
    }

    private Snapshot rebuild() {
        synchronized (buildLock) {
            List<Entry> all;
            synchronized (entries) {
                all = List.copyOf(entries);
            }
            if (snapshot.entries == all.size()) {
                return snapshot;
            }
            Snapshot built = Snapshot.of(all);
            snapshot = built;
            return built;
        }
    }

    /** An occurrence of a known value in the original text. */
    private record Span(int start, int end, Entry entry) {
    }

    private static void add(List<Span> spans, String text, Projection projection, ValueForms.Form form, Entry entry,
                            int start, int end) {
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
        spans.add(new Span(from, to, entry));
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
            int start = first.start();
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
            out.append(text, position, start).append(token(longest.entry()));
            position = end;
        }
        return out.append(text, position, text.length()).toString();
    }

    /** The automata over the values known when it was built. */
    private static final class Snapshot {
        static final Snapshot EMPTY = new Snapshot(0, new EnumMap<>(Projection.Kind.class));

        final int entries;
        final Map<Projection.Kind, Searchable> byProjection;

        private Snapshot(int entries, Map<Projection.Kind, Searchable> byProjection) {
            this.entries = entries;
            this.byProjection = byProjection;
        }

        static Snapshot of(List<Entry> entries) {
            Map<Projection.Kind, List<ValueForms.Form>> forms = new EnumMap<>(Projection.Kind.class);
            Map<Projection.Kind, List<Entry>> owners = new EnumMap<>(Projection.Kind.class);
            for (Entry entry : entries) {
                for (ValueForms.Form form : entry.forms) {
                    forms.computeIfAbsent(form.projection(), k -> new ArrayList<>()).add(form);
                    owners.computeIfAbsent(form.projection(), k -> new ArrayList<>()).add(entry);
                }
            }
            Map<Projection.Kind, Searchable> byProjection = new EnumMap<>(Projection.Kind.class);
            forms.forEach((kind, list) -> byProjection.put(kind, new Searchable(
                    Automaton.build(list.stream().map(ValueForms.Form::pattern).toList()),
                    list.toArray(ValueForms.Form[]::new), owners.get(kind).toArray(Entry[]::new))));
            return new Snapshot(entries.size(), byProjection);
        }
    }

    /** One projection's automaton with the form and value behind each of its patterns. */
    private record Searchable(Automaton automaton, ValueForms.Form[] forms, Entry[] owners) {
    }
}
