package fr.passerelle.gateway.console.admin;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.access.CrossBorderTransaction;
import fr.passerelle.gateway.audit.AuditEntry;
import fr.passerelle.gateway.audit.AuditFixtures;
import fr.passerelle.gateway.testsupport.DatabaseTest;
import fr.passerelle.gateway.testsupport.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The overview's figures are counted by the database, per minute, on both engines. */
class TrafficOverviewTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:30Z");

    @DatabaseTest
    void countsTheLastHourPerMinuteByTransactionCountryAndRefusalCode(TestDatabase database) {
        AuditFixtures.reset(database.dataSource());
        record(database, "2026-11-23T08:30:00Z", AuditFixtures.granted("old"));      // before the window
        record(database, "2026-11-23T09:01:10Z", AuditFixtures.granted("first-minute"));
        record(database, "2026-11-23T09:58:05Z", AuditFixtures.refusedEmergency());
        for (int i = 0; i < 3; i++) {
            record(database, "2026-11-23T10:00:0" + i + "Z", AuditFixtures.granted("now-" + i));
        }

        TrafficOverview.Window window = new TrafficOverview(database.dataSource(),
                Clock.fixed(NOW, ZoneOffset.UTC)).lastHour();

        assertThat(window.minutes()).isEqualTo(60);
        assertThat(window.firstMinute() * 60).isEqualTo(Instant.parse("2026-11-23T09:01:00Z").getEpochSecond());
        assertThat(window.total()).isEqualTo(5);
        assertThat(window.refused()).isEqualTo(1);
        long[] retrieves = window.byTransaction().get(TrafficOverview.label(CrossBorderTransaction.DOCUMENT_RETRIEVE));
        assertThat(retrieves[0]).isEqualTo(1);
        assertThat(retrieves[59]).isEqualTo(3);
        long[] lists = window.byTransaction().get(TrafficOverview.label(CrossBorderTransaction.DOCUMENT_LIST));
        assertThat(lists[57]).isEqualTo(1);
        assertThat(window.byTransaction()).hasSize(CrossBorderTransaction.values().length);
        assertThat(window.byCountry()).containsOnlyKeys("ES");
        assertThat(TrafficOverview.sum(window.byCountry().get("ES"))).isEqualTo(5);
        assertThat(window.refusalsByCode())
                .containsExactly(java.util.Map.entry(AuditFixtures.refusedEmergency().errorCode(), 1L));
    }

    private static void record(TestDatabase database, String at, AuditEntry entry) {
        AuditFixtures.trail(database.dataSource(), Clock.fixed(Instant.parse(at), ZoneOffset.UTC), false)
                .record(entry);
    }
}
