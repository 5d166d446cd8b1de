package com.acme.compliance.refunds;

import static dev.complianceharness.testkit.InvariantAssertions.assertThatInvariant;
import static dev.complianceharness.testkit.InvariantAssertions.assertThatModule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.complianceharness.event.EventTrace;
import dev.complianceharness.property.Property;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The module author's own tests: each invariant flags the traces it must and accepts the others. */
@DisplayName("Acme refund policy RP-3")
class AcmeRefundPolicyModuleTest {

    private static final Instant PAID = Instant.parse("2026-01-05T10:00:00Z");

    @Test
    @DisplayName("is ready to publish")
    void isWellFormed() {
        assertThatModule(new AcmeRefundPolicyModule())
                .isWellFormed()
                .hasInvariantIds("acme.refund.within-60-days", "acme.refund.four-eyes-above-500")
                .wasReviewedWithin(Period.ofMonths(6), Clock.fixed(Instant.parse("2026-11-24T00:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    @DisplayName("accepts a refund on day 60 and flags one on day 61")
    void refundWindow() {
        OrderPaid paid = new OrderPaid(PAID, "A-1", 12_000);

        assertThatInvariant(AcmeRefundPolicyModule.REFUND_WITHIN_WINDOW).accepts(EventTrace.of(paid,
                new RefundIssued(PAID.plus(Duration.ofDays(60)), "A-1", 12_000, List.of("kim"))));
        assertThatInvariant(AcmeRefundPolicyModule.REFUND_WITHIN_WINDOW)
                .flags(EventTrace.of(paid, new RefundIssued(PAID.plus(Duration.ofDays(61)), "A-1", 12_000, List.of("kim"))))
                .withMessage("order A-1 was refunded 61 days after payment; the window is 60 days");
    }

    @Test
    @DisplayName("flags a refund of an order nobody paid for")
    void unpaidOrder() {
        assertThatInvariant(AcmeRefundPolicyModule.REFUND_WITHIN_WINDOW)
                .flags(EventTrace.of(new RefundIssued(PAID, "A-404", 100, List.of("kim"))))
                .withMessageContaining("no payment for it was recorded");
    }

    @Test
    @DisplayName("needs two different approvers above $500, and one below")
    void fourEyes() {
        assertThatInvariant(AcmeRefundPolicyModule.FOUR_EYES).accepts(EventTrace.of(
                new RefundIssued(PAID, "A-1", 50_000, List.of("kim")),
                new RefundIssued(PAID, "A-2", 50_001, List.of("kim", "lee"))));
        assertThatInvariant(AcmeRefundPolicyModule.FOUR_EYES)
                .flags(EventTrace.of(new RefundIssued(PAID, "A-3", 50_001, List.of("kim", "kim"))))
                .withMessage("refund of 50001 cents on order A-3 has 1 distinct approver(s); above 50000 cents it needs 2");
    }

    @Test
    @DisplayName("flags exactly the generated refunds that break the policy, at the window and threshold edges")
    void agreesWithThePolicyOnGeneratedRefunds() {
        Property.forAll(RefundScenarios.scenarios())
                .tries(500)
                .label(scenario -> scenario.age().equals(AcmeRefundPolicyModule.REFUND_WINDOW.plusSeconds(1))
                        ? "one second past the window" : "other")
                .requireCoverage("one second past the window", 5)
                .check(scenario -> {
                    boolean outsideWindow = !scenario.paid() || scenario.age().compareTo(AcmeRefundPolicyModule.REFUND_WINDOW) > 0;
                    boolean needsSecondApprover = scenario.amountCents() > AcmeRefundPolicyModule.FOUR_EYES_THRESHOLD_CENTS
                            && scenario.approvers().stream().distinct().count() < 2;

                    assertThat(AcmeRefundPolicyModule.REFUND_WITHIN_WINDOW.verify(scenario.trace()))
                            .as("window violations of %s", scenario).hasSize(outsideWindow ? 1 : 0);
                    assertThat(AcmeRefundPolicyModule.FOUR_EYES.verify(scenario.trace()))
                            .as("four-eyes violations of %s", scenario).hasSize(needsSecondApprover ? 1 : 0);
                });
    }
}
