package fr.passerelle.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.testsupport.DatabaseTest;
import fr.passerelle.gateway.testsupport.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** The purge removes old records and leaves an anchor from which the rest still verifies. */
class AuditRetentionTest {

    private static final Instant DAY_0 = Instant.parse("2026-01-01T10:00:00Z");

    @DatabaseTest
    void purgeKeepsTheRestVerifiableAndTamperingStillShows(TestDatabase db) {
        AuditFixtures.reset(db.dataSource());
        MutableClock clock = new MutableClock(DAY_0);
        AuditTrail trail = AuditFixtures.trail(db.dataSource(), clock, false);
        for (int day = 0; day < 5; day++) {
            clock.set(DAY_0.plus(Duration.ofDays(day)));
            trail.record(AuditFixtures.granted("1.2.250.7." + day));
        }
        clock.set(DAY_0.plus(Duration.ofDays(5)));
        AuditRetention retention = retention(db.dataSource(), clock, Duration.ofDays(2));

        PurgeResult result = retention.purgeExpired();

        // Records of days 0, 1, 2 are older than two days (the cutoff is day 3 10:00); days 3 and 4 stay.
        assertThat(result).isEqualTo(new PurgeResult(3, 3));
        assertThat(seqs(db)).containsExactly(4L, 5L);
        assertThat(new AuditChainVerifier(db.dataSource()).verify())
                .isEqualTo(new ChainVerification.Intact(2, 3, 5));
        assertThat(retention.purgeExpired()).isEqualTo(new PurgeResult(0, 3));

        JdbcClient.create(db.dataSource()).sql("UPDATE audit_record SET professional_id = 'X' WHERE seq = 4").update();
        assertThat(new AuditChainVerifier(db.dataSource()).verify()).isInstanceOf(ChainVerification.Broken.class);
    }

    @DatabaseTest
    void recordsNotYetDeliveredToTheCollectorAreKept(TestDatabase db) {
        AuditFixtures.reset(db.dataSource());
        MutableClock clock = new MutableClock(DAY_0);
        AuditTrail exporting = AuditFixtures.trail(db.dataSource(), clock, true);
        for (int day = 0; day < 4; day++) {
            clock.set(DAY_0.plus(Duration.ofDays(day)));
            exporting.record(AuditFixtures.granted("1.2.250.8." + day));
        }
        // Records 1 and 2 were delivered, 3 and 4 still wait in the outbox.
        JdbcClient.create(db.dataSource()).sql("DELETE FROM audit_outbox WHERE seq <= 2").update();
        clock.set(DAY_0.plus(Duration.ofDays(30)));

        PurgeResult result = retention(db.dataSource(), clock, Duration.ofDays(1)).purgeExpired();

        assertThat(result).isEqualTo(new PurgeResult(2, 2));
        assertThat(seqs(db)).containsExactly(3L, 4L);
        assertThat(new AuditChainVerifier(db.dataSource()).verify()).isInstanceOf(ChainVerification.Intact.class);
    }

    private static AuditRetention retention(DataSource dataSource, MutableClock clock, Duration keep) {
        return new AuditRetention(dataSource, new DataSourceTransactionManager(dataSource),
                new AuditProperties(keep, Duration.ofHours(6), AuditProperties.Batch.DEFAULTS), clock);
    }

    private static List<Long> seqs(TestDatabase db) {
        return JdbcClient.create(db.dataSource()).sql("SELECT seq FROM audit_record ORDER BY seq").query(Long.class)
                .list();
    }

    /** A clock the test moves. */
    static final class MutableClock extends java.time.Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            this.now = instant;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
