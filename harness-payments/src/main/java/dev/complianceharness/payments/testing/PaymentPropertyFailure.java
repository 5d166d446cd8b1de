package dev.complianceharness.payments.testing;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.payments.event.PaymentRequest;
import dev.complianceharness.payments.testing.internal.PaymentCall;
import dev.complianceharness.property.PropertyFailure;
import dev.complianceharness.property.stateful.ConcurrentRun;
import dev.complianceharness.property.stateful.SequentialRun;
import dev.complianceharness.property.stateful.StatefulRun;
import dev.complianceharness.property.stateful.Step;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Generated payment requests broke an invariant, were answered otherwise than a correct service answers, or
 * (in the concurrent mode) the service's answers match no sequential order: the message shows the minimal
 * failing sequence step by step, the model's expectation and the service's state side by side, and the seed
 * that replays it. The property engine's own failure is the cause.
 *
 * <pre>{@code
 * PaymentPropertyFailure failure = assertThrows(PaymentPropertyFailure.class, harness::checkSequences);
 * failure.seed();            // replays it: harness.seed(failure.seed())
 * failure.tries();           // how many sequences ran until one failed
 * failure.shrunkSequence();  // [authorize 1 JPY minor on pay-1 (key k1), ...]
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class PaymentPropertyFailure extends AssertionError {

    private static final long serialVersionUID = 1L;

    private final transient List<PaymentRequest> shrunkSequence;

    private PaymentPropertyFailure(String message, PropertyFailure cause, List<PaymentRequest> shrunkSequence) {
        super(message, cause);
        this.shrunkSequence = List.copyOf(shrunkSequence);
    }

    static PaymentPropertyFailure of(PropertyFailure failure, boolean concurrent) {
        String nl = System.lineSeparator();
        String shrunkRun = failure.shrunkValue() instanceof StatefulRun run ? run.report() : failure.shrunkExample();
        String message = failure.getMessage().lines().findFirst().orElse("") + nl
                + "Minimal failing " + (concurrent ? "case" : "sequence") + " (" + failure.shrinkSteps()
                + " shrink steps):" + nl + shrunkRun.stripTrailing() + nl
                + "Replay: run again with -Dcomplianceharness.seed=" + failure.seed() + " (or .seed(" + failure.seed()
                + "L) on the harness)";
        return new PaymentPropertyFailure(message, failure, requests(failure.shrunkValue()));
    }

    private static List<PaymentRequest> requests(Object shrunk) {
        List<Step> steps = new ArrayList<>();
        if (shrunk instanceof SequentialRun sequential) {
            steps.addAll(sequential.steps());
        } else if (shrunk instanceof ConcurrentRun concurrent) {
            steps.addAll(concurrent.prefix());
            concurrent.branches().forEach(steps::addAll);
        }
        List<PaymentRequest> requests = new ArrayList<>();
        for (Step step : steps) {
            if (step.arguments() instanceof PaymentCall call) {
                requests.add(call.request());
            }
        }
        return requests;
    }

    /** @return the seed that replays the failure */
    public long seed() {
        return ((PropertyFailure) getCause()).seed();
    }

    /** @return how many generated sequences (or concurrent cases) ran until the first failing one, that one included */
    public int tries() {
        return ((PropertyFailure) getCause()).tries();
    }

    /**
     * @return the requests of the minimal failing sequence, in order; for a concurrent case the prefix, then each
     *         branch's requests in turn
     */
    public List<PaymentRequest> shrunkSequence() {
        return shrunkSequence == null ? List.of() : shrunkSequence;
    }
}
