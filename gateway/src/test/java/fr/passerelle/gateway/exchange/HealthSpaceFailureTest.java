package fr.passerelle.gateway.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.audit.AuditFixtures;
import fr.passerelle.gateway.audit.AuditTrail;
import fr.passerelle.gateway.ehdsi.ExchangeError;
import fr.passerelle.gateway.healthspace.AdministrativeGender;
import fr.passerelle.gateway.healthspace.DocumentKind;
import fr.passerelle.gateway.healthspace.FrenchDispensation;
import fr.passerelle.gateway.healthspace.HealthSpaceCaller;
import fr.passerelle.gateway.healthspace.HealthSpaceUnavailableException;
import fr.passerelle.gateway.healthspace.NationalHealthSpace;
import fr.passerelle.gateway.healthspace.PatientSearch;
import fr.passerelle.gateway.testsupport.DatabaseTest;
import fr.passerelle.gateway.testsupport.TestDatabase;
import fr.passerelle.trust.VerifiedRequester;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * A remote health space (the DMP) that fails or refuses: each use case answers with an eHDSI refusal instead of
 * letting the failure become a server error, the health space sees on whose behalf it was called, and the failure
 * is on the audit trail (outcome, reason, code) under the patient asked about — with no more of the patient than
 * any other record carries.
 */
class HealthSpaceFailureTest {

    /** The INS is put in the failure's message on purpose: the message must not reach the trail. */
    private static final String MESSAGE = "DMP timeout for " + ExchangeRulesTest.PATIENT.value();

    private final VerifiedRequester requester = ExchangeRulesTest.treating(
            ExchangeRulesTest.PATIENT.value() + "^^^&" + ExchangeRulesTest.PATIENT.oid() + "&ISO");
    private final CrossBorderCall call = new CrossBorderCall(requester, "NCP-BE", "corr-1");
    private final List<Optional<VerifiedRequester>> seenCallers = new ArrayList<>();

    @DatabaseTest
    void anOutageIsAnsweredAsTheHealthSpaceBeingUnavailableAndAuditedAsFailed(TestDatabase db) {
        UseCases useCases = new UseCases(db.dataSource(),
                healthSpaceThrowing(new HealthSpaceUnavailableException(MESSAGE, null)));

        List<ExchangeRefusal> refusals = List.of(
                ((IdentificationOutcome.Refused) useCases.identification
                        .identify(call, new PatientQuery(List.of(ExchangeRulesTest.PATIENT), Optional.empty())))
                        .refusal(),
                ((ListingOutcome.Refused) useCases.listing
                        .list(call, ExchangeRulesTest.PATIENT, Set.of(DocumentKind.PATIENT_SUMMARY))).refusal(),
                ((RetrievalOutcome.Refused) useCases.retrieval.retrieve(call, new RetrievalRequest("1.2.3.4",
                        Optional.empty(), Rendering.PIVOT_CDA, Optional.empty()))).refusal(),
                ((RetrievalOutcome.Refused) useCases.retrieval.retrieveLatest(call, ExchangeRulesTest.PATIENT,
                        DocumentKind.PATIENT_SUMMARY, Rendering.FHIR_IPS, Optional.empty())).refusal(),
                ((DispensationOutcome.Refused) useCases.dispensation.record(call, ExchangeRulesTest.PATIENT,
                        dispensation())).refusal());

        assertThat(refusals).allSatisfy(refusal -> {
            assertThat(refusal.error().code()).isEqualTo("ERROR_GENERIC");
            assertThat(refusal.error().kind()).isEqualTo(ExchangeError.Kind.UNAVAILABLE);
        });
        assertThat(seenCallers).hasSize(5).allSatisfy(caller -> assertThat(caller).contains(requester));
        assertThat(HealthSpaceCaller.current()).as("the binding ends with the call").isEmpty();

        List<Map<String, Object>> rows = auditRows(db.dataSource());
        assertThat(rows).extracting(row -> row.get("TRANSACTION_KIND")).containsExactly(
                "PATIENT_IDENTIFICATION", "DOCUMENT_LIST", "DOCUMENT_RETRIEVE", "DOCUMENT_RETRIEVE", "DISPENSATION");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.get("OUTCOME")).isEqualTo("FAILED");
            assertThat(row.get("DECIDING_RULE")).isEqualTo("HEALTH_SPACE_UNAVAILABLE");
            assertThat(row.get("ERROR_CODE")).isEqualTo("ERROR_GENERIC");
            assertThat(row.get("CORRELATION_ID")).isEqualTo("corr-1");
            assertThat(row.get("REQUESTING_COUNTRY")).isEqualTo("BE");
            // Filed under the patient asked about (the retrieve by id: the TRC's patient), like every record.
            assertThat(row.get("PATIENT_VALUE")).isEqualTo(ExchangeRulesTest.PATIENT.value());
            assertThat(row.get("DOCUMENTS")).isEqualTo("");
            row.forEach((column, value) -> assertThat(String.valueOf(value)).as(column).doesNotContain("timeout"));
        });
        assertThat(rows.get(4).get("DOCUMENT_KINDS")).isEqualTo("EDISPENSATION");
    }

    @DatabaseTest
    void aRefusalByTheHealthSpaceIsInsufficientRightsAuditedAsRefused(TestDatabase db) {
        UseCases useCases = new UseCases(db.dataSource(), healthSpaceThrowing(
                new HealthSpaceUnavailableException("VIHF refused", null) {
                    @Override
                    public boolean refusedAccess() {
                        return true;
                    }
                }));

        IdentificationOutcome outcome = useCases.identification
                .identify(call, new PatientQuery(List.of(ExchangeRulesTest.PATIENT), Optional.empty()));

        assertThat(outcome).isInstanceOfSatisfying(IdentificationOutcome.Refused.class, refused ->
                assertThat(refused.refusal().error().code()).isEqualTo("4703"));
        assertThat(auditRows(db.dataSource())).singleElement().satisfies(row -> {
            assertThat(row.get("OUTCOME")).isEqualTo("REFUSED");
            assertThat(row.get("DECIDING_RULE")).isEqualTo("HEALTH_SPACE_REFUSED");
            assertThat(row.get("ERROR_CODE")).isEqualTo("4703");
        });
    }

    @DatabaseTest
    void aFailedSearchByTraitsAloneIsRecordedWithoutAPatient(TestDatabase db) {
        CrossBorderCall withoutTrc = new CrossBorderCall(ExchangeRulesTest.treating(null), "NCP-BE", "corr-2");
        UseCases useCases = new UseCases(db.dataSource(),
                healthSpaceThrowing(new HealthSpaceUnavailableException(MESSAGE, null)));

        IdentificationOutcome outcome = useCases.identification.identify(withoutTrc, new PatientQuery(List.of(),
                Optional.of(new PatientSearch("Dupont", "Marie", LocalDate.of(1984, 5, 6),
                        AdministrativeGender.FEMALE))));

        assertThat(outcome).isInstanceOf(IdentificationOutcome.Refused.class);
        assertThat(auditRows(db.dataSource())).singleElement().satisfies(row -> {
            assertThat(row.get("OUTCOME")).isEqualTo("FAILED");
            assertThat(row.get("PATIENT_OID")).isEqualTo("");
            assertThat(row.get("PATIENT_VALUE")).isEqualTo("");
            assertThat(row.get("REQUESTING_COUNTRY")).isEqualTo("BE");
            row.forEach((column, value) -> assertThat(String.valueOf(value)).as(column)
                    .doesNotContainIgnoringCase("dupont").doesNotContain("1984"));
        });
    }

    private static FrenchDispensation dispensation() {
        return new FrenchDispensation("1.2.3.9", "1.2.3.4", "1", OffsetDateTime.now(), "pharmacist", null);
    }

    private static List<Map<String, Object>> auditRows(DataSource dataSource) {
        return JdbcClient.create(dataSource).sql("SELECT * FROM audit_record ORDER BY seq").query().listOfRows()
                .stream().map(HealthSpaceFailureTest::upperCaseKeys).toList();
    }

    private static Map<String, Object> upperCaseKeys(Map<String, Object> row) {
        Map<String, Object> upper = new java.util.LinkedHashMap<>();
        row.forEach((key, value) -> upper.put(key.toUpperCase(java.util.Locale.ROOT), value));
        return upper;
    }

    /** The five use cases over one failing health space and a real audit trail. */
    @DatabaseTest
    void aDiscardTheHealthSpaceFailsOrRefusesIsDiscardFailedAndAudited(TestDatabase db) {
        UseCases failing = new UseCases(db.dataSource(),
                healthSpaceThrowing(new HealthSpaceUnavailableException(MESSAGE, null)));
        DispensationDiscard.Outcome outage = failing.discard.discard(call, ExchangeRulesTest.PATIENT,
                List.of("1.2.3.9"));
        UseCases refusing = new UseCases(db.dataSource(), healthSpaceThrowing(
                new HealthSpaceUnavailableException("not the author", null) {
                    @Override
                    public boolean refusedAccess() {
                        return true;
                    }
                }));
        DispensationDiscard.Outcome refusal = refusing.discard.discard(call, ExchangeRulesTest.PATIENT,
                List.of("1.2.3.9"));

        assertThat(outage).isInstanceOfSatisfying(DispensationDiscard.Refused.class, refused -> {
            assertThat(refused.refusal().error()).isEqualTo(ExchangeError.ERROR_ED_DISCARD_FAILED);
            assertThat(refused.refusal().reason()).contains("did not answer");
        });
        assertThat(refusal).isInstanceOfSatisfying(DispensationDiscard.Refused.class, refused -> {
            assertThat(refused.refusal().error()).isEqualTo(ExchangeError.ERROR_ED_DISCARD_FAILED);
            assertThat(refused.refusal().reason()).contains("refused");
        });
        // The second UseCases reset the trail: only the refusal's record is left.
        assertThat(auditRows(db.dataSource())).singleElement().satisfies(row -> {
            assertThat(row.get("TRANSACTION_KIND")).isEqualTo("DISPENSATION");
            assertThat(row.get("OUTCOME")).isEqualTo("REFUSED");
            assertThat(row.get("DECIDING_RULE")).isEqualTo("HEALTH_SPACE_REFUSED");
            assertThat(row.get("ERROR_CODE")).isEqualTo("ERROR_ED_DISCARD_FAILED");
            assertThat(row.get("PATIENT_VALUE")).isEqualTo(ExchangeRulesTest.PATIENT.value());
        });
    }

    @DatabaseTest
    void aDiscardOutageIsAuditedAsFailedWithTheCodeSent(TestDatabase db) {
        UseCases failing = new UseCases(db.dataSource(),
                healthSpaceThrowing(new HealthSpaceUnavailableException(MESSAGE, null)));

        failing.discard.discard(call, ExchangeRulesTest.PATIENT, List.of("1.2.3.9"));

        assertThat(auditRows(db.dataSource())).singleElement().satisfies(row -> {
            assertThat(row.get("OUTCOME")).isEqualTo("FAILED");
            assertThat(row.get("DECIDING_RULE")).isEqualTo("HEALTH_SPACE_UNAVAILABLE");
            assertThat(row.get("ERROR_CODE")).isEqualTo("ERROR_ED_DISCARD_FAILED");
            row.forEach((column, value) -> assertThat(String.valueOf(value)).as(column).doesNotContain(MESSAGE));
        });
    }

    private static final class UseCases {
        final PatientIdentification identification;
        final DocumentListing listing;
        final DocumentRetrieval retrieval;
        final DispensationRecording dispensation;
        final DispensationDiscard discard;

        UseCases(DataSource dataSource, NationalHealthSpace healthSpace) {
            AuditFixtures.reset(dataSource);
            AuditTrail audit = AuditFixtures.trail(dataSource, Clock.systemUTC(), false);
            // The failure comes before any policy decision, so no policy is needed.
            AccessControl gate = new AccessControl(healthSpace, null, audit);
            identification = new PatientIdentification(healthSpace, gate, audit);
            listing = new DocumentListing(healthSpace, gate);
            retrieval = new DocumentRetrieval(healthSpace, gate, listing, null);
            dispensation = new DispensationRecording(healthSpace, gate, new DataSourceTransactionManager(dataSource));
            discard = new DispensationDiscard(healthSpace, gate, new DataSourceTransactionManager(dataSource));
        }
    }

    private NationalHealthSpace healthSpaceThrowing(HealthSpaceUnavailableException failure) {
        return (NationalHealthSpace) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {NationalHealthSpace.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.invoke(this, args);
                    }
                    seenCallers.add(HealthSpaceCaller.current());
                    throw failure;
                });
    }
}
