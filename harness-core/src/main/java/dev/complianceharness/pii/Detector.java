package dev.complianceharness.pii;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.mask.PiiKind;
import org.apiguardian.api.API;

/**
 * The built-in detectors, each with the kind it finds and its base confidence: how likely a match is
 * real personal data (0 to 1). A context word next to a match (such as "phone" or "ssn" within 32
 * characters before it) raises the confidence by {@value #CONTEXT_BOOST}; findings below the scanner's
 * minimum confidence are not reported.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public enum Detector {
    /** E-mail addresses whose top-level domain is in the IANA list shipped with the harness. */
    EMAIL("email", PiiKind.EMAIL, 0.9),
    /**
     * Phone numbers libphonenumber's {@code findNumbers} accepts (leniency VALID) in one of the configured
     * regions: written with separators,
     * parentheses or a {@code +}, or as bare digits next to a context word such as "phone" or "call".
     */
    PHONE("phone", PiiKind.PHONE, 0.6),
    /**
     * Payment card numbers: 13 to 19 digits, a known issuer (IIN) range and a valid Luhn check digit. Bare
     * numbers of unusual length (13, 14, 17-19 digits) count only next to a context word such as "card".
     */
    CARD("card", PiiKind.CARD, 0.95),
    /**
     * US Social Security numbers. Impossible ones (area 000, 666, 900-999, group 00, serial 0000, published samples)
     * count only next to a context word such as "ssn" (confidence 0.7): what a caller typed as their SSN is personal
     * data even when it fails validation.
     */
    SSN("ssn", PiiKind.SSN, 0.85),
    /** IBANs with the registered length of their country and a valid mod-97 checksum, with or without spaces. */
    IBAN("iban", PiiKind.IBAN, 0.95),
    /** AWS access key ids ({@code AKIA...}, {@code ASIA...}). */
    AWS_ACCESS_KEY("aws-access-key", PiiKind.SECRET, 0.95),
    /** PEM private key blocks ({@code -----BEGIN ... PRIVATE KEY-----}). */
    PRIVATE_KEY("private-key", PiiKind.SECRET, 1.0),
    /** JSON Web Tokens: three base64url segments, the first two JSON objects. */
    JWT("jwt", PiiKind.SECRET, 0.9),
    /** High-entropy tokens of 16 or more characters assigned to a keyword ({@code password=}, {@code "token": }) or after {@code Bearer}. */
    SECRET_TOKEN("secret-token", PiiKind.SECRET, 0.75);

    /** How much a context word next to a match raises its confidence. */
    public static final double CONTEXT_BOOST = 0.3;

    private final String id;
    private final PiiKind kind;
    private final double confidence;

    Detector(String id, PiiKind kind, double confidence) {
        this.id = id;
        this.kind = kind;
        this.confidence = confidence;
    }

    /** @return the id used in messages and reports, such as {@code "card"} */
    public String id() {
        return id;
    }

    /** @return the kind of personal data it finds */
    public PiiKind kind() {
        return kind;
    }

    /** @return the base confidence of a match, between 0 and 1 */
    public double confidence() {
        return confidence;
    }
}
