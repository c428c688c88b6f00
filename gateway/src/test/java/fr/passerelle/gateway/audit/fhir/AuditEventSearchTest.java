package fr.passerelle.gateway.audit.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.gateway.access.AccessDecision;
import fr.passerelle.gateway.access.AccessRequest;
import fr.passerelle.gateway.access.CrossBorderTransaction;
import fr.passerelle.gateway.access.DecidingRule;
import fr.passerelle.gateway.access.Requester;
import fr.passerelle.gateway.audit.AuditEntry;
import fr.passerelle.gateway.audit.AuditFixtures;
import fr.passerelle.gateway.audit.AuditSearch;
import fr.passerelle.gateway.audit.AuditTrail;
import fr.passerelle.gateway.ehdsi.ExchangeError;
import fr.passerelle.gateway.healthspace.DocumentKind;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.testsupport.DatabaseTest;
import fr.passerelle.gateway.testsupport.TestDatabase;
import fr.passerelle.trust.assertion.PurposeOfUse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.CodeType;

/** AuditEvent search by patient, date and country, and the mapping of a record. */
class AuditEventSearchTest {

    private static final Ins ANNE = new Ins(Ins.TEST_NIR, "280017512345678");
    private static final Ins PAUL = new Ins(Ins.TEST_NIR, "190037512345699");

    @DatabaseTest
    void searchesByPatientDateAndCountry(TestDatabase db) {
        AuditFixtures.reset(db.dataSource());
        write(db, Instant.parse("2026-03-11T22:30:00Z"), ANNE, "ES", true);   // 11 March 23:30 in Paris
        write(db, Instant.parse("2026-03-12T13:05:00Z"), ANNE, "BE", false);  // 12 March
        write(db, Instant.parse("2026-03-12T23:30:00Z"), PAUL, "ES", true);   // 13 March 00:30 in Paris
        AuditEventSearch search = new AuditEventSearch(new AuditSearch(db.dataSource()),
                AuditFixtures.atna(false, 0));
        String anne = "urn:oid:" + Ins.TEST_NIR + "|" + ANNE.value();

        assertThat(search.search(anne, List.of(), null, null)).extracting(AuditEvent::getIdPart)
                .containsExactly("2", "1");
        assertThat(search.search(null, List.of("2026-03-12"), null, null)).extracting(AuditEvent::getIdPart)
                .containsExactly("2");
        assertThat(search.search(null, List.of("ge2026-03-12", "lt2026-03-14"), "es", null))
                .extracting(AuditEvent::getIdPart).containsExactly("3");
        assertThat(search.search(anne, List.of("le2026-03-11"), "ES", 10)).extracting(AuditEvent::getIdPart)
                .containsExactly("1");

        AuditEvent refused = search.search(anne, List.of("eq2026-03-12"), null, null).get(0);
        assertThat(refused.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._4);
        assertThat(refused.getOutcomeDesc()).isEqualTo("4701 NO_CONSENT");
        assertThat(refused.getType().getCode()).isEqualTo("110112");
        assertThat(refused.getSubtypeFirstRep().getCode()).isEqualTo("ITI-38");
        assertThat(((CodeType) refused.getExtensionByUrl(AuditEventMapper.REQUESTING_COUNTRY_EXTENSION).getValue())
                .getValue()).isEqualTo("BE");
        assertThat(refused.getEntityFirstRep().getWhat().getIdentifier().getValue()).isEqualTo(ANNE.value());
        assertThat(refused.getPurposeOfEventFirstRep().getCodingFirstRep().getCode()).isEqualTo("ETREAT");
        AuditEvent granted = search.search(anne, List.of("2026-03-11"), null, null).get(0);
        assertThat(granted.getEntity()).hasSize(2);
        assertThat(granted.getAgentFirstRep().getRequestor()).isTrue();
        assertThat(granted.getAgentFirstRep().getWho().getIdentifier().getValue()).isEqualTo("ES-12345");
    }

    @DatabaseTest
    void badParametersAreNamed(TestDatabase db) {
        AuditEventSearch search = new AuditEventSearch(new AuditSearch(db.dataSource()),
                AuditFixtures.atna(false, 0));
        assertThatThrownBy(() -> search.search("280017512345678", List.of(), null, null))
                .isInstanceOf(InvalidAuditSearchException.class).hasMessageContaining("system|value");
        assertThatThrownBy(() -> search.search("urn:oid:1.2.3|X", List.of(), null, null))
                .hasMessageContaining("not an INS");
        assertThatThrownBy(() -> search.search(null, List.of("yesterday"), null, null))
                .hasMessageContaining("date must be");
        assertThatThrownBy(() -> search.search(null, List.of("sa2026-01-01"), null, null))
                .hasMessageContaining("prefix");
        assertThatThrownBy(() -> search.search(null, List.of(), "ESP", null)).hasMessageContaining("alpha-2");
        assertThatThrownBy(() -> search.search(null, List.of(), null, 0)).hasMessageContaining("_count");
    }

    private static void write(TestDatabase db, Instant at, Ins patient, String country, boolean granted) {
        AuditTrail trail = AuditFixtures.trail(db.dataSource(), Clock.fixed(at, ZoneOffset.UTC), false);
        Requester requester = new Requester(country, "ncp-" + country, country + "-12345", "2211", "Hospital");
        if (granted) {
            trail.record(AuditEntry.of(new AccessRequest(requester, PurposeOfUse.TREATMENT, patient,
                            Set.of(DocumentKind.PATIENT_SUMMARY), CrossBorderTransaction.DOCUMENT_RETRIEVE),
                    new AccessDecision.Granted(DecidingRule.CONSENT_COVERS_REQUEST, false), List.of("1.2.3"), "m",
                    List.of()));
        } else {
            trail.record(AuditEntry.of(new AccessRequest(requester, PurposeOfUse.EMERGENCY, patient,
                            Set.of(DocumentKind.PATIENT_SUMMARY), CrossBorderTransaction.DOCUMENT_LIST),
                    new AccessDecision.Refused(DecidingRule.NO_CONSENT, ExchangeError.ERROR_NO_CONSENT), List.of(), "m",
                    List.of()));
        }
    }
}
