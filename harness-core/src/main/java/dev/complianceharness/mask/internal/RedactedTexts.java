package dev.complianceharness.mask.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Remembers the texts already redacted while what redaction depends on stays the same: the report at the end of a
 * launch redacts the same texts (invariant descriptions, rationales, citations, test names) in the partial result, in
 * {@code report.json}, in {@code gate.txt} and in {@code index.html}, and in a cold test JVM each pass runs in the
 * interpreter. Redacting is a function of the text and the run's state (the known personal values and the published
 * contacts, which only grow; the policy and the token key are fixed for the JVM), so a remembered result is the result.
 * The memo is dropped as soon as the state changes. Thread-safe.
 */
public final class RedactedTexts {

    /** Texts longer than this are redacted every time: they are rarely repeated. */
    static final int LONGEST_REMEMBERED = 2_000;
    /** The memo starts over when it holds this many texts. */
    static final int MOST_REMEMBERED = 2_048;

    private volatile Memo memo = new Memo(-1L);

    /** The results for one state of the run. */
    private static final class Memo {
        final long state;
        final Map<String, String> results = new ConcurrentHashMap<>();

        Memo(long state) {
            this.state = state;
        }
    }

    /**
     * Redacts a text, or answers from the memo.
     *
     * @param text   the text
     * @param state  the run's state before redacting: any value that changes whenever a result could change
     * @param redact what redacts the text in that state
     * @return the redacted text
     */
    public String redact(String text, long state, UnaryOperator<String> redact) {
        if (text.length() > LONGEST_REMEMBERED) {
            return redact.apply(text);
        }
        Memo current = memo;
        if (current.state != state || current.results.size() >= MOST_REMEMBERED) {
            current = new Memo(state);
            memo = current;
        }
        String remembered = current.results.get(text);
        if (remembered != null) {
            return remembered;
        }
        String redacted = redact.apply(text);
        current.results.put(text, redacted);
        return redacted;
    }
}
