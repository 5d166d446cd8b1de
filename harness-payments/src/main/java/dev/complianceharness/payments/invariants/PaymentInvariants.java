package dev.complianceharness.payments.invariants;

import dev.complianceharness.event.EventTrace;
import dev.complianceharness.invariant.Finding;
import dev.complianceharness.invariant.Invariant;
import dev.complianceharness.invariant.LiabilityTier;
import dev.complianceharness.invariant.Owner;
import dev.complianceharness.payments.event.LedgerEntry;
import dev.complianceharness.payments.event.OperationRecorded;
import dev.complianceharness.payments.event.OperationResult.Outcome;
import dev.complianceharness.payments.event.PaymentOperation;
import dev.complianceharness.payments.event.PaymentRequest;
import dev.complianceharness.payments.event.PaymentState;
import dev.complianceharness.payments.invariants.internal.PaymentHistory;
import dev.complianceharness.payments.invariants.internal.PaymentHistory.SeenState;
import dev.complianceharness.payments.lifecycle.Lifecycle;
import dev.complianceharness.payments.money.Money;
import dev.complianceharness.payments.money.MinorUnitRules;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The payment invariants, each over the {@link OperationRecorded} and
 * {@link dev.complianceharness.payments.event.PaymentObserved} events a test recorded. Every invariant
 * names its rationale and source; {@code dev.complianceharness.payments.PaymentsModule} bundles them.
 *
 * <p>Invariants about one request's effect or about the order of requests (declared transitions,
 * idempotent retries, key reuse, rejected requests) need the states recorded around that request and the
 * order the service saw them in, which only sequential runs have; in concurrent runs the linearizability
 * check against the model covers them. Invariants about states
 * (totals, ledger, terminal states) hold for every state seen, including the one observed after the
 * branches of a concurrent run joined.
 */
public final class PaymentInvariants {

    /** Who answers for the payment invariants unless a team overrides them. */
    public static final Owner PAYMENTS_OWNER = Owner.of("payments-platform");

    private PaymentInvariants() {
    }

    /**
     * Every payment invariant.
     *
     * @param lifecycle the lifecycle the adapter's statuses are named in
     * @param rules     the minor-unit rules of the team's provider
     * @return the invariants, in a stable order
     */
    public static List<Invariant> all(Lifecycle lifecycle, MinorUnitRules rules) {
        return List.of(declaredTransitions(lifecycle), terminalStaysTerminal(lifecycle), capturedWithinAuthorized(),
                refundedWithinCaptured(), idempotentRetries(), keyReuseRejected(), totalsMatchAcceptedRequests(),
                ledgerBalanced(), ledgerMatchesTotals(), amountsValidForCurrency(rules), rejectedChangesNothing());
    }

    /**
     * A succeeded request moves the payment only along a transition its lifecycle declares.
     *
     * @param lifecycle the lifecycle
     * @return {@code payments.declared-transitions}
     */
    public static Invariant declaredTransitions(Lifecycle lifecycle) {
        Objects.requireNonNull(lifecycle, "lifecycle");
        return Invariant.builder("payments.declared-transitions")
                .description("A succeeded request moves a payment only along a transition its lifecycle declares")
                .regulation(PaymentRegulations.PSD2_CONSENT_AND_BLOCKED_FUNDS)
                .owner(PAYMENTS_OWNER)
                .tier(LiabilityTier.REGULATORY)
                .rationale("A capture after a cancel takes money the payer withdrew consent for; a cancel after a"
                        + " capture releases what was already taken. Stripe, Adyen and Kill Bill all refuse both"
                        + " (lifecycle '" + lifecycle.name() + "')")
                .overWholeTrace(trace -> {
                    PaymentHistory history = PaymentHistory.of(trace);
                    List<Finding> findings = new ArrayList<>();
                    for (int i = 0; i < history.operations().size(); i++) {
                        OperationRecorded operation = history.operations().get(i);
                        if (operation.result().outcome() != Outcome.SUCCEEDED || operation.after() == null) {
                            continue;
                        }
                        String from = operation.before() == null ? lifecycle.initialState() : operation.before().status();
                        String to = operation.after().status();
                        String command = operation.request().operation().lifecycleCommand();
                        boolean replay = history.isRetry(i) && Objects.equals(operation.before(), operation.after());
                        boolean nothingExpired = operation.request().operation() == PaymentOperation.EXPIRE && from.equals(to);
                        if (replay || nothingExpired) {
                            continue;
                        }
                        unknownStatus(lifecycle, from, to).ifPresentOrElse(
                                why -> findings.add(Finding.of(why, operation)),
                                () -> {
                                    if (!lifecycle.hasCommand(command) || !lifecycle.allows(from, command, to)) {
                                        findings.add(Finding.of(operation.request().describe() + " succeeded and moved "
                                                + operation.request().paymentId() + " from " + from + " to " + to
                                                + ", which lifecycle '" + lifecycle.name() + "' does not allow", operation));
                                    }
                                });
                    }
                    return findings;
                });
    }

    private static Optional<String> unknownStatus(Lifecycle lifecycle, String... statuses) {
        for (String status : statuses) {
            if (!lifecycle.hasState(status)) {
                return Optional.of("status '" + status + "' is not a state of lifecycle '" + lifecycle.name()
                        + "' " + lifecycle.states() + ": map the service's status onto one in the adapter");
            }
        }
        return Optional.empty();
    }

    /**
     * A payment in a terminal state stays in it.
     *
     * @param lifecycle the lifecycle
     * @return {@code payments.terminal-stays-terminal}
     */
    public static Invariant terminalStaysTerminal(Lifecycle lifecycle) {
        Objects.requireNonNull(lifecycle, "lifecycle");
        return Invariant.builder("payments.terminal-stays-terminal")
                .description("A payment in a terminal state never leaves it")
                .regulation(PaymentRegulations.PSD2_CONSENT_AND_BLOCKED_FUNDS)
                .owner(PAYMENTS_OWNER)
                .tier(LiabilityTier.FINANCIAL)
                .rationale("Terminal states are final in every reference lifecycle (Stripe succeeded/canceled, Adyen"
                        + " Cancelled/Expired, Kill Bill VOID_SUCCESS); reopening one lets money move without a"
                        + " fresh authorization")
                .overWholeTrace(trace -> {
                    List<Finding> findings = new ArrayList<>();
                    for (List<SeenState> seen : PaymentHistory.of(trace).states().values()) {
                        for (int i = 1; i < seen.size(); i++) {
                            String earlier = seen.get(i - 1).state().status();
                            String later = seen.get(i).state().status();
                            if (lifecycle.hasState(earlier) && lifecycle.isTerminal(earlier) && !earlier.equals(later)) {
                                findings.add(Finding.of(seen.get(i).state().paymentId() + " left the terminal state "
                                        + earlier + " for " + later, seen.get(i - 1).event(), seen.get(i).event()));
                            }
                        }
                    }
                    return findings;
                });
    }

    /**
     * Never more captured than authorized.
     *
     * @return {@code payments.captured-within-authorized}
     */
    public static Invariant capturedWithinAuthorized() {
        return Invariant.builder("payments.captured-within-authorized")
                .description("The total captured never exceeds the amount authorized")
                .regulation(PaymentRegulations.PSD2_CONSENT_AND_BLOCKED_FUNDS)
                .owner(PAYMENTS_OWNER)
                .tier(LiabilityTier.REGULATORY)
                .rationale("Captures above the authorization have no consent and are refused by Adyen; multicapture"
                        + " at Stripe keeps only the uncaptured remainder capturable. Seen in the wild as double"
                        + " captures through races (medusa #13301, ps_checkout #1057)")
                .overWholeTrace(trace -> eachState(trace, state ->
                        exceeds(state.captured(), state.authorized(), state.paymentId() + ": captured", "the authorized")));
    }

    /**
     * Never more refunded than captured.
     *
     * @return {@code payments.refunded-within-captured}
     */
    public static Invariant refundedWithinCaptured() {
        return Invariant.builder("payments.refunded-within-captured")
                .description("The total refunded never exceeds the total captured, also under concurrent requests")
                .regulation(PaymentRegulations.SOX_404_INTERNAL_CONTROL)
                .owner(PAYMENTS_OWNER)
                .tier(LiabilityTier.FINANCIAL)
                .rationale("Stripe refunds at most amount_received - amount_refunded. Public bugs: Kill Bill #334"
                        + " (more refunded than captured), Hyperswitch #3120 (checked against the authorized amount),"
                        + " concurrent refunds exceeding the payment (eventyay #1405). A duplicate partial refund"
                        + " under a new key stays within the capture and needs a business rule of its own")
                .overWholeTrace(trace -> eachState(trace, state ->
                        exceeds(state.refunded(), state.captured(), state.paymentId() + ": refunded", "the captured")));
    }

    /**
     * A retry with the same key and the same request returns the first result and has no second effect.
     *
     * @return {@code payments.idempotent-retry}
     */
    public static Invariant idempotentRetries() {
        return Invariant.builder("payments.idempotent-retry")
                .description("A retry with the same idempotency key and request returns the first result and changes nothing")
                .regulation(PaymentRegulations.REG_Z_BILLING_ERRORS)
                .owner(PAYMENTS_OWNER)
                .tier(LiabilityTier.REGULATORY)
                .rationale("Stripe stores the first response for a key (even a 500) and replays it; Adyen keeps keys"
                        + " at least 31 days. A retry that charges again is a duplicate charge")
                .overWholeTrace(trace -> {
                    PaymentHistory history = PaymentHistory.of(trace);
                    Map<String, OperationRecorded> first = new HashMap<>();
                    List<Finding> findings = new ArrayList<>();
                    for (int i = 0; i < history.operations().size(); i++) {
                        OperationRecorded operation = history.operations().get(i);
                        String key = operation.request().idempotencyKey();
                        if (key == null || operation.concurrent() || operation.result().outcome() == Outcome.CONFLICT) {
                            continue;
                        }
                        OperationRecorded original = first.putIfAbsent(key, operation);
                        if (original == null || !original.request().equals(operation.request())) {
                            continue;
                        }
                        if (!original.result().outcome().equals(operation.result().outcome())
                                || !original.result().reference().equals(operation.result().reference())) {
                            findings.add(Finding.of("the retry of " + operation.request().describe() + " returned "
                                    + operation.result().describe() + ", but the first request returned "
                                    + original.result().describe(), original, operation));
                        } else if (operation.before() != null && !operation.before().equals(operation.after())) {
                            findings.add(Finding.of("the retry of " + operation.request().describe()
                                    + " changed the payment again", original, operation));
                        }
                    }
                    return findings;
                });
    }

    /**
     * A key reused with other parameters is rejected.
     *
     * @return {@code payments.key-reuse-rejected}
     */
    public static Invariant keyReuseRejected() {
        return Invariant.builder("payments.key-reuse-rejected")
                .description("A request that reuses an idempotency key with other parameters is rejected")
                .regulation(PaymentRegulations.REG_Z_BILLING_ERRORS)
                .owner(PAYMENTS_OWNER)
                .tier(LiabilityTier.FINANCIAL)
                .rationale("Stripe answers idempotency_error for a reused key with different parameters; accepting"
                        + " it either replays the wrong result or performs an operation the client believes is a retry")
                .overWholeTrace(trace -> {
                    Map<String, OperationRecorded> first = new HashMap<>();
                    List<Finding> findings = new ArrayList<>();
                    for (OperationRecorded operation : PaymentHistory.of(trace).operations()) {
                        String key = operation.request().idempotencyKey();
                        if (key == null || operation.concurrent()) {
                            continue;
                        }
                        OperationRecorded original = first.putIfAbsent(key, operation);
                        if (original != null && !original.request().equals(operation.request())
                                && operation.result().succeeded()) {
                            findings.add(Finding.of("key " + key + " was first used for " + original.request().describe()
                                    + " and then accepted for " + operation.request().describe(), original, operation));
                        }
                    }
                    return findings;
                });
    }

    /**
     * Each payment's totals are the sum of its accepted requests, each key counted once.
     *
     * @return {@code payments.totals-match-accepted-requests}
     */
    public static Invariant totalsMatchAcceptedRequests() {
        return Invariant.builder("payments.totals-match-accepted-requests")
                .description("A payment's totals equal the sum of its accepted requests, each idempotency key counted once")
                .regulation(PaymentRegulations.REG_Z_BILLING_ERRORS)
                .owner(PAYMENTS_OWNER)
                .tier(LiabilityTier.REGULATORY)
                .rationale("Catches what a single response hides: concurrent requests with one key that took effect"
                        + " twice, retries performed twice, and amounts scaled on the way in (JPY charged x100:"
                        + " InvoicePlane #1677, Paymenter #1258; three-decimal currencies /10:"
                        + " woocommerce-gateway-stripe #2720)")
                .overWholeTrace(trace -> {
                    PaymentHistory history = PaymentHistory.of(trace);
                    Map<String, PaymentRequest> firstByKey = new LinkedHashMap<>();
                    Map<String, Map<PaymentOperation, Money>> accepted = new HashMap<>();
                    List<Finding> findings = new ArrayList<>();
                    for (OperationRecorded operation : history.operations()) {
                        PaymentRequest request = operation.request();
                        if (request.amount() == null || !operation.result().succeeded()
                                || firstByKey.putIfAbsent(request.idempotencyKey(), request) != null) {
                            continue;
                        }
                        PaymentOperation total = request.operation() == PaymentOperation.FINAL_CAPTURE
                                ? PaymentOperation.CAPTURE : request.operation();
                        accepted.computeIfAbsent(request.paymentId(), id -> new HashMap<>())
                                .merge(total, request.amount(), PaymentInvariants::sumOrKeep);
                    }
                    for (List<SeenState> seen : history.states().values()) {
                        SeenState latest = seen.get(seen.size() - 1);
                        PaymentState state = latest.state();
                        Map<PaymentOperation, Money> sums = accepted.getOrDefault(state.paymentId(), Map.of());
                        compareTotal(state, "authorized", state.authorized(), sums.get(PaymentOperation.AUTHORIZE), latest, findings);
                        compareTotal(state, "captured", state.captured(), sums.get(PaymentOperation.CAPTURE), latest, findings);
                        compareTotal(state, "refunded", state.refunded(), sums.get(PaymentOperation.REFUND), latest, findings);
                    }
                    return findings;
                });
    }

    private static Money sumOrKeep(Money left, Money right) {
        return left.hasSameCurrencyAs(right) ? left.plus(right) : left;
    }

    private static void compareTotal(PaymentState state, String name, Money actual, Money expected, SeenState seen,
                                     List<Finding> findings) {
        Money wanted = expected == null ? Money.zero(actual.currency()) : expected;
        if (!wanted.hasSameCurrencyAs(actual) || wanted.minorUnits() != actual.minorUnits()) {
            findings.add(Finding.of(state.paymentId() + " shows " + name + " " + actual + ", but its accepted requests"
                    + " add up to " + wanted, seen.event()));
        }
    }

    /**
     * The ledger balances per transaction and currency.
     *
     * @return {@code payments.ledger-balanced}
     */
    public static Invariant ledgerBalanced() {
        return Invariant.builder("payments.ledger-balanced")
                .description("Every ledger transaction debits and credits the same total, per currency")
                .regulation(PaymentRegulations.SOX_404_INTERNAL_CONTROL)
                .owner(PAYMENTS_OWNER)
                .tier(LiabilityTier.FINANCIAL)
                .rationale("Double-entry bookkeeping: a posting without its counter-posting creates or destroys money"
                        + " in the books, which reconciliation with the provider's settlement reports then finds months later")
                .overWholeTrace(trace -> eachState(trace, state -> {
                    Map<String, Map<Currency, long[]>> sides = new LinkedHashMap<>();
                    for (LedgerEntry entry : state.ledger()) {
                        long[] debitCredit = sides.computeIfAbsent(entry.transactionId(), id -> new LinkedHashMap<>())
                                .computeIfAbsent(entry.amount().currency(), currency -> new long[2]);
                        debitCredit[entry.side() == LedgerEntry.Side.DEBIT ? 0 : 1] += entry.amount().minorUnits();
                    }
                    for (Map.Entry<String, Map<Currency, long[]>> transaction : sides.entrySet()) {
                        for (Map.Entry<Currency, long[]> perCurrency : transaction.getValue().entrySet()) {
                            long[] debitCredit = perCurrency.getValue();
                            if (debitCredit[0] != debitCredit[1]) {
                                String code = perCurrency.getKey().getCurrencyCode();
                                return Optional.of(state.paymentId() + ": ledger transaction " + transaction.getKey()
                                        + " debits " + new Money(debitCredit[0], perCurrency.getKey()) + " but credits "
                                        + new Money(debitCredit[1], perCurrency.getKey()) + " (" + code + ")");
                            }
                        }
                    }
                    return Optional.empty();
                }));
    }

    /**
     * The ledger's captures and refunds equal the payment's totals.
     *
     * @return {@code payments.ledger-matches-totals}
     */
    public static Invariant ledgerMatchesTotals() {
        return Invariant.builder("payments.ledger-matches-totals")
                .description("The ledger's capture and refund transactions add up to the payment's captured and refunded totals")
                .regulation(PaymentRegulations.SOX_404_INTERNAL_CONTROL)
                .owner(PAYMENTS_OWNER)
                .tier(LiabilityTier.FINANCIAL)
                .rationale("The payment record and the books must tell the same story; a transaction's amount is the"
                        + " sum of its debits, in the payment's currency")
                .overWholeTrace(trace -> eachState(trace, state -> {
                    long captured = 0;
                    long refunded = 0;
                    for (LedgerEntry entry : state.ledger()) {
                        if (!entry.amount().hasSameCurrencyAs(state.authorized())) {
                            return Optional.of(state.paymentId() + ": ledger posting " + entry + " is not in the payment's"
                                    + " currency " + state.authorized().currencyCode());
                        }
                        if (entry.side() == LedgerEntry.Side.DEBIT) {
                            if (entry.purpose() == LedgerEntry.Purpose.CAPTURE) {
                                captured += entry.amount().minorUnits();
                            } else {
                                refunded += entry.amount().minorUnits();
                            }
                        }
                    }
                    if (captured != state.captured().minorUnits() || refunded != state.refunded().minorUnits()) {
                        return Optional.of(state.paymentId() + ": the ledger records captures of "
                                + new Money(captured, state.authorized().currency()) + " and refunds of "
                                + new Money(refunded, state.authorized().currency()) + ", the payment shows captured "
                                + state.captured() + " and refunded " + state.refunded());
                    }
                    return Optional.empty();
                }));
    }

    /**
     * Only amounts valid for the currency and the payment's currency are accepted.
     *
     * @param rules the provider's minor-unit rules
     * @return {@code payments.amount-valid-for-currency}
     */
    public static Invariant amountsValidForCurrency(MinorUnitRules rules) {
        Objects.requireNonNull(rules, "rules");
        return Invariant.builder("payments.amount-valid-for-currency")
                .description("A succeeded request carries a positive amount in the payment's currency, valid under the"
                        + " provider's minor-unit rules")
                .regulation(PaymentRegulations.PSD2_CONSENT_AND_BLOCKED_FUNDS)
                .owner(PAYMENTS_OWNER)
                .tier(LiabilityTier.REGULATORY)
                .rationale("Minor units differ per currency and per provider (" + rules.name() + "): Stripe and"
                        + " Checkout.com take three-decimal amounts only ending in 0 and Stripe carries ISK with two"
                        + " decimals; amounts in another currency than the authorization are a different payment")
                .overWholeTrace(trace -> {
                    List<Finding> findings = new ArrayList<>();
                    for (OperationRecorded operation : PaymentHistory.of(trace).operations()) {
                        Money amount = operation.request().amount();
                        if (amount == null || !operation.result().succeeded()) {
                            continue;
                        }
                        rules.violation(amount).ifPresent(why -> findings.add(Finding.of("accepted "
                                + operation.request().describe() + ": " + why, operation)));
                        PaymentState known = operation.before() != null ? operation.before() : operation.after();
                        if (known != null && !known.authorized().hasSameCurrencyAs(amount)) {
                            findings.add(Finding.of("accepted " + operation.request().describe() + " on a payment in "
                                    + known.authorized().currencyCode(), operation));
                        }
                    }
                    return findings;
                });
    }

    /**
     * A rejected request changes nothing.
     *
     * @return {@code payments.rejected-changes-nothing}
     */
    public static Invariant rejectedChangesNothing() {
        return Invariant.builder("payments.rejected-changes-nothing")
                .description("A rejected or conflicting request leaves the payment, its totals and its ledger as they were")
                .regulation(PaymentRegulations.SOX_404_INTERNAL_CONTROL)
                .owner(PAYMENTS_OWNER)
                .tier(LiabilityTier.FINANCIAL)
                .rationale("A client that is told no retries or gives up; any effect of a refused request is money"
                        + " moved that nobody accounts for")
                .overWholeTrace(trace -> {
                    List<Finding> findings = new ArrayList<>();
                    for (OperationRecorded operation : PaymentHistory.of(trace).operations()) {
                        boolean recorded = operation.before() != null || operation.after() != null;
                        if (!operation.result().succeeded() && recorded
                                && !Objects.equals(operation.before(), operation.after())) {
                            findings.add(Finding.of(operation.request().describe() + " was answered "
                                    + operation.result().describe() + " but changed the payment: "
                                    + (operation.before() == null ? "none" : operation.before().describe()) + " became "
                                    + (operation.after() == null ? "none" : operation.after().describe()), operation));
                        }
                    }
                    return findings;
                });
    }

    private static Optional<String> exceeds(Money part, Money whole, String what, String wholeName) {
        if (!part.hasSameCurrencyAs(whole)) {
            return Optional.of(what + " " + part + " is in another currency than " + wholeName + " " + whole);
        }
        return part.isGreaterThan(whole) ? Optional.of(what + " " + part + " exceeds " + wholeName + " " + whole)
                : Optional.empty();
    }

    private static List<Finding> eachState(EventTrace trace, Function<PaymentState, Optional<String>> check) {
        List<Finding> findings = new ArrayList<>();
        PaymentState previous = null;
        String previousReason = null;
        for (SeenState seen : PaymentHistory.of(trace).allStates()) {
            // one finding per breach, not one per step that still shows it
            Optional<String> reason = check.apply(seen.state());
            if (reason.isPresent() && !(previous != null && previous.paymentId().equals(seen.state().paymentId())
                    && reason.get().equals(previousReason))) {
                findings.add(Finding.of(reason.get(), seen.event()));
            }
            previous = seen.state();
            previousReason = reason.orElse(null);
        }
        return findings;
    }
}
