package com.acme.compliance.refunds;

import dev.complianceharness.event.TestClock;
import dev.complianceharness.junit.ComplianceTest;
import java.time.Duration;
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

        RefundDesk(RefundGateway gateway) {
            this.gateway = gateway;
        }

        void approve(String orderId, long amountCents, String firstApprover, String secondApprover) {
            gateway.refund(orderId, amountCents, amountCents > 50_000 ? List.of(firstApprover, secondApprover)
                    : List.of(firstApprover));
        }
    }

    @Test
    @DisplayName("refunds a large order with two approvers inside the window")
    void refundsLargeOrder(RecordingRefundGateway gateway, TestClock clock) {
        gateway.orderPaid("A-7", 80_000);
        clock.advance(Duration.ofDays(10));

        new RefundDesk(gateway).approve("A-7", 80_000, "kim", "lee");
    }
}
