package com.acme.compliance.refunds;

import dev.complianceharness.event.RecordingContext;
import java.util.List;

/** The recording part tests get: a refund gateway that records instead of paying out. */
public final class RecordingRefundGateway implements RefundGateway {

    private final RecordingContext context;

    /**
     * @param context the test's trace and clock
     */
    public RecordingRefundGateway(RecordingContext context) {
        this.context = context;
    }

    /**
     * Records that a customer paid, as the order service would report it.
     *
     * @param orderId     the order
     * @param amountCents the amount, in cents
     */
    public void orderPaid(String orderId, long amountCents) {
        context.trace().record(new OrderPaid(context.clock().instant(), orderId, amountCents));
    }

    @Override
    public void refund(String orderId, long amountCents, List<String> approvers) {
        context.trace().record(new RefundIssued(context.clock().instant(), orderId, amountCents, approvers));
    }
}
