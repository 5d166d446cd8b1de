package dev.complianceharness.examples.payments;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The sample payment service in memory, for fast tests and the benchmark: the same rules as
 * {@link JdbcPaymentService}, one lock around everything.
 */
public final class InMemoryPaymentService implements PaymentService {

    private final Clock clock;
    private final Duration authorizationValidity = Duration.ofDays(7);
    private final Map<String, Payment> payments = new HashMap<>();
    private final Map<String, Stored> keys = new HashMap<>();
    private long nextReference = 1;

    /** @param clock the clock authorizations are stamped and expired with */
    public InMemoryPaymentService(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private static final class Payment {
        private final String currency;
        private final long authorized;
        private final Instant authorizedAt;
        private String status = "authorized";
        private long captured;
        private long refunded;
        private final List<PaymentRecord.Posting> postings = new ArrayList<>();

        private Payment(String currency, long authorized, Instant authorizedAt) {
            this.currency = currency;
            this.authorized = authorized;
            this.authorizedAt = authorizedAt;
        }
    }

    private record Stored(String fingerprint, boolean succeeded, String result) {
    }

    @FunctionalInterface
    private interface Work {
        String run();
    }

    @Override
    public synchronized String authorize(String paymentId, BigDecimal amount, String currency, String idempotencyKey) {
        long minor = toMinorUnits(amount, currency);
        return idempotent(idempotencyKey, "authorize|" + paymentId + "|" + minor + "|" + currency, () -> {
            if (payments.containsKey(paymentId)) {
                throw new PaymentRefusedException("payment already exists");
            }
            payments.put(paymentId, new Payment(currency, minor, clock.instant()));
            return reference("auth");
        });
    }

    @Override
    public synchronized String capture(String paymentId, BigDecimal amount, String currency, boolean finalCapture,
                                       String idempotencyKey) {
        long minor = toMinorUnits(amount, currency);
        return idempotent(idempotencyKey, "capture|" + paymentId + "|" + minor + "|" + currency + "|" + finalCapture, () -> {
            Payment payment = payment(paymentId, currency);
            if (!payment.status.equals("authorized") && !payment.status.equals("partially_captured")) {
                throw new PaymentRefusedException("payment is " + payment.status);
            }
            if (minor > payment.authorized - payment.captured) {
                throw new PaymentRefusedException("amount exceeds the capturable rest");
            }
            payment.status = finalCapture ? "captured" : "partially_captured";
            payment.captured += minor;
            return post(payment, "cap", "capture", "customer_funds", "merchant_revenue", minor);
        });
    }

    @Override
    public synchronized String refund(String paymentId, BigDecimal amount, String currency, String idempotencyKey) {
        long minor = toMinorUnits(amount, currency);
        return idempotent(idempotencyKey, "refund|" + paymentId + "|" + minor + "|" + currency, () -> {
            Payment payment = payment(paymentId, currency);
            if (!payment.status.equals("partially_captured") && !payment.status.equals("captured")) {
                throw new PaymentRefusedException("payment is " + payment.status);
            }
            if (minor > payment.captured - payment.refunded) {
                throw new PaymentRefusedException("amount exceeds the refundable rest");
            }
            payment.refunded += minor;
            return post(payment, "ref", "refund", "merchant_revenue", "customer_funds", minor);
        });
    }

    @Override
    public synchronized String cancel(String paymentId, String idempotencyKey) {
        return idempotent(idempotencyKey, "cancel|" + paymentId, () -> {
            Payment payment = payment(paymentId, null);
            if (!payment.status.equals("authorized")) {
                throw new PaymentRefusedException("payment is " + payment.status);
            }
            payment.status = "canceled";
            return reference("void");
        });
    }

    @Override
    public synchronized void expireAuthorizations() {
        Instant cutoff = clock.instant().minus(authorizationValidity);
        for (Payment payment : payments.values()) {
            if (!payment.authorizedAt.isAfter(cutoff)) {
                if (payment.status.equals("authorized")) {
                    payment.status = "expired";
                } else if (payment.status.equals("partially_captured")) {
                    payment.status = "captured";
                }
            }
        }
    }

    @Override
    public synchronized Optional<PaymentRecord> find(String paymentId) {
        Payment payment = payments.get(paymentId);
        return payment == null ? Optional.empty() : Optional.of(new PaymentRecord(paymentId, payment.status,
                payment.currency, payment.authorized, payment.captured, payment.refunded, payment.postings));
    }

    private String idempotent(String key, String fingerprint, Work work) {
        Stored stored = keys.get(key);
        if (stored == null) {
            try {
                stored = new Stored(fingerprint, true, work.run());
            } catch (PaymentRefusedException refused) {
                stored = new Stored(fingerprint, false, refused.getMessage());
            }
            keys.put(key, stored);
        } else if (!stored.fingerprint().equals(fingerprint)) {
            throw new PaymentRefusedException("idempotency key reused with other parameters");
        }
        if (!stored.succeeded()) {
            throw new PaymentRefusedException(stored.result());
        }
        return stored.result();
    }

    private Payment payment(String paymentId, String currency) {
        Payment payment = payments.get(paymentId);
        if (payment == null) {
            throw new PaymentRefusedException("no such payment");
        }
        if (currency != null && !currency.equals(payment.currency)) {
            throw new PaymentRefusedException("payment is in " + payment.currency);
        }
        return payment;
    }

    private String post(Payment payment, String prefix, String purpose, String debited, String credited, long minor) {
        String reference = reference(prefix);
        payment.postings.add(new PaymentRecord.Posting(reference, purpose, debited, true, minor));
        payment.postings.add(new PaymentRecord.Posting(reference, purpose, credited, false, minor));
        return reference;
    }

    private String reference(String prefix) {
        return prefix + "-" + nextReference++;
    }

    private static long toMinorUnits(BigDecimal amount, String currency) {
        int digits;
        try {
            digits = Currency.getInstance(currency).getDefaultFractionDigits();
        } catch (IllegalArgumentException e) {
            throw new PaymentRefusedException("unknown currency " + currency);
        }
        if (digits < 0 || amount.signum() <= 0) {
            throw new PaymentRefusedException("invalid amount " + amount.toPlainString() + " " + currency);
        }
        try {
            return amount.movePointRight(digits).longValueExact();
        } catch (ArithmeticException e) {
            throw new PaymentRefusedException("invalid amount " + amount.toPlainString() + " " + currency);
        }
    }
}
