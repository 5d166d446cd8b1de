package dev.complianceharness.examples.payments;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The sample payment service on a relational database (written and tested for PostgreSQL) with plain
 * JDBC. Every request runs in one transaction that first claims its idempotency key, then locks the
 * payment row, checks and writes; the key row stores the first outcome, refusals included, so a retry
 * gets the same answer. A concurrent request with the same key waits on the key's unique index and then
 * replays the stored outcome. The marketplace team runs the same code under its own
 * {@link MarketplaceRules}: its own payment ids, full captures that complete, rejected retries executed again,
 * refunds only once captured in full.
 */
public final class JdbcPaymentService implements PaymentService {

    private static final String CUSTOMER_FUNDS = "customer_funds";
    private static final String MERCHANT_REVENUE = "merchant_revenue";

    private final DataSource dataSource;
    private final Clock clock;
    private final Duration authorizationValidity;
    private final Flaw flaw;
    private final MarketplaceRules rules;

    /**
     * The correct service, under the checkout team's rules.
     *
     * @param dataSource where the tables of {@link #createTables(Connection)} live
     * @param clock      the clock authorizations are stamped and expired with
     */
    public JdbcPaymentService(DataSource dataSource, Clock clock) {
        this(dataSource, clock, null, MarketplaceRules.CHECKOUT);
    }

    private JdbcPaymentService(DataSource dataSource, Clock clock, Flaw flaw, MarketplaceRules rules) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.authorizationValidity = Duration.ofDays(7);
        this.flaw = flaw;
        this.rules = rules;
    }

    /**
     * The correct service under the marketplace team's rules.
     *
     * @param dataSource where the tables live
     * @param clock      the clock
     * @return the service
     */
    public static JdbcPaymentService marketplace(DataSource dataSource, Clock clock) {
        return new JdbcPaymentService(dataSource, clock, null, MarketplaceRules.MARKETPLACE);
    }

    /**
     * The service with one deliberate bug, for the proof tests; under the marketplace's rules for the flaws only
     * they can have, else under the checkout team's.
     *
     * @param dataSource where the tables live
     * @param clock      the clock
     * @param flaw       the bug
     * @return the flawed service
     */
    public static JdbcPaymentService withFlaw(DataSource dataSource, Clock clock, Flaw flaw) {
        return new JdbcPaymentService(dataSource, clock, Objects.requireNonNull(flaw, "flaw"),
                flaw.needsMarketplaceRules() ? MarketplaceRules.MARKETPLACE : MarketplaceRules.CHECKOUT);
    }

    /** @return the rules the service runs under */
    public MarketplaceRules rules() {
        return rules;
    }

    /**
     * Creates the service's tables in the connection's current schema.
     *
     * @param connection a connection
     * @throws SQLException if the database refuses
     */
    public static void createTables(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE payments (id TEXT PRIMARY KEY, status TEXT NOT NULL, currency CHAR(3) NOT NULL,"
                    + " authorized BIGINT NOT NULL, captured BIGINT NOT NULL, refunded BIGINT NOT NULL,"
                    + " authorized_at TIMESTAMP NOT NULL)");
            statement.execute("CREATE TABLE idempotency_keys (key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL,"
                    + " outcome TEXT, result TEXT)");
            statement.execute("CREATE TABLE ledger (id BIGSERIAL PRIMARY KEY, payment_id TEXT NOT NULL,"
                    + " transaction_id TEXT NOT NULL, purpose TEXT NOT NULL, account TEXT NOT NULL, debit BOOLEAN NOT NULL,"
                    + " amount BIGINT NOT NULL)");
            statement.execute("CREATE SEQUENCE references_seq");
            statement.execute("CREATE SEQUENCE payment_ids_seq");
        }
    }

    /**
     * Deletes every payment, key and posting and restarts the references, for a fresh start in the same tables.
     *
     * @param connection a connection
     * @throws SQLException if the database refuses
     */
    public static void deleteAll(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM payments; DELETE FROM idempotency_keys; DELETE FROM ledger;"
                    + " ALTER SEQUENCE references_seq RESTART; ALTER SEQUENCE payment_ids_seq RESTART");
        }
    }

    @Override
    public String authorize(String paymentId, BigDecimal amount, String currency, String idempotencyKey) {
        long minor = toMinorUnits(amount, currency);
        String fingerprint = "authorize|" + (rules.choosesPaymentIds() ? "" : paymentId) + "|" + minor + "|" + currency;
        return idempotent(idempotencyKey, fingerprint, (connection, checked) -> {
            String id = rules.choosesPaymentIds() ? "mp-" + next(connection, "payment_ids_seq") : paymentId;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO payments"
                    + " (id, status, currency, authorized, captured, refunded, authorized_at)"
                    + " VALUES (?, 'authorized', ?, ?, 0, 0, ?) ON CONFLICT (id) DO NOTHING")) {
                insert.setString(1, id);
                insert.setString(2, currency);
                insert.setLong(3, minor);
                insert.setTimestamp(4, Timestamp.from(clock.instant()));
                if (insert.executeUpdate() == 0) {
                    throw new PaymentRefusedException("payment already exists");
                }
            }
            return rules.choosesPaymentIds() ? id : reference(connection, "auth");
        });
    }

    @Override
    public String capture(String paymentId, BigDecimal amount, String currency, boolean finalCapture, String idempotencyKey) {
        long minor = toMinorUnits(amount, currency);
        return idempotent(idempotencyKey, "capture|" + paymentId + "|" + minor + "|" + currency + "|" + finalCapture,
                (connection, checked) -> {
                    Row row = lockPayment(connection, paymentId, currency, flaw != Flaw.CHECK_THEN_ACT_WITHOUT_LOCK);
                    boolean capturable = row.status.equals("authorized") || row.status.equals("partially_captured")
                            || (flaw == Flaw.CAPTURE_AFTER_CANCEL && row.status.equals("canceled"));
                    if (checked && !capturable) {
                        throw new PaymentRefusedException("payment is " + row.status);
                    }
                    long limit = flaw == Flaw.MULTICAPTURE_EXCEEDS_AUTHORIZATION ? row.authorized : row.authorized - row.captured;
                    if (checked && minor > limit) {
                        throw new PaymentRefusedException("amount exceeds the capturable rest");
                    }
                    boolean takesTheRest = flaw == Flaw.FULL_CAPTURE_LEFT_OPEN ? minor == row.authorized
                            : row.captured + minor == row.authorized;
                    String status = finalCapture || (rules.fullCaptureCompletes() && takesTheRest) ? "captured"
                            : "partially_captured";
                    update(connection, paymentId, status, row.captured + minor, row.refunded);
                    String reference = reference(connection, "cap");
                    post(connection, paymentId, reference, "capture", CUSTOMER_FUNDS, true, minor);
                    post(connection, paymentId, reference, "capture", MERCHANT_REVENUE, false, minor);
                    return reference;
                });
    }

    @Override
    public String refund(String paymentId, BigDecimal amount, String currency, String idempotencyKey) {
        long minor = toMinorUnits(amount, currency);
        return idempotent(idempotencyKey, "refund|" + paymentId + "|" + minor + "|" + currency, (connection, checked) -> {
            Row row = lockPayment(connection, paymentId, currency, true);
            boolean refundable = row.status.equals("captured")
                    || (row.status.equals("partially_captured") && !rules.refundsOnlyWhenCaptured());
            if (checked && !refundable) {
                throw new PaymentRefusedException("payment is " + row.status);
            }
            long limit = flaw == Flaw.REFUNDS_CHECKED_ONE_BY_ONE ? row.captured : row.captured - row.refunded;
            if (checked && minor > limit) {
                throw new PaymentRefusedException("amount exceeds the refundable rest");
            }
            update(connection, paymentId, row.status, row.captured, row.refunded + minor);
            String reference = reference(connection, "ref");
            post(connection, paymentId, reference, "refund", MERCHANT_REVENUE, true, minor);
            if (flaw != Flaw.UNBALANCED_REFUND_LEDGER) {
                post(connection, paymentId, reference, "refund", CUSTOMER_FUNDS, false, minor);
            }
            return reference;
        });
    }

    @Override
    public String cancel(String paymentId, String idempotencyKey) {
        return idempotent(idempotencyKey, "cancel|" + paymentId, (connection, checked) -> {
            Row row = lockPayment(connection, paymentId, null, true);
            boolean cancelable = row.status.equals("authorized")
                    || (flaw == Flaw.CANCEL_AFTER_CAPTURE && (row.status.equals("partially_captured") || row.status.equals("captured")));
            if (checked && !cancelable) {
                throw new PaymentRefusedException("payment is " + row.status);
            }
            update(connection, paymentId, "canceled", row.captured, row.refunded);
            return reference(connection, "void");
        });
    }

    @Override
    public void expireAuthorizations() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement expire = connection.prepareStatement("UPDATE payments SET status = CASE status"
                     + " WHEN 'authorized' THEN 'expired' ELSE 'captured' END"
                     + " WHERE status IN ('authorized', 'partially_captured') AND authorized_at <= ?")) {
            expire.setTimestamp(1, Timestamp.from(clock.instant().minus(authorizationValidity)));
            expire.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not expire authorizations: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<PaymentRecord> find(String paymentId) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                return read(connection, paymentId);
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read payment " + paymentId + ": " + e.getMessage(), e);
        }
    }

    private Optional<PaymentRecord> read(Connection connection, String paymentId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT status, currency, authorized, captured, refunded FROM payments WHERE id = ?");
             PreparedStatement postings = connection.prepareStatement(
                     "SELECT transaction_id, purpose, account, debit, amount FROM ledger WHERE payment_id = ? ORDER BY id")) {
            select.setString(1, paymentId);
            try (ResultSet payment = select.executeQuery()) {
                if (!payment.next()) {
                    return Optional.empty();
                }
                postings.setString(1, paymentId);
                List<PaymentRecord.Posting> ledger = new ArrayList<>();
                try (ResultSet rows = postings.executeQuery()) {
                    while (rows.next()) {
                        ledger.add(new PaymentRecord.Posting(rows.getString(1), rows.getString(2), rows.getString(3),
                                rows.getBoolean(4), rows.getLong(5)));
                    }
                }
                return Optional.of(new PaymentRecord(paymentId, payment.getString(1), payment.getString(2),
                        payment.getLong(3), payment.getLong(4), payment.getLong(5), ledger));
            }
        }
    }

    private long toMinorUnits(BigDecimal amount, String currency) {
        int digits;
        try {
            digits = flaw == Flaw.JPY_AS_TWO_DECIMAL ? 2 : Currency.getInstance(currency).getDefaultFractionDigits();
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

    private String idempotent(String key, String fingerprint, Work work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Claim claim = flaw == Flaw.RETRY_PERFORMS_TWICE ? Claim.NEW : claim(connection, key, fingerprint);
                if (claim.stored() != null) {
                    connection.commit();
                    return replay(claim.stored());
                }
                String outcome;
                String result;
                try {
                    result = work.run(connection, !(claim.retriedRejection() && flaw == Flaw.RETRIED_REJECTION_SKIPS_CHECKS));
                    outcome = "succeeded";
                } catch (PaymentRefusedException refused) {
                    // nothing was written before the check that refused, so only the key row remains to store
                    result = refused.getMessage();
                    outcome = "refused";
                }
                store(connection, key, fingerprint, outcome, result);
                connection.commit();
                return replay(new String[] {outcome, result});
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Payment database failed: " + e.getMessage(), e);
        }
    }

    /**
     * What the key row says: nothing yet (perform the request), a stored outcome (replay it), or, under the
     * marketplace's rules, a stored refusal that a retry executes again.
     */
    private record Claim(String[] stored, boolean retriedRejection) {
        static final Claim NEW = new Claim(null, false);
    }

    private Claim claim(Connection connection, String key, String fingerprint) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO idempotency_keys (key, fingerprint) VALUES (?, ?) ON CONFLICT (key) DO NOTHING")) {
            insert.setString(1, key);
            insert.setString(2, fingerprint);
            if (insert.executeUpdate() == 1) {
                return Claim.NEW;
            }
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT fingerprint, outcome, result FROM idempotency_keys WHERE key = ? FOR UPDATE")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                boolean sameRequest = row.getString(1).equals(fingerprint);
                if (rules.retriesRejectedRequests() && "refused".equals(row.getString(2))) {
                    // only successes bind a key: a refused request is attempted again, another one under its key is new
                    return new Claim(null, sameRequest);
                }
                if (!sameRequest && flaw != Flaw.KEY_REUSE_ACCEPTED) {
                    return new Claim(new String[] {"refused", "idempotency key reused with other parameters"}, false);
                }
                return new Claim(new String[] {row.getString(2), row.getString(3)}, false);
            }
        }
    }

    private static void store(Connection connection, String key, String fingerprint, String outcome, String result)
            throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO idempotency_keys"
                + " (key, fingerprint, outcome, result) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO UPDATE"
                + " SET fingerprint = EXCLUDED.fingerprint, outcome = EXCLUDED.outcome, result = EXCLUDED.result")) {
            upsert.setString(1, key);
            upsert.setString(2, fingerprint);
            upsert.setString(3, outcome);
            upsert.setString(4, result);
            upsert.executeUpdate();
        }
    }

    private static String replay(String[] stored) {
        if ("succeeded".equals(stored[0])) {
            return stored[1];
        }
        throw new PaymentRefusedException(stored[1]);
    }

    private Row lockPayment(Connection connection, String paymentId, String currency, boolean lock) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT status, currency, authorized, captured, refunded"
                + " FROM payments WHERE id = ?" + (lock ? " FOR UPDATE" : ""))) {
            select.setString(1, paymentId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new PaymentRefusedException("no such payment");
                }
                if (currency != null && !currency.equals(row.getString(2))) {
                    throw new PaymentRefusedException("payment is in " + row.getString(2));
                }
                return new Row(row.getString(1), row.getLong(3), row.getLong(4), row.getLong(5));
            }
        }
    }

    private static void update(Connection connection, String paymentId, String status, long captured, long refunded)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE payments SET status = ?, captured = ?, refunded = ? WHERE id = ?")) {
            update.setString(1, status);
            update.setLong(2, captured);
            update.setLong(3, refunded);
            update.setString(4, paymentId);
            update.executeUpdate();
        }
    }

    private static void post(Connection connection, String paymentId, String transactionId, String purpose, String account,
                             boolean debit, long amount) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ledger"
                + " (payment_id, transaction_id, purpose, account, debit, amount) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, paymentId);
            insert.setString(2, transactionId);
            insert.setString(3, purpose);
            insert.setString(4, account);
            insert.setBoolean(5, debit);
            insert.setLong(6, amount);
            insert.executeUpdate();
        }
    }

    private static String reference(Connection connection, String prefix) throws SQLException {
        return prefix + "-" + next(connection, "references_seq");
    }

    private static long next(Connection connection, String sequence) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet next = statement.executeQuery("SELECT nextval('" + sequence + "')")) {
            next.next();
            return next.getLong(1);
        }
    }

    /** A request's work in its transaction; unchecked only on a flawed retry path that skips the checks. */
    @FunctionalInterface
    private interface Work {
        String run(Connection connection, boolean checked) throws SQLException;
    }

    private record Row(String status, long authorized, long captured, long refunded) {
    }

    @Override
    public String toString() {
        return "JdbcPaymentService[" + rules + (flaw == null ? "" : ", " + flaw) + "]";
    }
}
