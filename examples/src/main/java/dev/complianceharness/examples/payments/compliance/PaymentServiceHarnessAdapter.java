package dev.complianceharness.examples.payments.compliance;

import dev.complianceharness.examples.payments.PaymentRecord;
import dev.complianceharness.examples.payments.PaymentRefusedException;
import dev.complianceharness.examples.payments.PaymentService;
import dev.complianceharness.payments.event.LedgerEntry;
import dev.complianceharness.payments.event.OperationResult;
import dev.complianceharness.payments.event.PaymentState;
import dev.complianceharness.payments.money.MinorUnitRules;
import dev.complianceharness.payments.money.Money;
import dev.complianceharness.payments.testing.PaymentServiceAdapter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The team's adapter: it translates the harness's commands into calls on its {@link PaymentService}
 * (amounts from minor units to the decimal major units the API takes) and reads the stored payment back.
 * Its statuses already carry the names of the manual-capture lifecycle, so they pass through. The marketplace
 * team's service chooses its own payment ids: its adapter hands the new id back with
 * {@link OperationResult#authorized(String)}.
 */
public final class PaymentServiceHarnessAdapter implements PaymentServiceAdapter {

    private static final MinorUnitRules RULES = MinorUnitRules.iso4217();

    private final PaymentService service;
    private final boolean serviceChoosesIds;

    /** @param service the service under test, which takes the ids the client gives payments */
    public PaymentServiceHarnessAdapter(PaymentService service) {
        this(service, false);
    }

    private PaymentServiceHarnessAdapter(PaymentService service, boolean serviceChoosesIds) {
        this.service = Objects.requireNonNull(service, "service");
        this.serviceChoosesIds = serviceChoosesIds;
    }

    /**
     * @param service the service under test, which answers an authorization with the id it chose
     * @return the adapter
     */
    public static PaymentServiceHarnessAdapter choosingIds(PaymentService service) {
        return new PaymentServiceHarnessAdapter(service, true);
    }

    @Override
    public OperationResult authorize(String paymentId, Money amount, String idempotencyKey) {
        OperationResult result = call(() -> service.authorize(paymentId, RULES.toMajorUnits(amount), amount.currencyCode(),
                idempotencyKey));
        return serviceChoosesIds && result.succeeded() ? OperationResult.authorized(result.reference()) : result;
    }

    @Override
    public OperationResult capture(String paymentId, Money amount, boolean finalCapture, String idempotencyKey) {
        return call(() -> service.capture(paymentId, RULES.toMajorUnits(amount), amount.currencyCode(), finalCapture,
                idempotencyKey));
    }

    @Override
    public OperationResult refund(String paymentId, Money amount, String idempotencyKey) {
        return call(() -> service.refund(paymentId, RULES.toMajorUnits(amount), amount.currencyCode(), idempotencyKey));
    }

    @Override
    public OperationResult cancel(String paymentId, String idempotencyKey) {
        return call(() -> service.cancel(paymentId, idempotencyKey));
    }

    @Override
    public void expireAuthorizations() {
        service.expireAuthorizations();
    }

    @Override
    public Optional<PaymentState> state(String paymentId) {
        return service.find(paymentId).map(PaymentServiceHarnessAdapter::toState);
    }

    private static PaymentState toState(PaymentRecord record) {
        Currency currency = Money.currency(record.currency());
        List<LedgerEntry> ledger = new ArrayList<>(record.postings().size());
        for (PaymentRecord.Posting posting : record.postings()) {
            ledger.add(new LedgerEntry(posting.transactionId(),
                    posting.purpose().equals("capture") ? LedgerEntry.Purpose.CAPTURE : LedgerEntry.Purpose.REFUND,
                    posting.account(), posting.debit() ? LedgerEntry.Side.DEBIT : LedgerEntry.Side.CREDIT,
                    new Money(posting.amount(), currency)));
        }
        return new PaymentState(record.id(), record.status(), new Money(record.authorized(), currency),
                new Money(record.captured(), currency), new Money(record.refunded(), currency), ledger);
    }

    private static OperationResult call(Supplier<String> request) {
        try {
            return OperationResult.succeeded(request.get());
        } catch (PaymentRefusedException refused) {
            return OperationResult.rejected(refused.getMessage());
        }
    }
}
