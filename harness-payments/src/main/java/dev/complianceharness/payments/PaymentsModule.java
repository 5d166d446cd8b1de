package dev.complianceharness.payments;

import static org.apiguardian.api.API.Status.STABLE;

import dev.complianceharness.event.RecordingPart;
import dev.complianceharness.invariant.Invariant;
import dev.complianceharness.invariant.InvariantModule;
import dev.complianceharness.invariant.PolicyChoice;
import dev.complianceharness.payments.invariants.PaymentInvariants;
import dev.complianceharness.payments.lifecycle.Lifecycle;
import dev.complianceharness.payments.lifecycle.ReferenceLifecycles;
import dev.complianceharness.payments.money.MinorUnitRules;
import dev.complianceharness.payments.policy.PaymentPolicies;
import dev.complianceharness.payments.testing.PaymentRecorder;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The payment invariants as a module: lifecycle transitions, amounts, idempotency and the ledger,
 * judged over what a {@link PaymentRecorder} recorded. Registered for {@link java.util.ServiceLoader}
 * under the id {@code payments}, with the {@link ReferenceLifecycles#MANUAL_CAPTURE manual-capture
 * lifecycle} and the {@link MinorUnitRules#iso4217() ISO 4217} minor units.
 *
 * <pre>{@code
 * @ComplianceTest(modules = PaymentsModule.class)
 * class CheckoutTest {
 *     @Test
 *     void capturesOnce(PaymentRecorder recorder) {
 *         RecordedPayments payments = recorder.record(new MyServiceAdapter(service));
 *         payments.apply(PaymentRequest.authorize("pay-1", Money.of(1000, "USD"), "k1"));
 *         payments.apply(PaymentRequest.finalCapture("pay-1", Money.of(1000, "USD"), "k2"));
 *     }
 * }
 * }</pre>
 *
 * A team on another provider subclasses it with its own lifecycle, minor-unit table and policies, which the
 * report then shows with their sources:
 * {@code public final class CheckoutPayments extends PaymentsModule { public CheckoutPayments() {
 * super(ReferenceLifecycles.CHECKOUT_COM, MinorUnitRules.checkoutCom(), PaymentPolicies.checkoutCom()); } }}.
 */
@API(status = STABLE, since = "0.1.0")
public class PaymentsModule implements InvariantModule {

    private final Lifecycle lifecycle;
    private final MinorUnitRules rules;
    private final PaymentPolicies policies;
    private final List<Invariant> invariants;

    /** The module with the manual-capture lifecycle, ISO 4217 minor units and the default policies. */
    public PaymentsModule() {
        this(ReferenceLifecycles.MANUAL_CAPTURE, MinorUnitRules.iso4217(), PaymentPolicies.defaults());
    }

    /**
     * A module for another lifecycle or provider table, under the default policies.
     *
     * @param lifecycle the lifecycle the adapter reports statuses in
     * @param rules     the provider's minor-unit rules
     */
    protected PaymentsModule(Lifecycle lifecycle, MinorUnitRules rules) {
        this(lifecycle, rules, PaymentPolicies.defaults());
    }

    /**
     * A module for another lifecycle, provider table and policies.
     *
     * @param lifecycle the lifecycle the adapter reports statuses in
     * @param rules     the provider's minor-unit rules
     * @param policies  the policies the service follows where providers differ
     * @throws IllegalArgumentException if the policies contradict the lifecycle
     */
    protected PaymentsModule(Lifecycle lifecycle, MinorUnitRules rules, PaymentPolicies policies) {
        this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.policies = Objects.requireNonNull(policies, "policies");
        this.invariants = PaymentInvariants.all(lifecycle, rules, policies);
    }

    @Override
    public String id() {
        return "payments";
    }

    @Override
    public String version() {
        return "0.1.0";
    }

    @Override
    public String title() {
        return "Payments: lifecycle, amounts, idempotency and ledger";
    }

    @Override
    public Optional<LocalDate> rulesReviewedOn() {
        return Optional.of(LocalDate.of(2026, 12, 1));
    }

    @Override
    public Map<String, String> dataVersions() {
        return Map.of("lifecycle", policies.restrict(lifecycle).name(), "minor-unit rules", rules.name(),
                "payment policies", policies.name(), "ISO 4217 currency data (JDK)", Runtime.version().toString());
    }

    /** @return each payment policy the invariants follow, with the provider documentation it follows */
    @Override
    public List<PolicyChoice> policies() {
        return policies.choices();
    }

    @Override
    public List<Invariant> invariants() {
        return invariants;
    }

    @Override
    public List<RecordingPart<?>> recordingParts() {
        return List.of(RecordingPart.of(PaymentRecorder.class,
                context -> new PaymentRecorder(context, policies.authorizationExpiry())));
    }
}
