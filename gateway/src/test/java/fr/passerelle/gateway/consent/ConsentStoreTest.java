package fr.passerelle.gateway.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.testsupport.DatabaseTest;
import fr.passerelle.gateway.testsupport.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every change is a new version (who, when, what, channel); the current consent is the latest. */
class ConsentStoreTest {

    private static final Ins PATIENT = new Ins(Ins.TEST_NIR, "280017512345678");
    private static final Ins OTHER = new Ins(Ins.TEST_NIR, "190037512345699");
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    @DatabaseTest
    void versionsEveryChangeWithWhoWhenWhatAndChannel(TestDatabase db) {
        ConsentStore store = new ConsentStore(db.dataSource(), Clock.fixed(T0, ZoneOffset.UTC));
        assertThat(store.current(PATIENT)).isEmpty();

        ConsentTerms spainAndBelgium = new ConsentTerms(CountryScope.of(Set.of("ES", "BE")),
                EnumSet.of(SharedDocuments.PATIENT_SUMMARY), Optional.of(Instant.parse("2026-12-31T23:00:00Z")));
        store.change(PATIENT, new ConsentChange.Authorise(spainAndBelgium, "patient", ConsentChannel.PATIENT_API));
        ConsentTerms everywhere = new ConsentTerms(CountryScope.all(),
                EnumSet.of(SharedDocuments.PATIENT_SUMMARY, SharedDocuments.EPRESCRIPTIONS), Optional.empty());
        store.change(PATIENT, new ConsentChange.Authorise(everywhere, "operator:alice", ConsentChannel.OPERATOR));
        store.change(PATIENT, new ConsentChange.Revoke("patient", ConsentChannel.PATIENT_API));

        List<ConsentVersion> history = store.history(PATIENT);
        assertThat(history).extracting(ConsentVersion::version).containsExactly(1L, 2L, 3L);
        assertThat(history.get(0).terms()).contains(spainAndBelgium);
        assertThat(history.get(0).changedAt()).isEqualTo(T0);
        assertThat(history.get(1).terms()).contains(everywhere);
        assertThat(history.get(1).changedBy()).isEqualTo("operator:alice");
        assertThat(history.get(1).channel()).isEqualTo(ConsentChannel.OPERATOR);
        assertThat(history.get(2).status()).isEqualTo(ConsentStatus.REVOKED);
        assertThat(history.get(2).terms()).isEmpty();
        assertThat(store.current(PATIENT)).contains(history.get(2));
        assertThat(store.current(OTHER)).isEmpty();
    }

    @DatabaseTest
    void theDatabaseRejectsAnUnknownStatus(TestDatabase db) {
        var jdbc = org.springframework.jdbc.core.simple.JdbcClient.create(db.dataSource());
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO consent_version (patient_oid, patient_value, version, status, all_countries, countries,
                    document_kinds, valid_until, changed_at, changed_by, channel)
                VALUES ('1.2.250.1.213.1.4.10', 'X1', 1, 'MAYBE', TRUE, '', 'PATIENT_SUMMARY', NULL,
                    CURRENT_TIMESTAMP, 'patient', 'PATIENT_API')""").update())
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    }

    @Test
    void termsRejectWhatAPatientCannotMean() {
        assertThatThrownBy(() -> CountryScope.of(Set.of())).hasMessageContaining("at least one country");
        assertThatThrownBy(() -> CountryScope.of(Set.of("XX"))).hasMessageContaining("Unknown country code: XX");
        assertThatThrownBy(() -> CountryScope.of(Set.of("ESP"))).hasMessageContaining("alpha-2");
        assertThatThrownBy(() -> new ConsentTerms(CountryScope.all(), Set.of(), Optional.empty()))
                .hasMessageContaining("at least one kind");
        assertThat(CountryScope.of(Set.of("el")).covers("EL")).isTrue();
    }
}
