package fr.passerelle.gateway.trust;

import fr.passerelle.trust.replay.ReplayStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Used ids in table {@code trust_replay_guard}. The primary key makes the insert atomic across nodes: of two
 * nodes seeing the same id at once, exactly one insert succeeds. Expired rows are freed for their own key just
 * before the insert, and purged in bulk every {@value #PURGE_EVERY} inserts. The ids of one request are stored in
 * one transaction of two statements ({@link #recordAllIfAbsent}) rather than a transaction per id.
 */
public final class JdbcReplayStore implements ReplayStore {

    static final int PURGE_EVERY = 1_000;
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final AtomicLong inserts = new AtomicLong();

    public JdbcReplayStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public boolean recordIfAbsent(String key, Instant expiresAt, Instant now) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (PreparedStatement free = connection.prepareStatement(
                    "DELETE FROM trust_replay_guard WHERE replay_key = ? AND expires_at <= ?")) {
                free.setString(1, key);
                free.setTimestamp(2, Timestamp.from(now));
                free.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO trust_replay_guard (replay_key, expires_at) VALUES (?, ?)")) {
                insert.setString(1, key);
                insert.setTimestamp(2, Timestamp.from(expiresAt));
                insert.executeUpdate();
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    return false;
                }
                throw e;
            }
            if (inserts.incrementAndGet() % PURGE_EVERY == 0) {
                purgeExpired(connection, now);
            }
            return true;
        } catch (SQLException e) {
            // Failing closed: an unreachable store must not let a replay through.
            throw new IllegalStateException("the replay guard store is unavailable (SQL state " + e.getSQLState() + ")",
                    e);
        }
    }

    @Override
    public boolean recordAllIfAbsent(Map<String, Instant> keys, Instant now) {
        if (keys.isEmpty()) {
            return true;
        }
        String placeholders = String.join(", ", java.util.Collections.nCopies(keys.size(), "?"));
        String rows = String.join(", ", java.util.Collections.nCopies(keys.size(), "(?, ?)"));
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement free = connection.prepareStatement(
                        "DELETE FROM trust_replay_guard WHERE replay_key IN (" + placeholders + ") AND expires_at <= ?")) {
                    int i = 1;
                    for (String key : keys.keySet()) {
                        free.setString(i++, key);
                    }
                    free.setTimestamp(i, Timestamp.from(now));
                    free.executeUpdate();
                }
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO trust_replay_guard (replay_key, expires_at) VALUES " + rows)) {
                    int i = 1;
                    for (Map.Entry<String, Instant> key : keys.entrySet()) {
                        insert.setString(i++, key.getKey());
                        insert.setTimestamp(i++, Timestamp.from(key.getValue()));
                    }
                    insert.executeUpdate();
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    // One of them is already used: nothing was stored; the caller learns which one by one.
                    return false;
                }
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
            long before = inserts.getAndAdd(keys.size());
            if (before / PURGE_EVERY != (before + keys.size()) / PURGE_EVERY) {
                purgeExpired(connection, now);
            }
            return true;
        } catch (SQLException e) {
            // Failing closed: an unreachable store must not let a replay through.
            throw new IllegalStateException("the replay guard store is unavailable (SQL state " + e.getSQLState() + ")",
                    e);
        }
    }

    /** Deletes every expired row; returns how many. */
    public int purgeExpired(Instant now) {
        try (Connection connection = dataSource.getConnection()) {
            return purgeExpired(connection, now);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot purge the replay guard store", e);
        }
    }

    private static int purgeExpired(Connection connection, Instant now) throws SQLException {
        try (PreparedStatement purge = connection.prepareStatement(
                "DELETE FROM trust_replay_guard WHERE expires_at <= ?")) {
            purge.setTimestamp(1, Timestamp.from(now));
            return purge.executeUpdate();
        }
    }
}
