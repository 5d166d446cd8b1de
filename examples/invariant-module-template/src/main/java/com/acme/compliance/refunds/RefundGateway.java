package com.acme.compliance.refunds;

import java.util.List;

/** How Acme's services issue refunds; production code talks to the payment provider through it. */
public interface RefundGateway {

    /**
     * Issues a refund.
     *
     * @param orderId     the order
     * @param amountCents the amount, in cents
     * @param approvers   the staff ids that approved it
     */
    void refund(String orderId, long amountCents, List<String> approvers);
}
