package dev.complianceharness.mask;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.mask.internal.KnownValues;
import dev.complianceharness.mask.internal.PatternMasker;
import dev.complianceharness.mask.internal.PersonalFields;
import dev.complianceharness.mask.internal.RedactedTexts;
import dev.complianceharness.mask.internal.TypedRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The one redaction boundary: every text the harness writes — failure messages and their causes, property
 * failures, report files, stdout lines, stored failures, audit output — passes through it, and every value
 * shown in a message is rendered by it.
 *
 * <p><b>By type first.</b> The harness registers the personal values it knows of as a test runs: the fields
 * of recorded events and of any object annotated {@link Pii}, canaries, values its PII generators draw, and
 * leaks its detectors find. Each is redacted wherever it appears, in every form the canary search knows (case
 * changed, URL-encoded, Base64, a number reformatted or without separators, an IBAN with spaces, an e-mail's
 * local part, a name reordered). <b>Then by pattern</b>, for text nobody declared: e-mail addresses (also
 * URL-encoded), IBANs, keys and tokens, and long numbers in any script and with any separator.
 *
 * <p><b>Not more than needed.</b> A redacted value becomes a token naming its kind, what the
 * {@link RedactionPolicy} lets show, and a short hash that is the same for one value throughout the run and
 * differs between values: {@code <phone +1 305 …47 #3f2a>}, {@code <email …@example.com #0b71>},
 * {@code <card …4242 #9c0e>}. Amounts, counts, seeds, timestamps, rule ids, citations and a phone number's
 * country and area code stay readable. The hash is keyed with a secret drawn for each JVM, so it cannot be
 * reversed by trying numbers; tokens therefore differ between JVMs.
 *
 * <pre>{@code
 * // an event type: annotate what is personal, and describe it through the boundary
 * public record CallbackRequested(Instant instant, @Pii(PiiKind.PHONE) String number) implements RecordedEvent {
 *     public String describeMasked() {
 *         return "CallbackRequested[" + Redaction.token(PiiKind.PHONE, number) + " at " + instant + "]";
 *     }
 * }
 * // any other text the harness writes
 * String safe = Redaction.redact("no consent from +1 305-555-0147 before the message");
 * // -> "no consent from <phone +1 305 …47 #3f2a> before the message"
 * }</pre>
 *
 * <p>Known values are kept for the whole run (the report is written at its end); registering and redacting are
 * thread-safe.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class Redaction {

    private static final Pattern EMAIL_IN_CONTACT = Pattern.compile("[^\\s<>()\"',;]+@[^\\s<>()\"',;]+");

    private Redaction() {
    }

    /** The run's boundary, built when first used so that the policy is read from the run's configuration. */
    private static final class Boundary {
        static final RedactionPolicy POLICY = policy();
        static final KnownValues KNOWN = new KnownValues(POLICY);
        static final Set<String> PUBLISHED = ConcurrentHashMap.newKeySet();
        static final PatternMasker PATTERNS = new PatternMasker(POLICY, PUBLISHED::contains);
        static final TypedRenderer RENDERER = new TypedRenderer(Redaction::redact, Redaction::token);
        static final RedactedTexts REDACTED = new RedactedTexts();

        private static RedactionPolicy policy() {
            RedactionPolicy policy = RedactionPolicy.fromConfiguration();
            for (String problem : policy.problems()) {
                System.err.println("[compliance-harness] redaction policy: " + problem);
            }
            return policy;
        }
    }

    /**
     * Redacts a text: every known personal value by its token, then whatever looks personal.
     *
     * @param text any text; null gives null
     * @return the text safe to write; redacting it again changes nothing
     */
    public static String redact(CharSequence text) {
        if (text == null) {
            return null;
        }
        // the known values and the published contacts only grow: their sizes say when a remembered result is stale
        long state = ((long) Boundary.KNOWN.size() << 32) | Boundary.PUBLISHED.size();
        return Boundary.REDACTED.redact(text.toString(), state, Redaction::redactNow);
    }

    private static String redactNow(String text) {
        return Boundary.PATTERNS.mask(Boundary.KNOWN.replace(text));
    }

    /**
     * Renders a value for a message, redacted by its type: see the class description.
     *
     * @param value any value, null included
     * @return its rendering, for example {@code Customer[id=c-17, email=<email …@example.com #0b71>]}
     */
    public static String render(Object value) {
        return Boundary.RENDERER.render(value);
    }

    /**
     * The token for a value known to be personal, which is registered so that it is redacted wherever else
     * it appears.
     *
     * @param kind  its kind
     * @param value the value; null gives {@code "null"}
     * @return its token, such as {@code <phone +1 305 …47 #3f2a>}
     */
    public static String token(PiiKind kind, String value) {
        Objects.requireNonNull(kind, "kind");
        return value == null ? "null" : Boundary.KNOWN.register(kind, value);
    }

    /**
     * Registers a value known to be personal: from then on it is redacted wherever it appears in the harness's
     * output, in any of its forms.
     *
     * @param kind  its kind
     * @param value the value; null is ignored
     * @return the value, so that a generator can register what it draws: {@code .map(v -> Redaction.register(PHONE, v))}
     */
    public static String register(PiiKind kind, String value) {
        Objects.requireNonNull(kind, "kind");
        if (value != null && !value.isBlank()) {
            Boundary.KNOWN.register(kind, value);
        }
        return value;
    }

    /**
     * Registers the values of an object annotated {@link Pii} — record components, fields, accessors — and
     * those of the records and objects it holds.
     *
     * @param value any object, such as a recorded event; null is ignored
     * @return what could not be read: one line per member that may hold personal data but could not be opened or
     *         read (its values are then redacted by shape only), for the caller to report as a warning; empty when
     *         everything was read
     */
    public static List<String> registerPersonalFields(Object value) {
        if (value == null) {
            return List.of();
        }
        List<String> unreadable = new ArrayList<>(0);
        PersonalFields.forEach(value, Redaction::register, line -> {
            if (!unreadable.contains(line)) {
                unreadable.add(line);
            }
        });
        return unreadable;
    }

    /**
     * Marks the e-mail addresses in a published contact — an invariant's or a zone's owner — as meant to be
     * read: the pattern masker leaves them as they are. A value also registered as personal is still redacted.
     *
     * @param contact a contact as declared, such as {@code "privacy-team <privacy@example.com>"}; null is ignored
     * @return the contact
     */
    public static String published(String contact) {
        if (contact != null) {
            Matcher matcher = EMAIL_IN_CONTACT.matcher(contact);
            while (matcher.find()) {
                Boundary.PUBLISHED.add(matcher.group().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return contact;
    }

    /** @return the run's policy: what tokens show, and where it was configured */
    public static RedactionPolicy policy() {
        return Boundary.POLICY;
    }
}
