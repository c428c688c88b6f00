package fr.passerelle.gateway.trust;

import fr.passerelle.trust.replay.ReplayStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Used ids in table {@code trust_replay_guard}. The primary key makes the insert atomic across nodes: of two
 * nodes seeing the same id at once, exactly one insert succeeds. Expired rows are freed for their own key just
 * before the insert, and purged in bulk every {@value #PURGE_EVERY} inserts.
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
