package dev.complianceharness.examples.newsletter.compliance;

import static dev.complianceharness.testkit.InvariantAssertions.assertThatInvariant;
import static dev.complianceharness.testkit.InvariantAssertions.assertThatModule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.complianceharness.event.EventTrace;
import dev.complianceharness.examples.newsletter.Email;
import dev.complianceharness.mask.PiiKind;
import dev.complianceharness.mask.Redaction;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** How a module author tests a module with the testkit, before publishing it. */
@DisplayName("CanSpamModule")
class CanSpamModuleTest {

    private static final Instant FRIDAY = Instant.parse("2025-06-06T16:00:00Z");
    private static final String READER = "ada@example.com";

    private static EmailSent commercial(Instant at) {
        return new EmailSent(at, new Email(READER, "Issue #9", Email.Kind.COMMERCIAL,
                Optional.of(URI.create("https://news.example.com/unsubscribe"))));
    }

    @Test
    @DisplayName("is ready to publish: cited, owned, tiered, reviewed, with stable invariant ids")
    void isWellFormed() {
        assertThatModule(new CanSpamModule())
                .isWellFormed()
                .hasInvariantIds("can-spam.opt-out-link", "can-spam.opt-out-honoured")
                .wasReviewedWithin(Period.ofMonths(12), Clock.fixed(Instant.parse("2026-11-24T00:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    @DisplayName("counts 10 business days from the day after the request, skipping weekends")
    void deadlineSkipsWeekends() {
        assertThat(CanSpamModule.deadline(FRIDAY)).isEqualTo(Instant.parse("2025-06-20T23:59:59.999999999Z"));
    }

    @Test
    @DisplayName("accepts commercial mail up to the deadline, and receipts at any time")
    void acceptsUntilDeadline() {
        assertThatInvariant(CanSpamModule.OPT_OUT_HONOURED).accepts(EventTrace.of(
                new OptOutReceived(FRIDAY, READER),
                commercial(Instant.parse("2025-06-20T23:59:59Z")),
                new EmailSent(Instant.parse("2025-07-01T00:00:00Z"),
                        new Email(READER, "Your order", Email.Kind.TRANSACTIONAL, Optional.empty()))));
    }

    @Test
    @DisplayName("flags commercial mail one second after the deadline, whatever the address's case")
    void flagsAfterDeadline() {
        assertThatInvariant(CanSpamModule.OPT_OUT_HONOURED)
                .flags(EventTrace.of(new OptOutReceived(FRIDAY, "Ada@Example.com"), commercial(Instant.parse("2025-06-21T00:00:00Z"))))
                .times(1)
                .withMessage("commercial e-mail \"Issue #9\" sent 2025-06-21T00:00:00Z, after the opt-out deadline"
                        + " 2025-06-20T23:59:59.999999999Z")
                .withEvidenceContaining("OptOutReceived[" + Redaction.token(PiiKind.EMAIL, "Ada@Example.com"));
    }

    @Test
    @DisplayName("flags a commercial e-mail without an unsubscribe link, not a receipt")
    void flagsMissingLink() {
        Email noLink = new Email(READER, "Flash sale", Email.Kind.COMMERCIAL, Optional.empty());
        Email receipt = new Email(READER, "Your order", Email.Kind.TRANSACTIONAL, Optional.empty());

        assertThatInvariant(CanSpamModule.OPT_OUT_LINK).flags(EventTrace.of(new EmailSent(FRIDAY, noLink)))
                .withMessage("the commercial e-mail \"Flash sale\" has no unsubscribe link");
        assertThatInvariant(CanSpamModule.OPT_OUT_LINK).accepts(EventTrace.of(new EmailSent(FRIDAY, receipt)));
    }
}
