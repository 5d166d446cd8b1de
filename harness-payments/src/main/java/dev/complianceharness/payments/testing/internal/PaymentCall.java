package dev.complianceharness.payments.testing.internal;

import dev.complianceharness.payments.event.PaymentRequest;
import dev.complianceharness.payments.testing.PaymentModel;
import java.util.Objects;

/**
 * A generated request with the model it was drawn from and the model's answer to it, computed once: the run
 * compares the service's answer with it, and the next model is its model afterwards. Shows as the request.
 *
 * @param request  the request
 * @param drawnFrom the model the request was drawn from
 * @param expected the model's answer, and the model afterwards
 */
public record PaymentCall(PaymentRequest request, PaymentModel drawnFrom, PaymentModel.Step expected) {

    /** Checks that nothing is missing. */
    public PaymentCall {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(drawnFrom, "drawnFrom");
        Objects.requireNonNull(expected, "expected");
    }

    /**
     * @param model   the model the request is drawn from
     * @param request the request
     * @return the call, with the model's answer
     */
    public static PaymentCall of(PaymentModel model, PaymentRequest request) {
        return new PaymentCall(request, model, model.apply(request));
    }

    /**
     * The model's answer to the request in a model: the stored one when it is the model the request was drawn
     * from (a sequential step), computed afresh otherwise (a concurrent branch, checked in several orders).
     *
     * @param model the model before the request
     * @return the model's answer
     */
    public PaymentModel.Step expectedFrom(PaymentModel model) {
        return model == drawnFrom ? expected : model.apply(request);
    }

    /** @return the request, as the steps of a run show it */
    @Override
    public String toString() {
        return request.describe();
    }
}
