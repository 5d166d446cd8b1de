package com.acme.compliance.refunds;

import dev.complianceharness.event.RecordedEvent;
import java.time.Instant;

/**
 * A customer paid for an order.
 *
 * @param instant     when, on the test clock
 * @param orderId     the order
 * @param amountCents the amount paid, in cents
 */
public record OrderPaid(Instant instant, String orderId, long amountCents) implements RecordedEvent {

    @Override
    public String describeMasked() {
        return "OrderPaid[" + orderId + ", " + amountCents + " cents at " + instant + "]";
    }
}
