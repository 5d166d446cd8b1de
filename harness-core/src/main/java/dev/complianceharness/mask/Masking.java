package dev.complianceharness.mask;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.mask.internal.PatternMasker;
import org.apiguardian.api.API;

/**
 * The harness's first masking entry points, kept so that every caller reaches the one boundary: both
 * delegate to {@link Redaction}. New code calls {@link Redaction} directly, and passes the kind of a value
 * it knows to be personal ({@link Redaction#token(PiiKind, String)}).
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class Masking {

    private Masking() {
    }

    /**
     * Redacts a text; the same as {@link Redaction#redact(CharSequence)}.
     *
     * @param text any text; null gives null
     * @return the text with personal data replaced by tokens
     */
    public static String mask(String text) {
        return Redaction.redact(text);
    }

    /**
     * The token of a value the caller knows to be personal, its kind guessed from its shape (an e-mail address,
     * a card, SSN, IBAN or phone number, otherwise {@link PiiKind#OTHER}); prefer
     * {@link Redaction#token(PiiKind, String)}, which is told the kind.
     *
     * @param value the value; null gives null
     * @return its token, for example {@code <phone +1 305 …47 #3f2a>}
     */
    public static String maskValue(String value) {
        return value == null ? null : Redaction.token(PatternMasker.guessKind(value), value);
    }
}
