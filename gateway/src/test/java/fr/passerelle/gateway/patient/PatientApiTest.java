package fr.passerelle.gateway.patient;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.access.AccessDecision;
import fr.passerelle.gateway.access.AccessRequest;
import fr.passerelle.gateway.access.CrossBorderTransaction;
import fr.passerelle.gateway.access.DecidingRule;
import fr.passerelle.gateway.access.Requester;
import fr.passerelle.gateway.audit.AuditEntry;
import fr.passerelle.gateway.audit.AuditTrail;
import fr.passerelle.gateway.ehdsi.ExchangeError;
import fr.passerelle.gateway.healthspace.DocumentKind;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.patient.token.DevPatientTokenIssuer;
import fr.passerelle.gateway.patient.token.PatientTokenProperties;
import fr.passerelle.gateway.testsupport.Databases;
import fr.passerelle.gateway.testsupport.TestDatabase;
import fr.passerelle.trust.assertion.PurposeOfUse;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The patient API: each patient reads and changes only their own consent and history; bad input gets a 400. */
class PatientApiTest {

    static final String ALICE = "280017512345678";
    static final String BOB = "190037512345699";

    static TestDatabase db;
    static PatientSide app;

    @BeforeAll
    static void start() {
        db = Databases.h2("PatientApiTest");
        app = new PatientSide(db);
    }

    @AfterAll
    static void stop() {
        app.close();

    }

    @Test
    void withoutATokenNothingIsShown() throws Exception {
        assertThat(app.get("/api/patient/consent", null).statusCode()).isEqualTo(401);
        assertThat(app.get("/api/patient/access-history", null).statusCode()).isEqualTo(401);
        assertThat(app.get("/api/patient/consent", "not.a.jwt").statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenFromAnotherIssuerOrExpiredIsRefused() throws Exception {
        PatientTokenProperties properties = new PatientTokenProperties("ins", "ins_oid",
                new PatientTokenProperties.DevIssuer(true, "urn:passerelle:dev-patient-issuer", "passerelle-patient-api",
                        Duration.ofMinutes(15)));
        String forged = new DevPatientTokenIssuer(properties, Clock.systemUTC())
                .issue(new Ins(Ins.TEST_NIR, ALICE)).token();
        assertThat(app.get("/api/patient/consent", forged).statusCode()).isEqualTo(401);

        DevPatientTokenIssuer sameKeyIssuer = app.context.getBean(DevPatientTokenIssuer.class);
        assertThat(app.get("/api/patient/consent", sameKeyIssuer.issue(new Ins(Ins.TEST_NIR, ALICE)).token())
                .statusCode()).isEqualTo(200);
    }

    @Test
    void aPatientAuthorisesReadsAndRevokesTheirOwnConsentOnly() throws Exception {
        String alice = app.tokenFor(ALICE);
        String bob = app.tokenFor(BOB);

        JsonNode initial = PatientSide.json(app.get("/api/patient/consent", alice));
        assertThat(initial.get("state").asString()).isEqualTo("NOT_DECIDED");
        assertThat(initial.get("defaultAccess").asString()).isEqualTo("NO_ACCESS");

        HttpResponse<String> authorised = app.put("/api/patient/consent", alice,
                "{\"allCountries\":false,\"countries\":[\"es\",\"BE\"],\"documents\":[\"PATIENT_SUMMARY\"],"
                        + "\"validUntil\":\"2099-01-01T00:00:00Z\"}");
        assertThat(authorised.statusCode()).isEqualTo(200);
        JsonNode consent = PatientSide.json(authorised);
        assertThat(consent.get("state").asString()).isEqualTo("AUTHORISED");
        assertThat(consent.get("countries").toString()).isEqualTo("[\"BE\",\"ES\"]");
        assertThat(consent.get("channel").asString()).isEqualTo("PATIENT_API");

        // Bob sees nothing of Alice's, even when he names her.
        assertThat(PatientSide.json(app.get("/api/patient/consent", bob)).get("state").asString())
                .isEqualTo("NOT_DECIDED");
        assertThat(PatientSide.json(app.get("/api/patient/consent?ins=" + ALICE + "&oid=1.2.250.1.213.1.4.10", bob))
                .get("state").asString()).isEqualTo("NOT_DECIDED");
        assertThat(app.get("/api/patient/consent/history", bob).body()).isEqualTo("[]");
        // A body naming Alice changes Bob's consent, never Alice's.
        app.put("/api/patient/consent", bob, "{\"ins\":\"" + ALICE + "\",\"allCountries\":true,"
                + "\"documents\":[\"EPRESCRIPTIONS\"]}");
        assertThat(PatientSide.json(app.get("/api/patient/consent", alice)).get("countries").toString())
                .isEqualTo("[\"BE\",\"ES\"]");
        assertThat(PatientSide.json(app.get("/api/patient/consent", bob)).get("allCountries").asBoolean()).isTrue();

        JsonNode revoked = PatientSide.json(app.delete("/api/patient/consent", alice));
        assertThat(revoked.get("state").asString()).isEqualTo("REVOKED");
        JsonNode history = PatientSide.json(app.get("/api/patient/consent/history", alice));
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.get(0).get("state").asString()).isEqualTo("AUTHORISED");
        assertThat(history.get(1).get("state").asString()).isEqualTo("REVOKED");
        assertThat(history.get(1).get("changedBy").asString()).isEqualTo("patient");

        // The reports are a choice of their own.
        HttpResponse<String> reports = app.put("/api/patient/consent", bob,
                "{\"allCountries\":true,\"documents\":[\"PATIENT_SUMMARY\",\"ORIGINAL_CLINICAL_DOCUMENTS\"]}");
        assertThat(reports.statusCode()).isEqualTo(200);
        assertThat(PatientSide.json(reports).get("documents").toString())
                .isEqualTo("[\"PATIENT_SUMMARY\",\"ORIGINAL_CLINICAL_DOCUMENTS\"]");
    }

    @Test
    void badInputIsA400WithTheReason() throws Exception {
        String alice = app.tokenFor(ALICE);

        HttpResponse<String> noCountries = app.put("/api/patient/consent", alice,
                "{\"allCountries\":false,\"countries\":[],\"documents\":[\"PATIENT_SUMMARY\"]}");
        assertThat(noCountries.statusCode()).isEqualTo(400);
        assertThat(PatientSide.json(noCountries).get("detail").asString()).contains("at least one country");

        HttpResponse<String> badCountry = app.put("/api/patient/consent", alice,
                "{\"allCountries\":false,\"countries\":[\"XX\"],\"documents\":[\"PATIENT_SUMMARY\"]}");
        assertThat(PatientSide.json(badCountry).get("detail").asString()).isEqualTo("Unknown country code: XX");

        HttpResponse<String> past = app.put("/api/patient/consent", alice,
                "{\"allCountries\":true,\"documents\":[\"PATIENT_SUMMARY\"],\"validUntil\":\"2001-01-01T00:00:00Z\"}");
        assertThat(PatientSide.json(past).get("detail").asString()).contains("future");

        HttpResponse<String> unknownDocuments = app.put("/api/patient/consent", alice,
                "{\"allCountries\":true,\"documents\":[\"LAB_RESULTS\"]}");
        assertThat(unknownDocuments.statusCode()).isEqualTo(400);
        assertThat(unknownDocuments.body()).doesNotContain("Exception").doesNotContain("at fr.");
        HttpResponse<String> noDocuments = app.put("/api/patient/consent", alice,
                "{\"allCountries\":true,\"documents\":[]}");
        assertThat(PatientSide.json(noDocuments).get("detail").asString()).contains("ORIGINAL_CLINICAL_DOCUMENTS");

        HttpResponse<String> garbage = app.put("/api/patient/consent", alice, "{not json");
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(garbage.body()).doesNotContain("Exception").doesNotContain("at fr.");

        assertThat(app.get("/api/patient/access-history?lang=de", alice).statusCode()).isEqualTo(400);
        assertThat(app.put("/api/patient/contact", alice, "{\"email\":\"nope\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void theAccessHistoryTellsEachPatientTheirOwnAccessesInPlainLanguage() throws Exception {
        Ins carol = new Ins(Ins.TEST_NIR, "270017512345600");
        Ins dave = new Ins(Ins.TEST_NIR, "170017512345600");
        AuditTrail trail = app.context.getBean(AuditTrail.class);
        Requester spanishGp = new Requester("ES", "ncp-es", "ES-12345", "2211", "Hospital X");
        trail.record(AuditEntry.of(new AccessRequest(spanishGp, PurposeOfUse.TREATMENT, carol,
                        Set.of(DocumentKind.PATIENT_SUMMARY), CrossBorderTransaction.DOCUMENT_RETRIEVE),
                new AccessDecision.Granted(DecidingRule.CONSENT_COVERS_REQUEST, false), List.of("1.2.3"), "m1",
                List.of("a1")));
        trail.record(AuditEntry.of(new AccessRequest(new Requester("PT", "ncp-pt", "PT-9", "2262", "Farmácia Y"),
                        PurposeOfUse.EMERGENCY, carol, Set.of(DocumentKind.EPRESCRIPTION),
                        CrossBorderTransaction.DOCUMENT_LIST),
                new AccessDecision.Refused(DecidingRule.CONSENT_REVOKED, ExchangeError.ERROR_NO_CONSENT), List.of(), "m2",
                List.of("a2")));

        JsonNode french = PatientSide.json(app.get("/api/patient/access-history", app.tokenFor(carol.value())));
        assertThat(french.size()).isEqualTo(2);
        assertThat(french.get(1).get("text").asString()).matches("Le \\d{1,2} \\S+ \\d{4} à \\d{2}:\\d{2}, un médecin "
                + "généraliste de Hospital X en Espagne a consulté votre synthèse médicale pour des soins\\.");
        assertThat(french.get(0).get("text").asString()).contains("un pharmacien de Farmácia Y au Portugal a demandé à "
                + "consulter votre dossier en urgence. L'accès a été refusé (vous avez retiré votre accord).");
        JsonNode english = PatientSide.json(app.get("/api/patient/access-history?lang=en",
                app.tokenFor(carol.value())));
        assertThat(english.get(1).get("text").asString()).matches("On \\d{1,2} \\S+ \\d{4} at \\d{2}:\\d{2} a general "
                + "practitioner of Hospital X in Spain viewed your Patient Summary for treatment\\.");
        assertThat(english.get(1).get("country").asString()).isEqualTo("ES");

        assertThat(app.get("/api/patient/access-history", app.tokenFor(dave.value())).body()).isEqualTo("[]");
    }

    @Test
    void theNarrativeMatchesTheIssuesExampleWordForWord() {
        var record = new fr.passerelle.gateway.audit.AuditRecord(1, Instant.parse("2026-03-12T13:05:00Z"),
                CrossBorderTransaction.DOCUMENT_RETRIEVE, "ES", "ncp-es", "ES-1", "2211", "l'Hôpital X",
                java.util.Optional.of(PurposeOfUse.TREATMENT), java.util.Optional.of(new Ins(Ins.TEST_NIR, ALICE)),
                Set.of(DocumentKind.PATIENT_SUMMARY),
                List.of("1.2.3"), fr.passerelle.gateway.audit.AuditOutcome.SUCCESS, "CONSENT_COVERS_REQUEST", "", "m",
                List.of(), "0", "1");

        assertThat(AccessNarrative.tell(record, PatientLanguage.FR)).isEqualTo("Le 12 mars 2026 à 14:05, un médecin "
                + "généraliste de l'Hôpital X en Espagne a consulté votre synthèse médicale pour des soins.");
        assertThat(AccessNarrative.tell(record, PatientLanguage.EN)).isEqualTo("On 12 March 2026 at 14:05 a general "
                + "practitioner of l'Hôpital X in Spain viewed your Patient Summary for treatment.");
    }
}
