package com.acme.compliance.refunds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.complianceharness.event.EventTrace;
import dev.complianceharness.event.RecordingContext;
import dev.complianceharness.event.TestClock;
import dev.complianceharness.invariant.Invariant;
import dev.complianceharness.junit.ComplianceTest;
import dev.complianceharness.property.Property;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** How a team uses the published module: switch it on by id and drive its own code with the recording gateway. */
@ComplianceTest(moduleIds = "acme.refund-policy")
@DisplayName("A team's refund desk, guarded by RP-3")
class RefundDeskComplianceTest {

    /** Stands in for a team's own service. */
    static final class RefundDesk {
        private final RefundGateway gateway;
        private final Clock clock;

        RefundDesk(RefundGateway gateway, Clock clock) {
            this.gateway = gateway;
            this.clock = clock;
        }

        /** Refunds if the payment is at most 60 days old; returns whether it did. */
        boolean approve(String orderId, long amountCents, Instant paidAt, String firstApprover, String secondApprover) {
            if (Duration.between(paidAt, clock.instant()).compareTo(Duration.ofDays(60)) > 0) {
                return false;
            }
            gateway.refund(orderId, amountCents, amountCents > 50_000 ? List.of(firstApprover, secondApprover)
                    : List.of(firstApprover));
            return true;
        }
    }

    @Test
    @DisplayName("refunds a large order with two approvers inside the window")
    void refundsLargeOrder(RecordingRefundGateway gateway, TestClock clock) {
        Instant paidAt = clock.instant();
        gateway.orderPaid("A-7", 80_000);
        clock.advance(Duration.ofDays(10));

        assertThat(new RefundDesk(gateway, clock).approve("A-7", 80_000, paidAt, "kim", "lee")).isTrue();
    }

    @Test
    @DisplayName("keeps RP-3 for every generated refund age and amount, each try on a fresh trace")
    void keepsThePolicyForGeneratedRefunds() {
        List<Invariant> policy = new AcmeRefundPolicyModule().invariants();
        Property.forAll(RefundScenarios.ages(), RefundScenarios.amounts()).tries(300).check((age, amount) -> {
            EventTrace trace = new EventTrace();
            TestClock clock = TestClock.atDefaultStart();
            RecordingRefundGateway gateway = new RecordingRefundGateway(new RecordingContext(trace, clock, "try"));
            Instant paidAt = clock.instant();
            gateway.orderPaid("B-1", amount);
            clock.advance(age);

            new RefundDesk(gateway, clock).approve("B-1", amount, paidAt, "kim", "lee");

            assertThat(policy.stream().flatMap(invariant -> invariant.verify(trace).stream()).toList()).isEmpty();
        });
    }
}
