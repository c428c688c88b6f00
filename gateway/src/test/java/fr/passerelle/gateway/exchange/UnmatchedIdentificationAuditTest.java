package fr.passerelle.gateway.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.access.AccessFixtures;
import fr.passerelle.gateway.audit.AuditChainVerifier;
import fr.passerelle.gateway.audit.AuditFixtures;
import fr.passerelle.gateway.audit.AuditRecord;
import fr.passerelle.gateway.audit.AuditSearch;
import fr.passerelle.gateway.audit.AuditSearchCriteria;
import fr.passerelle.gateway.audit.AuditTrail;
import fr.passerelle.gateway.audit.ChainVerification;
import fr.passerelle.gateway.audit.atna.AtnaMessageWriter;
import fr.passerelle.gateway.audit.fhir.AuditEventMapper;
import fr.passerelle.gateway.ehdsi.ExchangeError;
import fr.passerelle.gateway.healthspace.AdministrativeGender;
import fr.passerelle.gateway.healthspace.FrenchPatient;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.healthspace.NationalHealthSpace;
import fr.passerelle.gateway.healthspace.PatientSearch;
import fr.passerelle.gateway.testsupport.DatabaseTest;
import fr.passerelle.gateway.testsupport.TestDatabase;
import fr.passerelle.trust.assertion.PurposeOfUse;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A search by traits alone that names nobody, or several people, is answered and audited under the patient of the
 * requester's TRC assertion, or without a patient when the requester names none — never with the traits searched
 * for in the trail.
 */
class UnmatchedIdentificationAuditTest {

    private static final PatientSearch TRAITS = new PatientSearch("Martinez", "Anne", LocalDate.of(1971, 2, 3),
            AdministrativeGender.FEMALE);
    private static final CrossBorderCall WITH_TRC = new CrossBorderCall(ExchangeRulesTest.treating(
            ExchangeRulesTest.PATIENT.value() + "^^^&" + ExchangeRulesTest.PATIENT.oid() + "&ISO"), "NCP-BE", "corr-u");

    @DatabaseTest
    void noMatchByTraitsIsAuditedUnderTheTrcPatientWithoutTheTraits(TestDatabase db) {
        PatientIdentification identification = identification(db.dataSource(), List.of());

        IdentificationOutcome outcome = identification.identify(WITH_TRC, new PatientQuery(List.of(), Optional.of(TRAITS)));

        assertThat(outcome).isInstanceOf(IdentificationOutcome.NoMatch.class);
        assertThat(rows(db.dataSource())).singleElement().satisfies(row -> {
            assertThat(row.get("TRANSACTION_KIND")).isEqualTo("PATIENT_IDENTIFICATION");
            assertThat(row.get("OUTCOME")).isEqualTo("REFUSED");
            assertThat(row.get("DECIDING_RULE")).isEqualTo(PatientIdentification.NO_MATCH_RULE);
            assertThat(row.get("PATIENT_VALUE")).isEqualTo(ExchangeRulesTest.PATIENT.value());
            row.forEach((column, value) -> assertThat(String.valueOf(value)).as(column)
                    .doesNotContainIgnoringCase("martinez").doesNotContain("1971"));
        });
    }

    @DatabaseTest
    void severalMatchesByTraitsAreRefusedAndAuditedUnderTheTrcPatient(TestDatabase db) {
        PatientIdentification identification = identification(db.dataSource(), List.of(
                patient("290023306307835"), patient("238016311300935")));

        IdentificationOutcome outcome = identification.identify(WITH_TRC, new PatientQuery(List.of(), Optional.of(TRAITS)));

        assertThat(outcome).isInstanceOfSatisfying(IdentificationOutcome.Refused.class, refused ->
                assertThat(refused.refusal().error()).isEqualTo(ExchangeError.ERROR_PI_MULTIPLE_MATCHES));
        assertThat(rows(db.dataSource())).singleElement().satisfies(row -> {
            assertThat(row.get("DECIDING_RULE")).isEqualTo(PatientIdentification.MULTIPLE_MATCHES_RULE);
            assertThat(row.get("ERROR_CODE")).isEqualTo(ExchangeError.ERROR_PI_MULTIPLE_MATCHES.code());
            assertThat(row.get("PATIENT_VALUE")).isEqualTo(ExchangeRulesTest.PATIENT.value());
            row.forEach((column, value) -> assertThat(String.valueOf(value)).as(column)
                    .doesNotContain("290023306307835").doesNotContain("238016311300935"));
        });
    }

    @DatabaseTest
    void noMatchByTraitsWithoutAnyNamedPatientIsAuditedWithoutAPatientAndSeenOnlyByTheOperator(TestDatabase db) {
        PatientIdentification identification = identification(db.dataSource(), List.of());
        CrossBorderCall noTrc = new CrossBorderCall(ExchangeRulesTest.treating(null), "NCP-BE", "corr-none");
        AuditTrail trail = AuditFixtures.trail(db.dataSource(), Clock.systemUTC(), false);
        trail.record(AuditFixtures.granted("doc-1")); // a patient's own access, beside it

        IdentificationOutcome outcome = identification.identify(noTrc, new PatientQuery(List.of(), Optional.of(TRAITS)));

        assertThat(outcome).isInstanceOf(IdentificationOutcome.NoMatch.class);
        assertThat(rows(db.dataSource())).hasSize(2).last().satisfies(row -> {
            assertThat(row.get("OUTCOME")).isEqualTo("REFUSED");
            assertThat(row.get("DECIDING_RULE")).isEqualTo(PatientIdentification.NO_MATCH_RULE);
            assertThat(row.get("ERROR_CODE")).isEqualTo(ExchangeError.ERROR_PI_NO_MATCH.code());
            assertThat(row.get("CORRELATION_ID")).isEqualTo("corr-none");
            assertThat(row.get("PATIENT_OID")).isEqualTo("");
            assertThat(row.get("PATIENT_VALUE")).isEqualTo("");
            // The requester was verified by trust: it is recorded as for any other request.
            assertThat(row.get("REQUESTING_COUNTRY")).isEqualTo("BE");
            row.forEach((column, value) -> assertThat(String.valueOf(value)).as(column)
                    .doesNotContainIgnoringCase("martinez").doesNotContain("1971"));
        });
        assertThat(new AuditChainVerifier(db.dataSource()).verify()).isInstanceOf(ChainVerification.Intact.class);
        AuditSearch search = new AuditSearch(db.dataSource());
        // Nobody's access history shows it; the operator's search (no patient criterion) does, with no patient.
        assertThat(search.find(AuditSearchCriteria.forPatient(AccessFixtures.PATIENT, 100))).hasSize(1)
                .extracting(AuditRecord::decidingRule).doesNotContain(PatientIdentification.NO_MATCH_RULE);
        AuditRecord unattributed = search.find(new AuditSearchCriteria(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), 100)).get(0);
        assertThat(unattributed.patient()).isEmpty();
        assertThat(unattributed.purpose()).contains(PurposeOfUse.TREATMENT);
        // The exports cope: no patient participant / entity.
        assertThat(new AtnaMessageWriter("FR-NCP").write(unattributed)).doesNotContain("Patient Number")
                .contains("EventOutcomeIndicator=\"4\"");
        assertThat(new AuditEventMapper("FR-NCP").toAuditEvent(unattributed).getEntity()).isEmpty();
    }

    private static FrenchPatient patient(String ins) {
        return new FrenchPatient(new Ins(Ins.TEST_NIR, ins), List.of("ANNE"), "MARTINEZ", LocalDate.of(1971, 2, 3),
                AdministrativeGender.FEMALE, null, null);
    }

    private static PatientIdentification identification(DataSource dataSource, List<FrenchPatient> found) {
        AuditFixtures.reset(dataSource);
        AuditTrail audit = AuditFixtures.trail(dataSource, Clock.systemUTC(), false);
        NationalHealthSpace healthSpace = (NationalHealthSpace) Proxy.newProxyInstance(
                UnmatchedIdentificationAuditTest.class.getClassLoader(), new Class<?>[] {NationalHealthSpace.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "findPatients" -> found;
                    case "findPatient" -> Optional.empty();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return new PatientIdentification(healthSpace, new AccessControl(healthSpace, null, audit), audit);
    }

    private static List<Map<String, Object>> rows(DataSource dataSource) {
        return JdbcClient.create(dataSource).sql("SELECT * FROM audit_record ORDER BY seq").query().listOfRows()
                .stream().map(row -> {
                    Map<String, Object> upper = new java.util.LinkedHashMap<>();
                    row.forEach((key, value) -> upper.put(key.toUpperCase(java.util.Locale.ROOT), value));
                    return upper;
                }).toList();
    }
}
