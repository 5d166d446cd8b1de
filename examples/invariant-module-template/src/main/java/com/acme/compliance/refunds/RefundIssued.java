package com.acme.compliance.refunds;

import dev.complianceharness.event.RecordedEvent;
import java.time.Instant;
import java.util.List;

/**
 * Acme's code issued a refund.
 *
 * @param instant     when, on the test clock
 * @param orderId     the order
 * @param amountCents the amount refunded, in cents
 * @param approvers   the staff ids that approved it
 */
public record RefundIssued(Instant instant, String orderId, long amountCents, List<String> approvers)
        implements RecordedEvent {

    /** Copies the approvers. */
    public RefundIssued {
        approvers = List.copyOf(approvers);
    }

    @Override
    public String describeMasked() {
        return "RefundIssued[" + orderId + ", " + amountCents + " cents, " + approvers.size() + " approver(s) at " + instant + "]";
    }
}
