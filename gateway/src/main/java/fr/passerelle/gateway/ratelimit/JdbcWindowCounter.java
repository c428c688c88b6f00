package fr.passerelle.gateway.ratelimit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Window counters in table {@code rate_limit_window}, one row per key and window, incremented by one atomic
 * statement that answers the new count: the row lock taken by the upsert orders concurrent hits from every node,
 * so no two requests ever read the same count. PostgreSQL and H2 share no such statement (H2 has no
 * {@code ON CONFLICT DO UPDATE}, PostgreSQL 15 no {@code MERGE … RETURNING}), hence one statement per engine,
 * chosen from the connection's product name. Rows of past windows are purged every {@value #PURGE_EVERY} hits.
 *
 * <p>On PostgreSQL the increment commits with {@code synchronous_commit} off for its own transaction only: a
 * counter lost in a crash costs one window of quota, whereas waiting for the WAL flush made each request wait a
 * disk write (7.1 ms against 0.64 ms per increment measured with pgbench on the shared build machine, see
 * docs/benchmarks/ratelimit.md). The audit trail and every other write keep their durable commits.
 */
public final class JdbcWindowCounter implements WindowCounter {

    static final int PURGE_EVERY = 10_000;

    static final String POSTGRESQL_UPSERT = """
            INSERT INTO rate_limit_window (limit_key, window_start, hits) VALUES (?, ?, 1)
            ON CONFLICT (limit_key, window_start) DO UPDATE SET hits = rate_limit_window.hits + 1
            RETURNING hits""";

    static final String H2_UPSERT = """
            SELECT hits FROM FINAL TABLE (
              MERGE INTO rate_limit_window t
              USING (VALUES (CAST(? AS VARCHAR(256)), CAST(? AS BIGINT))) s (limit_key, window_start)
              ON t.limit_key = s.limit_key AND t.window_start = s.window_start
              WHEN MATCHED THEN UPDATE SET hits = t.hits + 1
              WHEN NOT MATCHED THEN INSERT (limit_key, window_start, hits) VALUES (s.limit_key, s.window_start, 1))""";

    private static final String UNIQUE_VIOLATION = "23505";
    private static final int ATTEMPTS = 3;

    private final DataSource dataSource;
    private final long retainMillis;
    private final AtomicLong hits = new AtomicLong();
    private volatile Boolean postgresql;

    /**
     * @param retainMillis how long rows of past windows are kept (at least one window, so a window still being
     *                     counted by a node with a slightly slow clock is never purged)
     */
    public JdbcWindowCounter(DataSource dataSource, long retainMillis) {
        this.dataSource = dataSource;
        this.retainMillis = retainMillis;
    }

    @Override
    public long hit(String key, long windowStart) {
        try (Connection connection = dataSource.getConnection()) {
            long count = postgresql(connection)
                    ? asynchronousCommit(connection, key, windowStart)
                    : upsert(connection, key, windowStart);
            if (hits.incrementAndGet() % PURGE_EVERY == 0) {
                purgeBefore(connection, windowStart - retainMillis);
            }
            return count;
        } catch (SQLException e) {
            throw new RateLimitUnavailable(e.getSQLState(), e);
        }
    }

    private long asynchronousCommit(Connection connection, String key, long windowStart) throws SQLException {
        connection.setAutoCommit(false);
        try {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL synchronous_commit TO OFF");
            }
            long count = upsert(connection, key, windowStart);
            connection.commit();
            return count;
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private long upsert(Connection connection, String key, long windowStart) throws SQLException {
        String sql = postgresql(connection) ? POSTGRESQL_UPSERT : H2_UPSERT;
        for (int attempt = 1; ; attempt++) {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, key);
                statement.setLong(2, windowStart);
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            } catch (SQLException e) {
                // H2's MERGE can lose the race to insert the window's first row; the retry then updates it.
                if (!UNIQUE_VIOLATION.equals(e.getSQLState()) || attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Deletes the rows of windows that started before {@code windowStart}; returns how many. */
    public int purgeBefore(long windowStart) {
        try (Connection connection = dataSource.getConnection()) {
            return purgeBefore(connection, windowStart);
        } catch (SQLException e) {
            throw new RateLimitUnavailable(e.getSQLState(), e);
        }
    }

    private static int purgeBefore(Connection connection, long windowStart) throws SQLException {
        try (PreparedStatement purge = connection.prepareStatement(
                "DELETE FROM rate_limit_window WHERE window_start < ?")) {
            purge.setLong(1, windowStart);
            return purge.executeUpdate();
        }
    }

    private boolean postgresql(Connection connection) throws SQLException {
        Boolean known = postgresql;
        if (known == null) {
            known = !connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2");
            postgresql = known;
        }
        return known;
    }
}
