package dev.complianceharness.pii;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.mask.PiiKind;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Which partial masks of a planted value are allowed in output. A mask that reveals more than allowed — a
 * card shown as {@code 411111******1111}, an e-mail as {@code cosima.d***@example.com} — is a leak; one
 * within policy — {@code ************1111}, {@code c***@example.com} — is not.
 *
 * <p>Defaults: numbers (card, phone, SSN, IBAN) may show their last 4 digits, an e-mail address the first
 * character of its local part and its domain, names nothing.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class MaskedForms {

    private static final MaskedForms DEFAULTS = new MaskedForms(defaultTrailing(), 1);

    private final Map<PiiKind, Integer> trailingDigits;
    private final int emailLocalPartPrefix;

    private MaskedForms(Map<PiiKind, Integer> trailingDigits, int emailLocalPartPrefix) {
        this.trailingDigits = Map.copyOf(trailingDigits);
        this.emailLocalPartPrefix = emailLocalPartPrefix;
    }

    /** @return the default policy */
    public static MaskedForms defaults() {
        return DEFAULTS;
    }

    /**
     * @param kind   a numeric kind: card, phone, SSN or IBAN
     * @param digits how many trailing digits a mask may show, 0 for none
     * @return a policy with that changed
     * @throws IllegalArgumentException for other kinds or a negative count
     */
    public MaskedForms revealingLastDigits(PiiKind kind, int digits) {
        Objects.requireNonNull(kind, "kind");
        if (kind != PiiKind.CARD && kind != PiiKind.PHONE && kind != PiiKind.SSN && kind != PiiKind.IBAN) {
            throw new IllegalArgumentException("revealingLastDigits applies to CARD, PHONE, SSN and IBAN, not " + kind);
        }
        if (digits < 0) {
            throw new IllegalArgumentException("A mask cannot reveal " + digits + " digits; use 0 to allow none");
        }
        Map<PiiKind, Integer> changed = new EnumMap<>(trailingDigits);
        changed.put(kind, digits);
        return new MaskedForms(changed, emailLocalPartPrefix);
    }

    /**
     * @param characters how many leading characters of an e-mail's local part a mask may show
     * @return a policy with that changed
     */
    public MaskedForms revealingEmailPrefix(int characters) {
        if (characters < 0) {
            throw new IllegalArgumentException("A mask cannot reveal " + characters + " characters; use 0 to allow none");
        }
        return new MaskedForms(trailingDigits, characters);
    }

    /**
     * @param kind a kind
     * @return how many trailing digits a mask of that kind may show; 0 for kinds without digits
     */
    public int allowedTrailingDigits(PiiKind kind) {
        return trailingDigits.getOrDefault(kind, 0);
    }

    /** @return how many leading characters of an e-mail's local part a mask may show */
    public int allowedEmailPrefix() {
        return emailLocalPartPrefix;
    }

    private static Map<PiiKind, Integer> defaultTrailing() {
        Map<PiiKind, Integer> trailing = new EnumMap<>(PiiKind.class);
        trailing.put(PiiKind.CARD, 4);
        trailing.put(PiiKind.PHONE, 4);
        trailing.put(PiiKind.SSN, 4);
        trailing.put(PiiKind.IBAN, 4);
        return trailing;
    }

    @Override
    public String toString() {
        return "MaskedForms[last digits " + trailingDigits + ", e-mail prefix " + emailLocalPartPrefix + "]";
    }
}
