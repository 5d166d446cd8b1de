package dev.complianceharness.payments.invariants;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.invariant.Confidence;
import dev.complianceharness.invariant.Regulation;
import java.time.LocalDate;
import org.apiguardian.api.API;

/**
 * The rules the payment invariants enforce. Payment correctness is mostly contract (card-scheme and
 * provider rules) rather than statute; where a statute is cited, it is the one that makes a breach a
 * legal matter for a merchant in that jurisdiction, with the confidence its author has in the mapping.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class PaymentRegulations {

    /**
     * PSD2 Art. 64 and 75: a payment needs the payer's consent for the amount, funds blocked on a card are
     * limited to the amount consented to and released once the exact amount is known. A capture beyond the
     * authorization, after a cancel, or in a wrong currency unit has no consent.
     */
    public static final Regulation PSD2_CONSENT_AND_BLOCKED_FUNDS = Regulation.builder("eu-psd2-64-75")
            .title("PSD2: consent to payment transactions; card funds blocked only for the consented amount")
            .citation("Directive (EU) 2015/2366, Art. 64 and Art. 75")
            .jurisdiction("EU")
            .source("https://eur-lex.europa.eu/eli/dir/2015/2366/oj")
            .effectiveFrom(LocalDate.of(2018, 1, 13))
            .confidence(Confidence.MEDIUM)
            .build();

    /**
     * Regulation Z billing errors: a charge the consumer did not authorise, or a duplicate charge, is a
     * billing error the card issuer must resolve; a retry that charges twice produces one.
     */
    public static final Regulation REG_Z_BILLING_ERRORS = Regulation.builder("us-reg-z-1026-13")
            .title("Regulation Z: billing error resolution (duplicate and unauthorised charges)")
            .citation("12 CFR 1026.13(a)")
            .jurisdiction("US")
            .source("https://www.ecfr.gov/current/title-12/chapter-X/part-1026/subpart-B/section-1026.13")
            .effectiveFrom(LocalDate.of(1981, 4, 1))
            .confidence(Confidence.MEDIUM)
            .build();

    /**
     * Sarbanes-Oxley §404: management maintains internal control over financial reporting; a ledger that
     * does not balance, or refunds beyond what was captured, are failures of that control.
     */
    public static final Regulation SOX_404_INTERNAL_CONTROL = Regulation.builder("us-sox-404")
            .title("Sarbanes-Oxley §404: internal control over financial reporting")
            .citation("15 U.S.C. § 7262")
            .jurisdiction("US")
            .source("https://www.law.cornell.edu/uscode/text/15/7262")
            .effectiveFrom(LocalDate.of(2002, 7, 30))
            .confidence(Confidence.UNCERTAIN)
            .build();

    private PaymentRegulations() {
    }
}
