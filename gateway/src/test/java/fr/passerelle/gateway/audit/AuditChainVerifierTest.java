package fr.passerelle.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.testsupport.DatabaseTest;
import fr.passerelle.gateway.testsupport.TestDatabase;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each kind of tampering, done the way someone with database access would do it, is caught at the right record.
 * Each test works on a fresh trail of five records (1..5) in its own database.
 */
class AuditChainVerifierTest {

    @DatabaseTest
    void anIntactTrailVerifies(TestDatabase db) {
        List<AuditRecord> records = fiveRecords(db.dataSource());

        assertThat(verify(db)).isEqualTo(new ChainVerification.Intact(5, records.get(0).seq() - 1,
                records.get(4).seq()));
    }

    @DatabaseTest
    void anEditedRecordIsCaught(TestDatabase db) {
        long third = fiveRecords(db.dataSource()).get(2).seq();
        jdbc(db).sql("UPDATE audit_record SET requesting_country = 'DE' WHERE seq = ?").param(third).update();

        assertThat(verify(db)).isInstanceOfSatisfying(ChainVerification.Broken.class, broken -> {
            assertThat(broken.seq()).isEqualTo(third);
            assertThat(broken.reason()).contains("altered");
        });
    }

    @DatabaseTest
    void anEditedRecordWhoseHashWasRecomputedBreaksTheNextLink(TestDatabase db) {
        List<AuditRecord> records = fiveRecords(db.dataSource());
        AuditRecord third = records.get(2);
        AuditRecord forged = new AuditRecord(third.seq(), third.recordedAt(), third.transaction(), "DE",
                third.requestingNcp(), third.professionalId(), third.professionalRole(), third.organisation(),
                third.purpose(), third.patient(), third.documentKinds(), third.documentIds(), third.outcome(),
                third.decidingRule(), third.errorCode(), third.correlationId(), third.assertionIds(),
                third.previousHash(), "");
        jdbc(db).sql("UPDATE audit_record SET requesting_country = 'DE', record_hash = ? WHERE seq = ?")
                .params(AuditHashing.hash(forged), third.seq()).update();

        assertThat(verify(db)).isInstanceOfSatisfying(ChainVerification.Broken.class, broken -> {
            assertThat(broken.seq()).isEqualTo(records.get(3).seq());
            assertThat(broken.reason()).contains("does not follow its predecessor");
        });
    }

    @DatabaseTest
    void aDeletedRecordIsCaught(TestDatabase db) {
        long third = fiveRecords(db.dataSource()).get(2).seq();
        jdbc(db).sql("DELETE FROM audit_record WHERE seq = ?").param(third).update();

        assertThat(verify(db)).isInstanceOfSatisfying(ChainVerification.Broken.class, broken -> {
            assertThat(broken.seq()).isEqualTo(third);
            assertThat(broken.reason()).contains("deleted");
        });
    }

    @DatabaseTest
    void aDeletedLastRecordIsCaught(TestDatabase db) {
        long last = fiveRecords(db.dataSource()).get(4).seq();
        jdbc(db).sql("DELETE FROM audit_record WHERE seq = ?").param(last).update();

        assertThat(verify(db)).isInstanceOfSatisfying(ChainVerification.Broken.class, broken -> {
            assertThat(broken.seq()).isEqualTo(last);
            assertThat(broken.reason()).contains("deleted from the end");
        });
    }

    @DatabaseTest
    void reOrderedRecordsAreCaught(TestDatabase db) {
        List<AuditRecord> records = fiveRecords(db.dataSource());
        long second = records.get(1).seq();
        long third = records.get(2).seq();
        // Swap the positions of records 2 and 3 (their sequence numbers).
        jdbc(db).sql("UPDATE audit_record SET seq = -1 WHERE seq = ?").param(second).update();
        jdbc(db).sql("UPDATE audit_record SET seq = ? WHERE seq = ?").params(second, third).update();
        jdbc(db).sql("UPDATE audit_record SET seq = ? WHERE seq = -1").param(third).update();

        assertThat(verify(db)).isInstanceOfSatisfying(ChainVerification.Broken.class, broken -> {
            assertThat(broken.seq()).isEqualTo(second);
            assertThat(broken.reason()).contains("does not follow its predecessor");
        });
    }

    @DatabaseTest
    void aRecordSlippedInIsCaught(TestDatabase db) {
        List<AuditRecord> records = fiveRecords(db.dataSource());
        AuditRecord last = records.get(4);
        // A record appended by hand, chained correctly, but without the chain head knowing it.
        AuditRecord extra = new AuditRecord(last.seq() + 1, last.recordedAt(), last.transaction(),
                last.requestingCountry(), last.requestingNcp(), last.professionalId(), last.professionalRole(),
                last.organisation(), last.purpose(), last.patient(), last.documentKinds(), last.documentIds(),
                last.outcome(), last.decidingRule(), last.errorCode(), last.correlationId(), last.assertionIds(),
                last.recordHash(), "");
        AuditRows.insert(jdbc(db), new AuditRecord(extra.seq(), extra.recordedAt(), extra.transaction(),
                extra.requestingCountry(), extra.requestingNcp(), extra.professionalId(), extra.professionalRole(),
                extra.organisation(), extra.purpose(), extra.patient(), extra.documentKinds(), extra.documentIds(),
                extra.outcome(), extra.decidingRule(), extra.errorCode(), extra.correlationId(), extra.assertionIds(),
                extra.previousHash(), AuditHashing.hash(extra)));

        assertThat(verify(db)).isInstanceOf(ChainVerification.Broken.class);
    }

    static List<AuditRecord> fiveRecords(DataSource dataSource) {
        AuditFixtures.reset(dataSource);
        AuditTrail trail = AuditFixtures.trail(dataSource, Clock.systemUTC(), false);
        return List.of(trail.record(AuditFixtures.granted("1.2.250.9.1")), trail.record(AuditFixtures.refusedEmergency()),
                trail.record(AuditFixtures.granted("1.2.250.9.3")), trail.record(AuditFixtures.granted("1.2.250.9.4")),
                trail.record(AuditFixtures.granted("1.2.250.9.5")));
    }

    private static ChainVerification verify(TestDatabase db) {
        return new AuditChainVerifier(db.dataSource()).verify();
    }

    private static JdbcClient jdbc(TestDatabase db) {
        return JdbcClient.create(db.dataSource());
    }
}
