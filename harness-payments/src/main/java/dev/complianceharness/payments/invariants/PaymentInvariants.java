package dev.complianceharness.payments.invariants;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.invariant.Invariant;
import dev.complianceharness.invariant.Owner;
import dev.complianceharness.payments.invariants.internal.PaymentCheck;
import dev.complianceharness.payments.invariants.internal.PaymentChecks;
import dev.complianceharness.payments.lifecycle.Lifecycle;
import dev.complianceharness.payments.money.MinorUnitRules;
import dev.complianceharness.payments.policy.PaymentPolicies;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The payment invariants, each over the {@link dev.complianceharness.payments.event.OperationRecorded} and
 * {@link dev.complianceharness.payments.event.PaymentObserved} events a test recorded. Every invariant
 * names its rationale and source; {@code dev.complianceharness.payments.PaymentsModule} bundles them.
 *
 * <pre>{@code
 * List<Invariant> invariants = PaymentInvariants.all(ReferenceLifecycles.CHECKOUT_COM, MinorUnitRules.checkoutCom(),
 *         PaymentPolicies.checkoutCom());
 * }</pre>
 *
 * <p>Invariants about one request's effect or about the order of requests (declared transitions,
 * idempotent retries, key reuse, rejected requests) need the states recorded around that request and the
 * order the service saw them in, which only sequential runs have; in concurrent runs the linearizability
 * check against the model covers them. Invariants about states (totals, ledger, terminal states) hold for
 * every state seen, including the one observed after the branches of a concurrent run joined. Where providers
 * differ ({@link PaymentPolicies}: retries, the idempotency key's scope, refunds while partially captured), the
 * invariants follow the policies they are given, {@link PaymentPolicies#defaults()} unless said otherwise.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class PaymentInvariants {

    /** Who answers for the payment invariants unless a team overrides them. */
    public static final Owner PAYMENTS_OWNER = PaymentChecks.PAYMENTS_OWNER;

    private PaymentInvariants() {
    }

    /**
     * Every payment invariant, under the default policies.
     *
     * @param lifecycle the lifecycle the adapter's statuses are named in
     * @param rules     the minor-unit rules of the team's provider
     * @return the invariants, in a stable order
     */
    public static List<Invariant> all(Lifecycle lifecycle, MinorUnitRules rules) {
        return all(lifecycle, rules, PaymentPolicies.defaults());
    }

    /**
     * Every payment invariant.
     *
     * @param lifecycle the lifecycle the adapter's statuses are named in
     * @param rules     the minor-unit rules of the team's provider
     * @param policies  the policies the service follows
     * @return the invariants, in a stable order
     * @throws IllegalArgumentException if the policies contradict the lifecycle
     */
    public static List<Invariant> all(Lifecycle lifecycle, MinorUnitRules rules, PaymentPolicies policies) {
        return PaymentChecks.all(lifecycle, rules, policies).stream().map(PaymentCheck::invariant).toList();
    }

    /**
     * A succeeded request moves the payment only along a transition its lifecycle declares, under the default
     * policies.
     *
     * @param lifecycle the lifecycle
     * @return {@code payments.declared-transitions}
     */
    public static Invariant declaredTransitions(Lifecycle lifecycle) {
        return declaredTransitions(lifecycle, PaymentPolicies.defaults());
    }

    /**
     * A succeeded request moves the payment only along a transition its lifecycle declares, for the request's
     * amount ({@link dev.complianceharness.payments.lifecycle.AmountCondition}); with refunds refused while
     * partially captured, a refund there is no declared transition.
     *
     * @param lifecycle the lifecycle
     * @param policies  the policies
     * @return {@code payments.declared-transitions}
     */
    public static Invariant declaredTransitions(Lifecycle lifecycle, PaymentPolicies policies) {
        return PaymentChecks.declaredTransitions(lifecycle, policies).invariant();
    }

    /**
     * A payment in a terminal state stays in it.
     *
     * @param lifecycle the lifecycle
     * @return {@code payments.terminal-stays-terminal}
     */
    public static Invariant terminalStaysTerminal(Lifecycle lifecycle) {
        return PaymentChecks.terminalStaysTerminal(lifecycle).invariant();
    }

    /**
     * Never more captured than authorized.
     *
     * @return {@code payments.captured-within-authorized}
     */
    public static Invariant capturedWithinAuthorized() {
        return PaymentChecks.capturedWithinAuthorized().invariant();
    }

    /**
     * Never more refunded than captured.
     *
     * @return {@code payments.refunded-within-captured}
     */
    public static Invariant refundedWithinCaptured() {
        return PaymentChecks.refundedWithinCaptured().invariant();
    }

    /**
     * A retry with the same key and the same request has no second effect and returns the first result, under
     * the default policies.
     *
     * @return {@code payments.idempotent-retry}
     */
    public static Invariant idempotentRetries() {
        return idempotentRetries(PaymentPolicies.defaults());
    }

    /**
     * A retry with the same key (in the policies' scope) and the same request has no second effect, and is
     * answered as the policies say: the first result replayed or the retry refused as a duplicate; a retry of a
     * rejected request replayed as the rejection or executed again.
     *
     * @param policies the policies
     * @return {@code payments.idempotent-retry}
     */
    public static Invariant idempotentRetries(PaymentPolicies policies) {
        return PaymentChecks.idempotentRetries(policies).invariant();
    }

    /**
     * A key reused with other parameters is rejected, under the default policies.
     *
     * @return {@code payments.key-reuse-rejected}
     */
    public static Invariant keyReuseRejected() {
        return keyReuseRejected(PaymentPolicies.defaults());
    }

    /**
     * A key reused with other parameters in the policies' key scope is rejected; where rejected requests are
     * executed again, a key is bound only once a request under it succeeded.
     *
     * @param policies the policies
     * @return {@code payments.key-reuse-rejected}
     */
    public static Invariant keyReuseRejected(PaymentPolicies policies) {
        return PaymentChecks.keyReuseRejected(policies).invariant();
    }

    /**
     * Each payment's totals are the sum of its accepted requests, each key counted once, under the default
     * policies.
     *
     * @return {@code payments.totals-match-accepted-requests}
     */
    public static Invariant totalsMatchAcceptedRequests() {
        return totalsMatchAcceptedRequests(PaymentPolicies.defaults());
    }

    /**
     * Each payment's totals are the sum of its accepted requests, each key (in the policies' scope) counted once.
     *
     * @param policies the policies
     * @return {@code payments.totals-match-accepted-requests}
     */
    public static Invariant totalsMatchAcceptedRequests(PaymentPolicies policies) {
        return PaymentChecks.totalsMatchAcceptedRequests(policies).invariant();
    }

    /**
     * The ledger balances per transaction and currency.
     *
     * @return {@code payments.ledger-balanced}
     */
    public static Invariant ledgerBalanced() {
        return PaymentChecks.ledgerBalanced().invariant();
    }

    /**
     * The ledger's captures and refunds equal the payment's totals.
     *
     * @return {@code payments.ledger-matches-totals}
     */
    public static Invariant ledgerMatchesTotals() {
        return PaymentChecks.ledgerMatchesTotals().invariant();
    }

    /**
     * Only amounts valid for the currency and the payment's currency are accepted.
     *
     * @param rules the provider's minor-unit rules
     * @return {@code payments.amount-valid-for-currency}
     */
    public static Invariant amountsValidForCurrency(MinorUnitRules rules) {
        return PaymentChecks.amountsValidForCurrency(rules).invariant();
    }

    /**
     * A rejected request changes nothing.
     *
     * @return {@code payments.rejected-changes-nothing}
     */
    public static Invariant rejectedChangesNothing() {
        return PaymentChecks.rejectedChangesNothing().invariant();
    }
}
