package dev.complianceharness.examples.redaction;

import static dev.complianceharness.examples.redaction.Planted.ADDRESS;
import static dev.complianceharness.examples.redaction.Planted.API_KEY;
import static dev.complianceharness.examples.redaction.Planted.BIRTH_DATE;
import static dev.complianceharness.examples.redaction.Planted.CARD;
import static dev.complianceharness.examples.redaction.Planted.DETECTED_CARD;
import static dev.complianceharness.examples.redaction.Planted.EMAIL;
import static dev.complianceharness.examples.redaction.Planted.IBAN;
import static dev.complianceharness.examples.redaction.Planted.LOGGED_EMAIL;
import static dev.complianceharness.examples.redaction.Planted.LOYALTY;
import static dev.complianceharness.examples.redaction.Planted.NAME;
import static dev.complianceharness.examples.redaction.Planted.PHONE;
import static dev.complianceharness.examples.redaction.Planted.SSN;

import dev.complianceharness.event.RecordedEvent;
import dev.complianceharness.event.RecordingContext;
import dev.complianceharness.event.RecordingPart;
import dev.complianceharness.event.TestClock;
import dev.complianceharness.invariant.Confidence;
import dev.complianceharness.invariant.Invariant;
import dev.complianceharness.invariant.InvariantModule;
import dev.complianceharness.invariant.LiabilityTier;
import dev.complianceharness.invariant.Owner;
import dev.complianceharness.invariant.Regulation;
import dev.complianceharness.junit.ComplianceTest;
import dev.complianceharness.mask.Pii;
import dev.complianceharness.mask.PiiKind;
import dev.complianceharness.pii.CanaryCustomer;
import dev.complianceharness.pii.Canaries;
import dev.complianceharness.pii.NoPiiInLogs;
import dev.complianceharness.property.Gens;
import dev.complianceharness.property.Property;
import dev.complianceharness.property.ReportProperties;
import dev.complianceharness.sms.MessageKind;
import dev.complianceharness.sms.generators.SmsGens;
import dev.complianceharness.sms.invariants.SmsContactRulesModule;
import dev.complianceharness.sms.outbox.SmsOutbox;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failing fixture tests written the way a careless team writes them: personal values in event fields, in a
 * module's messages and its events' descriptions, in warnings, display names, dynamic-test and property names,
 * coverage labels, assertion messages and exception causes, examples drawn from the PII generators, and logs.
 * The conformance test runs them and searches everything the harness wrote for the values.
 */
final class ConformanceFixtures {

    static final long PROPERTY_SEED = -7345553466117766215L;
    static final String RULE_ID = "conformance.no-profile-export";
    static final String CITATION = "Cal. Civ. Code § 1798.100(a)(1)";
    static final String AMOUNT = "12000000 USD minor";
    static final String GROUPED_AMOUNT = "12,000,000";
    static final Instant EVENING_IN_MIAMI = Instant.parse("2025-06-03T00:30:00Z");

    private static final Logger LOG = LoggerFactory.getLogger("app.vip-desk");

    private ConformanceFixtures() {
    }

    /** Everything the module knows of a customer; its components are personal and annotated. */
    record Profile(@Pii(PiiKind.NAME) String name, @Pii(PiiKind.EMAIL) String email, @Pii(PiiKind.PHONE) String phone,
                   @Pii(PiiKind.CARD) String card, @Pii(PiiKind.SSN) String ssn, @Pii(PiiKind.IBAN) String iban,
                   @Pii(PiiKind.ADDRESS) String address, @Pii(PiiKind.SECRET) String apiKey,
                   @Pii(PiiKind.OTHER) String loyaltyNumber, long balanceMinor) {
    }

    /** A team's record with nothing annotated: its fields are personal by their names. */
    record Subscriber(String subscriberNo, String fullName, String mobile, LocalDate birthDate) {
    }

    static final Subscriber SUBSCRIBER = new Subscriber("SUB-0042", Planted.UNANNOTATED_NAME, Planted.UNANNOTATED_MOBILE,
            LocalDate.parse(Planted.UNANNOTATED_BIRTH_DATE));

    static final Profile PROFILE = new Profile(NAME, EMAIL, PHONE, CARD, SSN, IBAN, ADDRESS, API_KEY, LOYALTY, 12_000_000L);

    /** A profile left the system; the careless description prints the whole record. */
    record ProfileExported(Instant instant, Profile profile) implements RecordedEvent {
        @Override
        public String describeMasked() {
            return "ProfileExported[" + profile + " at " + instant + "]";
        }
    }

    /** A profile was shown to an agent; no invariant judges it. */
    record ProfileViewed(Instant instant, Profile profile) implements RecordedEvent {
    }

    /** The recording part a test exports through. */
    static final class ProfileExports {
        private final RecordingContext context;

        ProfileExports(RecordingContext context) {
            this.context = context;
        }

        void export(Profile profile) {
            context.trace().record(new ProfileExported(context.clock().instant(), profile));
        }

        void view(Profile profile) {
            context.trace().record(new ProfileViewed(context.clock().instant(), profile));
        }

        void warn(String warning) {
            context.trace().warn(warning);
        }
    }

    /** A module whose every message is built from raw personal values. */
    public static final class ProfileExportModule implements InvariantModule {

        static final Invariant NO_EXPORT = Invariant.builder(RULE_ID)
                .description("No profile leaves the system without the customer's request")
                .regulation(Regulation.builder("us-ca-ccpa-1798-100").citation(CITATION).jurisdiction("US-CA")
                        .effectiveFrom(LocalDate.of(2020, 1, 1)).confidence(Confidence.HIGH).build())
                .owner(Owner.of("privacy-office", "privacy-office@example.com"))
                .tier(LiabilityTier.REGULATORY)
                .forEachEvent(ProfileExported.class, (exported, trace) -> {
                    Profile p = exported.profile();
                    return Optional.of("exported " + p.name() + " <" + p.email() + ">, phone " + p.phone() + ", card "
                            + p.card() + ", SSN " + p.ssn() + ", IBAN " + p.iban() + ", living at " + p.address() + ", key "
                            + p.apiKey() + ", loyalty " + p.loyaltyNumber() + ", born " + BIRTH_DATE + ", balance " + AMOUNT
                            + " (" + GROUPED_AMOUNT + ") at " + exported.instant());
                });

        @Override
        public String id() {
            return "conformance.profiles";
        }

        @Override
        public String version() {
            return "1.0.0";
        }

        @Override
        public List<Invariant> invariants() {
            return List.of(NO_EXPORT);
        }

        @Override
        public List<RecordingPart<?>> recordingParts() {
            return List.of(RecordingPart.of(ProfileExports.class, ProfileExports::new));
        }
    }

    /** A module violation, a warning and a display name, all holding personal values. */
    @ComplianceTest(modules = ProfileExportModule.class)
    static class ProfileExportTestCase {
        @Test
        @DisplayName("exports the profile of Marguerite Okonkwo-Ruiz <marguerite.okonkwo-ruiz@example.org>")
        void exportsProfile(ProfileExports exports) {
            exports.warn("consent of " + EMAIL + " (" + PHONE + ") could not be read");
            exports.export(PROFILE);
        }

        @Test
        @DisplayName("reminds +1 786-555-0163 about card 4539 1488 0343 6467")
        void passesWithWarning(ProfileExports exports) {
            exports.view(PROFILE);
            exports.warn("the reminder to " + PHONE + " for " + NAME + " was not checked");
        }
    }

    /** An SMS to the planted number in Florida's quiet hours. */
    @ComplianceTest(modules = SmsContactRulesModule.class)
    static class EveningTextTestCase {
        @Test
        void textsInTheEvening(SmsOutbox outbox, TestClock clock) {
            clock.setInstant(EVENING_IN_MIAMI);
            outbox.send(PHONE.replaceAll("[^+\\d]", ""), "Hi " + NAME + ", your cart misses you", MessageKind.MARKETING);
        }
    }

    /** Properties named after, labelled with, and failing on personal values; their runs reach the report. */
    @ReportProperties
    static class PropertyTestCase {
        @Test
        void chargesFail() {
            Property.forAll(Gens.constant(PROFILE)).named("charges for " + EMAIL + " " + CARD).seed(PROPERTY_SEED)
                    .label(profile -> "card " + profile.card())
                    .check(profile -> {
                        IllegalStateException declined = new IllegalStateException("declined " + profile.card() + " for "
                                + profile.email(), new IllegalArgumentException("SSN " + SSN + ", born " + BIRTH_DATE));
                        declined.addSuppressed(new IllegalStateException("retry for " + profile.phone() + " failed"));
                        throw declined;
                    });
        }

        @Test
        void coverageFails() {
            Property.forAll(Gens.integers(1, 3)).named("reminders for " + NAME).seed(PROPERTY_SEED).tries(20)
                    .label(i -> "phone " + PHONE).requireCoverage("iban " + IBAN, 50)
                    .check(i -> {
                    });
        }

        @Test
        void loyaltyHolds() {
            Property.forAll(Gens.integers(1, 3)).named("loyalty " + LOYALTY + " of " + ADDRESS).seed(PROPERTY_SEED).tries(5)
                    .check(i -> {
                    });
        }

        @Test
        void unannotatedSubscribersFail() {
            Property.forAll(Gens.constant(SUBSCRIBER)).seed(PROPERTY_SEED)
                    .check(subscriber -> {
                        throw new IllegalStateException(subscriber.fullName() + " (" + subscriber.mobile() + ", born "
                                + subscriber.birthDate() + ") has no consent on file");
                    });
        }

        @Test
        void generatedCustomersFail() {
            Property.forAll(CanaryCustomer.generator()).seed(7L).tries(1)
                    .check(customer -> {
                        throw new AssertionError("refused " + customer.name() + " " + customer.email() + " "
                                + customer.phone() + " " + customer.card() + " " + customer.ssn() + " " + customer.iban());
                    });
        }

        @Test
        void generatedNumbersFail() {
            Property.forAll(SmsGens.phoneNumbers("US-FL")).seed(11L).tries(1)
                    .check(number -> {
                        throw new AssertionError("texted " + number);
                    });
        }

        @TestFactory
        Stream<DynamicTest> refunds() {
            return Stream.of(Property.forAll(Gens.integers(1, 5)).seed(PROPERTY_SEED)
                    .toDynamicTest("refund to " + IBAN + " of " + NAME, amount -> {
                        throw new IllegalStateException("refund of " + amount + " to " + IBAN + " bounced");
                    }));
        }
    }

    /** Logs that leak a planted canary and a card only the detectors know. */
    @NoPiiInLogs
    static class LeakyDeskTestCase {
        @Test
        void logsCustomerData(Canaries canaries) {
            String email = canaries.plant("email", PiiKind.EMAIL, LOGGED_EMAIL);
            LOG.info("password reset sent to {}", email);
            LOG.info("charged card {} for the reset", DETECTED_CARD);
        }
    }

    /** Every fixture class, for one run. */
    static final Class<?>[] ALL = {ProfileExportTestCase.class, EveningTextTestCase.class, PropertyTestCase.class,
            LeakyDeskTestCase.class};
}
