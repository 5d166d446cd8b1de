package dev.complianceharness.pii.internal;

import dev.complianceharness.invariant.Confidence;
import dev.complianceharness.invariant.Invariant;
import dev.complianceharness.invariant.LiabilityTier;
import dev.complianceharness.invariant.Owner;
import dev.complianceharness.invariant.Regulation;
import dev.complianceharness.pii.PiiLeak;
import dev.complianceharness.event.EventTrace;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The invariants {@code @NoPiiInLogs} verifies, as they appear in the compliance report. */
public final class PiiLogInvariants {

    /** The module id the report lists them under. */
    public static final String MODULE_ID = "pii.logs";
    /** The module version. */
    public static final String MODULE_VERSION = "1.1.0";

    private static final Regulation GDPR_INTEGRITY = Regulation.builder("eu-gdpr-art-5-1-f")
            .title("GDPR: integrity and confidentiality of personal data")
            .citation("Regulation (EU) 2016/679, Art. 5(1)(f) and Art. 32(1)(b)")
            .jurisdiction("EU")
            .source("https://eur-lex.europa.eu/eli/reg/2016/679/oj")
            .effectiveFrom(LocalDate.of(2018, 5, 25))
            .confidence(Confidence.MEDIUM)
            .build();

    /** Planted canary values never reach the logs, in any usual transformation. */
    public static final Invariant NO_CANARY_VALUES = Invariant.builder("pii.logs.no-canary-values")
            .description("No planted personal value reaches the logs or standard output, in any usual transformation")
            .regulation(GDPR_INTEGRITY)
            .owner(Owner.of("privacy-engineering"))
            .tier(LiabilityTier.REGULATORY)
            .rationale("Logs are copied to aggregators and kept for months: personal data in them is processed without"
                    + " the controls of the system of record (CWE-532)")
            .forEachEvent(PiiLeak.class, (leak, trace) -> leak.canary() ? Optional.of(canaryReason(leak, trace)) : Optional.empty());

    /** Detectors find no personal data in the logs. */
    public static final Invariant NO_DETECTED_PII = Invariant.builder("pii.logs.no-detected-pii")
            .description("The PII detectors find no personal data or secret in the logs or standard output")
            .regulation(GDPR_INTEGRITY)
            .owner(Owner.of("privacy-engineering"))
            .tier(LiabilityTier.REGULATORY)
            .rationale("A second net for personal data the test did not plant")
            .forEachEvent(PiiLeak.class, (leak, trace) -> leak.canary() ? Optional.empty()
                    : Optional.of(leak.what() + " found personal data in the logs"));

    private PiiLogInvariants() {
    }

    /** @return both invariants */
    public static List<Invariant> all() {
        return List.of(NO_CANARY_VALUES, NO_DETECTED_PII);
    }

    private static String canaryReason(PiiLeak leak, EventTrace trace) {
        String replay = trace.events(CanarySeed.class).stream().findFirst().map(seed -> "; " + seed.replay()).orElse("");
        return "planted value " + leak.what() + " reached the logs (" + leak.transformation() + ")" + replay;
    }

    /** @return the versions of the data the detectors use */
    public static Map<String, String> dataVersions() {
        return Map.of("top-level domains", TopLevelDomains.shipped().version(), "libphonenumber metadata",
                libphonenumberVersion());
    }

    static String libphonenumberVersion() {
        Package phonePackage = com.google.i18n.phonenumbers.PhoneNumberUtil.class.getPackage();
        String version = phonePackage == null ? null : phonePackage.getImplementationVersion();
        return version == null ? "unknown (not in the jar manifest)" : version;
    }
}
