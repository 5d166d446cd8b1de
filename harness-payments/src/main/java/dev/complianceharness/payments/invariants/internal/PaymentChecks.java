package dev.complianceharness.payments.invariants.internal;

import dev.complianceharness.event.RecordedEvent;
import dev.complianceharness.invariant.Finding;
import dev.complianceharness.invariant.Invariant;
import dev.complianceharness.invariant.LiabilityTier;
import dev.complianceharness.invariant.Owner;
import dev.complianceharness.payments.event.LedgerEntry;
import dev.complianceharness.payments.event.OperationRecorded;
import dev.complianceharness.payments.event.OperationResult.Outcome;
import dev.complianceharness.payments.event.PaymentObserved;
import dev.complianceharness.payments.event.PaymentOperation;
import dev.complianceharness.payments.event.PaymentRequest;
import dev.complianceharness.payments.event.PaymentState;
import dev.complianceharness.payments.invariants.PaymentRegulations;
import dev.complianceharness.payments.lifecycle.Amounts;
import dev.complianceharness.payments.lifecycle.Lifecycle;
import dev.complianceharness.payments.lifecycle.Transition;
import dev.complianceharness.payments.money.MinorUnitRules;
import dev.complianceharness.payments.money.Money;
import dev.complianceharness.payments.policy.KeyScope;
import dev.complianceharness.payments.policy.PaymentPolicies;
import dev.complianceharness.payments.policy.RejectedRetry;
import dev.complianceharness.payments.policy.SucceededRetry;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The payment invariants with their incremental checks. Each check reads {@link OperationRecorded} and
 * {@link PaymentObserved} events one at a time; the states it judges are the states after a request and the
 * states observed (after the branches of a concurrent run joined), so a breach is reported once, at the event
 * that first shows it.
 */
public final class PaymentChecks {

    /** Who answers for the payment invariants unless a team overrides them. */
    public static final Owner PAYMENTS_OWNER = Owner.of("payments-platform");

    private PaymentChecks() {
    }

    /**
     * @param lifecycle the lifecycle the adapter's statuses are named in
     * @param rules     the provider's minor-unit rules
     * @param policies  the policies the service follows
     * @return every payment check, in a stable order
     */
    public static List<PaymentCheck> all(Lifecycle lifecycle, MinorUnitRules rules, PaymentPolicies policies) {
        // every check of a generated run asks again with the same three objects; the checks are immutable (each run
        // takes fresh running checks from them), so they are built once per configuration
        Configuration configuration = new Configuration(lifecycle, rules, policies);
        List<PaymentCheck> checks = BUILT.get(configuration);
        if (checks == null) {
            checks = build(lifecycle, rules, policies);
            if (BUILT.size() >= MAX_BUILT) {
                BUILT.clear();
            }
            BUILT.put(configuration, checks);
        }
        return checks;
    }

    private static final int MAX_BUILT = 32;
    private static final Map<Configuration, List<PaymentCheck>> BUILT = new ConcurrentHashMap<>();

    /** The objects the checks are built from, compared by identity (policies equal in their choices may differ in the reasons shown). */
    private record Configuration(Lifecycle lifecycle, MinorUnitRules rules, PaymentPolicies policies) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Configuration that && lifecycle == that.lifecycle && rules == that.rules
                    && policies == that.policies;
        }

        @Override
        public int hashCode() {
            return 31 * (31 * System.identityHashCode(lifecycle) + System.identityHashCode(rules))
                    + System.identityHashCode(policies);
        }
    }

    private static List<PaymentCheck> build(Lifecycle lifecycle, MinorUnitRules rules, PaymentPolicies policies) {
        return List.of(declaredTransitions(lifecycle, policies), terminalStaysTerminal(lifecycle),
                capturedWithinAuthorized(), refundedWithinCaptured(), idempotentRetries(policies), keyReuseRejected(policies),
                totalsMatchAcceptedRequests(policies), ledgerBalanced(), ledgerMatchesTotals(),
                amountsValidForCurrency(rules), rejectedChangesNothing());
    }

    /**
     * @param lifecycle the lifecycle
     * @param policies  the policies, which may narrow the lifecycle (refunds refused while partially captured)
     * @return {@code payments.declared-transitions}
     */
    public static PaymentCheck declaredTransitions(Lifecycle lifecycle, PaymentPolicies policies) {
        Objects.requireNonNull(lifecycle, "lifecycle");
        Lifecycle effective = policies.restrict(lifecycle);
        return PaymentCheck.of(Invariant.builder("payments.declared-transitions")
                .description("A succeeded request moves a payment only along a transition its lifecycle declares")
                .regulation(PaymentRegulations.PSD2_CONSENT_AND_BLOCKED_FUNDS)
                .owner(PAYMENTS_OWNER)
                .tier(LiabilityTier.REGULATORY)
                .rationale("A capture after a cancel takes money the payer withdrew consent for; a cancel after a"
                        + " capture releases what was already taken. Stripe, Adyen and Kill Bill all refuse both"
                        + " (lifecycle '" + effective.name() + "')"), () -> new DeclaredTransitions(effective));
    }

    private static final class DeclaredTransitions implements RunningCheck {
        private final Lifecycle lifecycle;
        private final Set<PaymentRequest> sent = new HashSet<>();

        DeclaredTransitions(Lifecycle lifecycle) {
            this.lifecycle = lifecycle;
        }

        @Override
        public void read(RecordedEvent event, List<Finding> findings) {
            if (!(event instanceof OperationRecorded operation)) {
                return;
            }
            PaymentRequest request = operation.request();
            boolean retry = request.idempotencyKey() != null && !sent.add(request);
            if (operation.result().outcome() != Outcome.SUCCEEDED || operation.after() == null) {
                return;
            }
            PaymentState before = operation.before();
            String from = before == null ? lifecycle.initialState() : before.status();
            String to = operation.after().status();
            if ((retry && Objects.equals(before, operation.after()))
                    || (request.operation() == PaymentOperation.EXPIRE && from.equals(to))) {
                return;
            }
            Optional<String> unknown = unknownStatus(lifecycle, from, to);
            if (unknown.isPresent()) {
                findings.add(Finding.of(unknown.get(), operation));
                return;
            }
            String command = request.operation().lifecycleCommand();
            boolean declared = false;
            boolean holds = false;
            Amounts amounts = null;
            if (lifecycle.hasCommand(command)) {
                for (Transition transition : lifecycle.outgoing(from, command)) {
                    if (transition.to().equals(to)) {
                        declared = true;
                        if (!transition.isConditional()) {
                            holds = true;
                        } else {
                            amounts = amounts == null ? amounts(request, before) : amounts;
                            holds |= transition.condition().holds(amounts);
                        }
                    }
                }
            }
            if (holds) {
                return;
            }
            String moved = request.describe() + " succeeded and moved " + request.paymentId() + " from " + from + " to "
                    + to + ", which lifecycle '" + lifecycle.name() + "' does not allow";
            if (!declared) {
                findings.add(Finding.of(moved, operation));
                return;
            }
            List<String> conditions = new ArrayList<>();
            for (Transition transition : lifecycle.outgoing(from, command)) {
                if (transition.to().equals(to)) {
                    conditions.add(transition.condition().description());
                }
            }
            findings.add(Finding.of(moved + " here: it allows that only " + String.join(" or ", conditions)
                    + " (" + amounts.describe() + ")", operation));
        }
    }

    /**
     * @param request a request
     * @param before  the payment's state before it; null if the payment did not exist
     * @return the amounts its transition's condition looks at
     */
    public static Amounts amounts(PaymentRequest request, PaymentState before) {
        if (before == null) {
            Money zero = Money.zero(request.optionalAmount().map(Money::currency).orElse(Currency.getInstance("XXX")));
            return new Amounts(request.amount(), zero, zero, zero);
        }
        return new Amounts(request.amount(), before.authorized(), before.captured(), before.refunded());
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
     * @param lifecycle the lifecycle
     * @return {@code payments.terminal-stays-terminal}
     */
    public static PaymentCheck terminalStaysTerminal(Lifecycle lifecycle) {
        Objects.requireNonNull(lifecycle, "lifecycle");
        return PaymentCheck.of(Invariant.builder("payments.terminal-stays-terminal")
                .description("A payment in a terminal state never leaves it")
                .regulation(PaymentRegulations.PSD2_CONSENT_AND_BLOCKED_FUNDS)
                .owner(PAYMENTS_OWNER)
                .tier(LiabilityTier.FINANCIAL)
                .rationale("Terminal states are final in every reference lifecycle (Stripe succeeded/canceled, Adyen"
                        + " Cancelled/Expired, Kill Bill VOID_SUCCESS); reopening one lets money move without a"
                        + " fresh authorization"), () -> new RunningCheck() {
                            private final Map<String, Seen> last = new HashMap<>();

                            @Override
                            public void read(RecordedEvent event, List<Finding> findings) {
                                if (event instanceof OperationRecorded operation && operation.before() != null) {
                                    compare(new Seen(operation.before(), event), findings);
                                }
                                PaymentState after = stateAfter(event);
                                if (after != null) {
                                    compare(new Seen(after, event), findings);
                                }
                            }

                            private void compare(Seen seen, List<Finding> findings) {
                                Seen earlier = last.put(seen.state().paymentId(), seen);
                                if (earlier == null || earlier.state() == seen.state()) {
                                    return;
                                }
                                String was = earlier.state().status();
                                String now = seen.state().status();
                                if (lifecycle.hasState(was) && lifecycle.isTerminal(was) && !was.equals(now)) {
                                    findings.add(Finding.of(seen.state().paymentId() + " left the terminal state " + was
                                            + " for " + now, earlier.event(), seen.event()));
                                }
                            }
                        });
    }

    /** A state and the event that showed it. */
    private record Seen(PaymentState state, RecordedEvent event) {
    }

    /** The state an event shows after it (the state after a request, or an observed state); null if none. */
    private static PaymentState stateAfter(RecordedEvent event) {
        if (event instanceof OperationRecorded operation) {
            return operation.after();
        }
        return event instanceof PaymentObserved observed ? observed.state() : null;
    }

    /** A check of every state seen, one finding per breach rather than per step that still shows it. */
    private static Supplier<RunningCheck> eachState(Function<PaymentState, Optional<String>> check) {
        return () -> new RunningCheck() {
            private final Map<String, String> previousReason = new HashMap<>();

            @Override
            public void read(RecordedEvent event, List<Finding> findings) {
                PaymentState state = stateAfter(event);
                if (state == null) {
                    return;
                }
                Optional<String> reason = check.apply(state);
                String previous = reason.isEmpty() && previousReason.isEmpty() ? null
                        : previousReason.put(state.paymentId(), reason.orElse(null));
                if (reason.isPresent() && !reason.get().equals(previous)) {
                    findings.add(Finding.of(reason.get(), event));
                }
            }
        };
    }

    /** @return {@code payments.captured-within-authorized} */
    public static PaymentCheck capturedWithinAuthorized() {
        return PaymentCheck.of(Invariant.builder("payments.captured-within-authorized")
                .description("The total captured never exceeds the amount authorized")
                .regulation(PaymentRegulations.PSD2_CONSENT_AND_BLOCKED_FUNDS)
                .owner(PAYMENTS_OWNER)
                .tier(LiabilityTier.REGULATORY)
                .rationale("Captures above the authorization have no consent and are refused by Adyen; multicapture"
                        + " at Stripe keeps only the uncaptured remainder capturable. Seen in the wild as double"
                        + " captures through races (medusa #13301, ps_checkout #1057)"),
                eachState(state -> exceeds(state.captured(), state.authorized(), state, ": captured", "the authorized")));
    }

    /** @return {@code payments.refunded-within-captured} */
    public static PaymentCheck refundedWithinCaptured() {
        return PaymentCheck.of(Invariant.builder("payments.refunded-within-captured")
                .description("The total refunded never exceeds the total captured, also under concurrent requests")
                .regulation(PaymentRegulations.SOX_404_INTERNAL_CONTROL)
                .owner(PAYMENTS_OWNER)
                .tier(LiabilityTier.FINANCIAL)
                .rationale("Stripe refunds at most amount_received - amount_refunded. Public bugs: Kill Bill #334"
                        + " (more refunded than captured), Hyperswitch #3120 (checked against the authorized amount),"
                        + " concurrent refunds exceeding the payment (eventyay #1405). A duplicate partial refund"
                        + " under a new key stays within the capture and needs a business rule of its own"),
                eachState(state -> exceeds(state.refunded(), state.captured(), state, ": refunded", "the captured")));
    }

    private static Optional<String> exceeds(Money part, Money whole, PaymentState state, String what, String wholeName) {
        if (!part.hasSameCurrencyAs(whole)) {
            return Optional.of(state.paymentId() + what + " " + part + " is in another currency than " + wholeName + " "
                    + whole);
        }
        return part.minorUnits() > whole.minorUnits()
                ? Optional.of(state.paymentId() + what + " " + part + " exceeds " + wholeName + " " + whole)
                : Optional.empty();
    }

    /**
     * @param policies the policies: what a retry of a rejected and of a performed request does, and the key scope
     * @return {@code payments.idempotent-retry}
     */
    public static PaymentCheck idempotentRetries(PaymentPolicies policies) {
        Objects.requireNonNull(policies, "policies");
        return PaymentCheck.of(Invariant.builder("payments.idempotent-retry")
                .description("A retry with the same idempotency key and request has no second effect and is answered as"
                        + " the policies say")
                .regulation(PaymentRegulations.REG_Z_BILLING_ERRORS)
                .owner(PAYMENTS_OWNER)
                .tier(LiabilityTier.REGULATORY)
                .rationale("Stripe stores the first response for a key (even a 500) and replays it; Adyen keeps keys"
                        + " at least 31 days. A retry that charges again is a duplicate charge (policies: "
                        + policies.rejectedRetry().policy() + " " + policies.rejectedRetry().choice() + "; "
                        + policies.succeededRetry().policy() + " " + policies.succeededRetry().choice() + "; key scope "
                        + policies.keyScope().choice() + ")"), () -> new IdempotentRetries(policies));
    }

    private static final class IdempotentRetries implements RunningCheck {
        private final PaymentPolicies policies;
        private final Map<String, OperationRecorded> bindings = new HashMap<>();

        IdempotentRetries(PaymentPolicies policies) {
            this.policies = policies;
        }

        @Override
        public void read(RecordedEvent event, List<Finding> findings) {
            if (!(event instanceof OperationRecorded operation) || operation.concurrent()
                    || operation.result().outcome() == Outcome.CONFLICT) {
                return;
            }
            Optional<String> key = policies.keyScope().scopedKey(operation.request());
            if (key.isEmpty()) {
                return;
            }
            OperationRecorded original = bindings.get(key.get());
            if (original == null) {
                if (binds(operation, policies)) {
                    bindings.put(key.get(), operation);
                }
                return;
            }
            if (!original.request().equals(operation.request())) {
                return;
            }
            if (original.result().succeeded() && policies.succeededRetry() == SucceededRetry.REFUSED_AS_DUPLICATE) {
                if (operation.result().succeeded()) {
                    findings.add(Finding.of("the retry of " + operation.request().describe() + " returned " + operation.result().describe() + ", but a retry of a"
                            + " performed request is refused as a duplicate (policy '" + policies.succeededRetry().policy()
                            + ": " + policies.succeededRetry().choice() + "')", original, operation));
                    return;
                }
            } else if (operation.result().outcome() != original.result().outcome()
                    || !operation.result().reference().equals(original.result().reference())
                    || !operation.result().paymentId().equals(original.result().paymentId())) {
                findings.add(Finding.of("the retry of " + operation.request().describe() + " returned "
                        + operation.result().describe() + ", but the first request returned "
                        + original.result().describe(), original, operation));
                return;
            }
            if (operation.before() != null && !operation.before().equals(operation.after())) {
                findings.add(Finding.of("the retry of " + operation.request().describe() + " changed the payment again",
                        original, operation));
            }
        }
    }

    /** Whether a request binds its key: any first request, or under "executed again" only a performed one. */
    private static boolean binds(OperationRecorded operation, PaymentPolicies policies) {
        return operation.result().succeeded() || policies.rejectedRetry() == RejectedRetry.REPLAYED;
    }

    /**
     * @param policies the policies: the key scope, and whether a rejected request binds its key
     * @return {@code payments.key-reuse-rejected}
     */
    public static PaymentCheck keyReuseRejected(PaymentPolicies policies) {
        Objects.requireNonNull(policies, "policies");
        KeyScope scope = policies.keyScope();
        return PaymentCheck.of(Invariant.builder("payments.key-reuse-rejected")
                .description("A request that reuses an idempotency key with other parameters is rejected")
                .regulation(PaymentRegulations.REG_Z_BILLING_ERRORS)
                .owner(PAYMENTS_OWNER)
                .tier(LiabilityTier.FINANCIAL)
                .rationale("Stripe answers idempotency_error for a reused key with different parameters; accepting"
                        + " it either replays the wrong result or performs an operation the client believes is a retry"
                        + " (key scope " + scope.choice() + ")"), () -> new RunningCheck() {
                            private final Map<String, OperationRecorded> bindings = new HashMap<>();

                            @Override
                            public void read(RecordedEvent event, List<Finding> findings) {
                                if (!(event instanceof OperationRecorded operation) || operation.concurrent()) {
                                    return;
                                }
                                Optional<String> key = scope.scopedKey(operation.request());
                                if (key.isEmpty()) {
                                    return;
                                }
                                OperationRecorded original = bindings.get(key.get());
                                if (original == null) {
                                    if (binds(operation, policies)) {
                                        bindings.put(key.get(), operation);
                                    }
                                } else if (!original.request().equals(operation.request()) && operation.result().succeeded()) {
                                    findings.add(Finding.of("key " + operation.request().idempotencyKey() + " was first used"
                                            + " for " + original.request().describe() + " and then accepted for "
                                            + operation.request().describe(), original, operation));
                                }
                            }
                        });
    }

    /**
     * @param policies the policies: the key scope that says which requests are one
     * @return {@code payments.totals-match-accepted-requests}
     */
    public static PaymentCheck totalsMatchAcceptedRequests(PaymentPolicies policies) {
        Objects.requireNonNull(policies, "policies");
        KeyScope scope = policies.keyScope();
        return PaymentCheck.of(Invariant.builder("payments.totals-match-accepted-requests")
                .description("A payment's totals equal the sum of its accepted requests, each idempotency key counted once")
                .regulation(PaymentRegulations.REG_Z_BILLING_ERRORS)
                .owner(PAYMENTS_OWNER)
                .tier(LiabilityTier.REGULATORY)
                .rationale("Catches what a single response hides: concurrent requests with one key that took effect"
                        + " twice, retries performed twice, and amounts scaled on the way in (JPY charged x100:"
                        + " InvoicePlane #1677, Paymenter #1258; three-decimal currencies /10:"
                        + " woocommerce-gateway-stripe #2720)"), () -> new RunningCheck() {
                            private final Set<String> counted = new HashSet<>();
                            private final Map<String, Map<PaymentOperation, Money>> accepted = new HashMap<>();
                            private final Map<String, String> previousReason = new HashMap<>();

                            @Override
                            public void read(RecordedEvent event, List<Finding> findings) {
                                if (event instanceof OperationRecorded operation) {
                                    count(operation);
                                }
                                PaymentState state = stateAfter(event);
                                if (state != null) {
                                    compare(state, event, findings);
                                }
                            }

                            private void count(OperationRecorded operation) {
                                PaymentRequest request = operation.request();
                                Optional<String> key = scope.scopedKey(request);
                                if (request.amount() == null || !operation.result().succeeded() || key.isEmpty()
                                        || !counted.add(key.get())) {
                                    return;
                                }
                                PaymentOperation total = request.operation() == PaymentOperation.FINAL_CAPTURE
                                        ? PaymentOperation.CAPTURE : request.operation();
                                accepted.computeIfAbsent(request.paymentId(), id -> new EnumMap<>(PaymentOperation.class))
                                        .merge(total, request.amount(), PaymentChecks::sumOrKeep);
                            }

                            private void compare(PaymentState state, RecordedEvent event, List<Finding> findings) {
                                Map<PaymentOperation, Money> sums = accepted.getOrDefault(state.paymentId(), Map.of());
                                if (matches(state.authorized(), sums.get(PaymentOperation.AUTHORIZE))
                                        && matches(state.captured(), sums.get(PaymentOperation.CAPTURE))
                                        && matches(state.refunded(), sums.get(PaymentOperation.REFUND))) {
                                    if (!previousReason.isEmpty()) {
                                        previousReason.remove(state.paymentId());
                                    }
                                    return;
                                }
                                List<String> reasons = new ArrayList<>(3);
                                mismatch(state, "authorized", state.authorized(), sums.get(PaymentOperation.AUTHORIZE))
                                        .ifPresent(reasons::add);
                                mismatch(state, "captured", state.captured(), sums.get(PaymentOperation.CAPTURE))
                                        .ifPresent(reasons::add);
                                mismatch(state, "refunded", state.refunded(), sums.get(PaymentOperation.REFUND))
                                        .ifPresent(reasons::add);
                                String joined = reasons.isEmpty() ? null : String.join("\n", reasons);
                                String previous = previousReason.put(state.paymentId(), joined);
                                if (joined != null && !joined.equals(previous)) {
                                    for (String reason : reasons) {
                                        findings.add(Finding.of(reason, event));
                                    }
                                }
                            }
                        });
    }

    private static Money sumOrKeep(Money left, Money right) {
        return left.hasSameCurrencyAs(right) ? left.plus(right) : left;
    }

    private static boolean matches(Money actual, Money expected) {
        return expected == null ? actual.isZero() : expected.hasSameCurrencyAs(actual)
                && expected.minorUnits() == actual.minorUnits();
    }

    private static Optional<String> mismatch(PaymentState state, String name, Money actual, Money expected) {
        Money wanted = expected == null ? Money.zero(actual.currency()) : expected;
        if (!wanted.hasSameCurrencyAs(actual) || wanted.minorUnits() != actual.minorUnits()) {
            return Optional.of(state.paymentId() + " shows " + name + " " + actual + ", but its accepted requests add"
                    + " up to " + wanted);
        }
        return Optional.empty();
    }

    /** @return {@code payments.ledger-balanced} */
    public static PaymentCheck ledgerBalanced() {
        return PaymentCheck.of(Invariant.builder("payments.ledger-balanced")
                .description("Every ledger transaction debits and credits the same total, per currency")
                .regulation(PaymentRegulations.SOX_404_INTERNAL_CONTROL)
                .owner(PAYMENTS_OWNER)
                .tier(LiabilityTier.FINANCIAL)
                .rationale("Double-entry bookkeeping: a posting without its counter-posting creates or destroys money"
                        + " in the books, which reconciliation with the provider's settlement reports then finds months"
                        + " later"), eachState(state -> {
                            if (consecutivelyBalanced(state.ledger())) {
                                return Optional.empty();
                            }
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
                                                + " debits " + new Money(debitCredit[0], perCurrency.getKey())
                                                + " but credits " + new Money(debitCredit[1], perCurrency.getKey()) + " ("
                                                + code + ")");
                                    }
                                }
                            }
                            return Optional.empty();
                        }));
    }

    /**
     * The common case, without allocating: every transaction's postings are next to each other, in one currency,
     * and balance. Anything else goes to the full check, which also names what is off.
     */
    private static boolean consecutivelyBalanced(List<LedgerEntry> ledger) {
        String transaction = null;
        Currency currency = null;
        long balance = 0;
        for (int i = 0; i < ledger.size(); i++) {
            LedgerEntry entry = ledger.get(i);
            if (!entry.transactionId().equals(transaction)) {
                if (balance != 0) {
                    return false;
                }
                for (int earlier = 0; earlier < i; earlier++) {
                    if (ledger.get(earlier).transactionId().equals(entry.transactionId())) {
                        return false;
                    }
                }
                transaction = entry.transactionId();
                currency = entry.amount().currency();
            } else if (!entry.amount().currency().equals(currency)) {
                return false;
            }
            balance += entry.side() == LedgerEntry.Side.DEBIT ? entry.amount().minorUnits() : -entry.amount().minorUnits();
        }
        return balance == 0;
    }

    /** @return {@code payments.ledger-matches-totals} */
    public static PaymentCheck ledgerMatchesTotals() {
        return PaymentCheck.of(Invariant.builder("payments.ledger-matches-totals")
                .description("The ledger's capture and refund transactions add up to the payment's captured and refunded"
                        + " totals")
                .regulation(PaymentRegulations.SOX_404_INTERNAL_CONTROL)
                .owner(PAYMENTS_OWNER)
                .tier(LiabilityTier.FINANCIAL)
                .rationale("The payment record and the books must tell the same story; a transaction's amount is the"
                        + " sum of its debits, in the payment's currency"), eachState(state -> {
                            long captured = 0;
                            long refunded = 0;
                            for (LedgerEntry entry : state.ledger()) {
                                if (!entry.amount().hasSameCurrencyAs(state.authorized())) {
                                    return Optional.of(state.paymentId() + ": ledger posting " + entry + " is not in the"
                                            + " payment's currency " + state.authorized().currencyCode());
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
                                        + new Money(refunded, state.authorized().currency()) + ", the payment shows"
                                        + " captured " + state.captured() + " and refunded " + state.refunded());
                            }
                            return Optional.empty();
                        }));
    }

    /**
     * @param rules the provider's minor-unit rules
     * @return {@code payments.amount-valid-for-currency}
     */
    public static PaymentCheck amountsValidForCurrency(MinorUnitRules rules) {
        Objects.requireNonNull(rules, "rules");
        return PaymentCheck.of(Invariant.builder("payments.amount-valid-for-currency")
                .description("A succeeded request carries a positive amount in the payment's currency, valid under the"
                        + " provider's minor-unit rules")
                .regulation(PaymentRegulations.PSD2_CONSENT_AND_BLOCKED_FUNDS)
                .owner(PAYMENTS_OWNER)
                .tier(LiabilityTier.REGULATORY)
                .rationale("Minor units differ per currency and per provider (" + rules.name() + "): Stripe and"
                        + " Checkout.com take three-decimal amounts only ending in 0 and Stripe carries ISK with two"
                        + " decimals; amounts in another currency than the authorization are a different payment"),
                () -> (event, findings) -> {
                    if (!(event instanceof OperationRecorded operation)) {
                        return;
                    }
                    Money amount = operation.request().amount();
                    if (amount == null || !operation.result().succeeded()) {
                        return;
                    }
                    rules.violation(amount).ifPresent(why -> findings.add(Finding.of("accepted "
                            + operation.request().describe() + ": " + why, operation)));
                    PaymentState known = operation.before() != null ? operation.before() : operation.after();
                    if (known != null && !known.authorized().hasSameCurrencyAs(amount)) {
                        findings.add(Finding.of("accepted " + operation.request().describe() + " on a payment in "
                                + known.authorized().currencyCode(), operation));
                    }
                });
    }

    /** @return {@code payments.rejected-changes-nothing} */
    public static PaymentCheck rejectedChangesNothing() {
        return PaymentCheck.of(Invariant.builder("payments.rejected-changes-nothing")
                .description("A rejected or conflicting request leaves the payment, its totals and its ledger as they were")
                .regulation(PaymentRegulations.SOX_404_INTERNAL_CONTROL)
                .owner(PAYMENTS_OWNER)
                .tier(LiabilityTier.FINANCIAL)
                .rationale("A client that is told no retries or gives up; any effect of a refused request is money"
                        + " moved that nobody accounts for"), () -> (event, findings) -> {
                            if (!(event instanceof OperationRecorded operation)) {
                                return;
                            }
                            boolean recorded = operation.before() != null || operation.after() != null;
                            if (!operation.result().succeeded() && recorded
                                    && !Objects.equals(operation.before(), operation.after())) {
                                findings.add(Finding.of(operation.request().describe() + " was answered "
                                        + operation.result().describe() + " but changed the payment: "
                                        + (operation.before() == null ? "none" : operation.before().describe())
                                        + " became " + (operation.after() == null ? "none" : operation.after().describe()),
                                        operation));
                            }
                        });
    }
}
