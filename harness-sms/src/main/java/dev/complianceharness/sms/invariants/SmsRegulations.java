package dev.complianceharness.sms.invariants;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.invariant.Confidence;
import dev.complianceharness.invariant.Regulation;
import java.time.LocalDate;
import org.apiguardian.api.API;

/**
 * The regulations the SMS invariants cite beyond the rule packs: revocation of consent; and the state frequency
 * caps, which the shipped pack states as cap rules with the same citations (the module takes its caps from the
 * pack), kept here for teams that cite them in their own invariants. Facts and confidence from the project's
 * contact-windows research (November 2026).
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class SmsRegulations {

    /**
     * 47 CFR 64.1200(a)(10)–(12), the FCC's 2024 revocation-of-consent rules: a STOP reply revokes consent, and a
     * sender may answer it with one confirmation text.
     */
    public static final Regulation TCPA_REVOCATION_OF_CONSENT = Regulation.builder("us-fcc-64.1200-a10-a12")
            .title("TCPA: revocation of consent and the one-time confirmation text")
            .citation("47 CFR 64.1200(a)(10)-(12)")
            .jurisdiction("US")
            .source("https://www.ecfr.gov/current/title-47/chapter-I/subchapter-B/part-64/subpart-L/section-64.1200")
            .confidence(Confidence.MEDIUM)
            .build();

    /** Florida Telephone Solicitation Act, Fla. Stat. 501.616(6): at most 3 calls or texts per 24 hours. */
    public static final Regulation FLORIDA_FREQUENCY_CAP = Regulation.builder("us-fl-501.616-6-cap")
            .title("Florida: at most 3 telephonic sales calls or texts per 24 hours on the same subject")
            .citation("Fla. Stat. 501.616(6)")
            .jurisdiction("US-FL")
            .source("http://www.leg.state.fl.us/statutes/index.cfm?App_mode=Display_Statute&URL=0500-0599/0501/Sections/0501.616.html")
            .effectiveFrom(LocalDate.of(2021, 7, 1))
            .confidence(Confidence.HIGH)
            .build();

    /** Oklahoma Telephone Solicitation Act of 2022, 15 O.S. § 775C.4: at most 3 per 24 hours. */
    public static final Regulation OKLAHOMA_FREQUENCY_CAP = Regulation.builder("us-ok-775c.4-cap")
            .title("Oklahoma: at most 3 commercial telephonic sales calls or texts per 24 hours")
            .citation("15 O.S. § 775C.4")
            .jurisdiction("US-OK")
            .withoutSource("The official text on oscn.net was not located in the sources searched (November 2026); the"
                    + " cap is read from unofficial copies of the statute (Justia, self-law.org), which agree")
            .effectiveFrom(LocalDate.of(2022, 11, 1))
            .confidence(Confidence.MEDIUM)
            .build();

    /** Maryland Stop the Spam Calls Act of 2023 (SB 90): at most 3 calls or texts per 24 hours. */
    public static final Regulation MARYLAND_FREQUENCY_CAP = Regulation.builder("us-md-sb90-2023-cap")
            .title("Maryland: at most 3 telephone solicitations per 24 hours on the same subject")
            .citation("Md. Stop the Spam Calls Act of 2023 (SB 90), Com. Law § 14-4501 ff. (code section uncertain)")
            .jurisdiction("US-MD")
            .source("https://mgaleg.maryland.gov/mgawebsite/Legislation/Details/sb0090?ys=2023RS")
            .effectiveFrom(LocalDate.of(2024, 1, 1))
            .confidence(Confidence.HIGH)
            .build();

    private SmsRegulations() {
    }
}
