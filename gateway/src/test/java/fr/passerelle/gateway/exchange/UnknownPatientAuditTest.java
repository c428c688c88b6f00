package fr.passerelle.gateway.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.audit.AuditChainVerifier;
import fr.passerelle.gateway.audit.AuditFixtures;
import fr.passerelle.gateway.audit.AuditRecord;
import fr.passerelle.gateway.audit.AuditSearch;
import fr.passerelle.gateway.audit.AuditSearchCriteria;
import fr.passerelle.gateway.audit.AuditTrail;
import fr.passerelle.gateway.audit.ChainVerification;
import fr.passerelle.gateway.ehdsi.ExchangeError;
import fr.passerelle.gateway.healthspace.DocumentKind;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.healthspace.NationalHealthSpace;
import fr.passerelle.gateway.testsupport.DatabaseTest;
import fr.passerelle.gateway.testsupport.TestDatabase;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A request naming an INS the health space does not know ({@code $summary}, a document list) is refused and audited
 * before it is answered: filed under the INS it named, never under the real patient of the requester's TRC; a
 * requester whose TRC names someone else is told 4206 without learning whether the INS exists.
 */
class UnknownPatientAuditTest {

    /** An INS no patient of the (stub) health space has. */
    private static final Ins UNKNOWN = new Ins(Ins.TEST_NIR, "199999999999999");
    /** A real patient: the TRC of the mismatched request names them. */
    private static final Ins REAL = ExchangeRulesTest.PATIENT;

    @DatabaseTest
    void aSummaryOfAnUnknownInsIsRefusedAndAuditedUnderThatIns(TestDatabase db) {
        Fixture fixture = new Fixture(db.dataSource());
        CrossBorderCall call = new CrossBorderCall(ExchangeRulesTest.treating(cx(UNKNOWN)), "fhir:BE", "corr-unknown");

        RetrievalOutcome outcome = fixture.retrieval.retrieveLatest(call, UNKNOWN, DocumentKind.PATIENT_SUMMARY,
                Rendering.FHIR_IPS, Optional.empty());

        assertThat(outcome).isInstanceOfSatisfying(RetrievalOutcome.Refused.class,
                refused -> assertThat(refused.refusal().error()).isEqualTo(ExchangeError.ERROR_PI_NO_MATCH));
        assertThat(rows(db.dataSource())).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("TRANSACTION_KIND", "DOCUMENT_RETRIEVE").containsEntry("OUTCOME", "REFUSED")
                    .containsEntry("DECIDING_RULE", PatientIdentification.NO_MATCH_RULE)
                    .containsEntry("ERROR_CODE", ExchangeError.ERROR_PI_NO_MATCH.code())
                    .containsEntry("PATIENT_OID", UNKNOWN.oid()).containsEntry("PATIENT_VALUE", UNKNOWN.value())
                    .containsEntry("CORRELATION_ID", "corr-unknown").containsEntry("REQUESTING_COUNTRY", "BE");
        });
        assertThat(new AuditChainVerifier(db.dataSource()).verify()).isInstanceOf(ChainVerification.Intact.class);
        AuditSearch search = new AuditSearch(db.dataSource());
        assertThat(search.find(AuditSearchCriteria.forPatient(UNKNOWN, 10))).singleElement()
                .extracting(AuditRecord::decidingRule).isEqualTo(PatientIdentification.NO_MATCH_RULE);
        assertThat(search.find(AuditSearchCriteria.forPatient(REAL, 10))).isEmpty();
    }

    @DatabaseTest
    void aTrcForAnotherRealPatientIs4206AndNeverReachesThatPatientsHistory(TestDatabase db) {
        Fixture fixture = new Fixture(db.dataSource());
        CrossBorderCall call = new CrossBorderCall(ExchangeRulesTest.treating(cx(REAL)), "fhir:BE", "corr-other");

        RetrievalOutcome summary = fixture.retrieval.retrieveLatest(call, UNKNOWN, DocumentKind.PATIENT_SUMMARY,
                Rendering.FHIR_IPS, Optional.empty());
        ListingOutcome listing = fixture.listing.list(call, UNKNOWN, Set.of(DocumentKind.EPRESCRIPTION));

        assertThat(summary).isInstanceOfSatisfying(RetrievalOutcome.Refused.class, refused -> assertThat(
                refused.refusal().error()).isEqualTo(ExchangeError.ERROR_UNKNOWN_PATIENT_IDENTIFIER));
        assertThat(listing).isInstanceOfSatisfying(ListingOutcome.Refused.class, refused -> assertThat(
                refused.refusal().error()).isEqualTo(ExchangeError.ERROR_UNKNOWN_PATIENT_IDENTIFIER));
        assertThat(rows(db.dataSource())).hasSize(2).allSatisfy(row -> assertThat(row)
                .containsEntry("OUTCOME", "REFUSED").containsEntry("DECIDING_RULE", AccessControl.TRC_PATIENT_RULE)
                .containsEntry("ERROR_CODE", "4206").containsEntry("PATIENT_VALUE", UNKNOWN.value()))
                .extracting(row -> row.get("TRANSACTION_KIND")).containsExactly("DOCUMENT_RETRIEVE", "DOCUMENT_LIST");
        assertThat(new AuditChainVerifier(db.dataSource()).verify()).isInstanceOf(ChainVerification.Intact.class);
        assertThat(new AuditSearch(db.dataSource()).find(AuditSearchCriteria.forPatient(REAL, 10))).isEmpty();
    }

    @DatabaseTest
    void aDocumentListForAnUnknownInsIsAuditedToo(TestDatabase db) {
        Fixture fixture = new Fixture(db.dataSource());
        CrossBorderCall call = new CrossBorderCall(ExchangeRulesTest.treating(cx(UNKNOWN)), "NCP-BE", "corr-list");

        ListingOutcome outcome = fixture.listing.list(call, UNKNOWN, Set.of());

        assertThat(outcome).isInstanceOfSatisfying(ListingOutcome.Refused.class,
                refused -> assertThat(refused.refusal().error()).isEqualTo(ExchangeError.ERROR_PI_NO_MATCH));
        assertThat(rows(db.dataSource())).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("TRANSACTION_KIND", "DOCUMENT_LIST")
                .containsEntry("ERROR_CODE", ExchangeError.ERROR_PI_NO_MATCH.code())
                .containsEntry("PATIENT_VALUE", UNKNOWN.value()));
    }

    private static String cx(Ins ins) {
        return ins.value() + "^^^&" + ins.oid() + "&ISO";
    }

    /** The use cases over a health space that knows nobody; nothing past the patient look-up is reached. */
    private static final class Fixture {
        final DocumentListing listing;
        final DocumentRetrieval retrieval;

        Fixture(DataSource dataSource) {
            AuditFixtures.reset(dataSource);
            AuditTrail audit = AuditFixtures.trail(dataSource, Clock.systemUTC(), false);
            NationalHealthSpace healthSpace = (NationalHealthSpace) Proxy.newProxyInstance(
                    UnknownPatientAuditTest.class.getClassLoader(), new Class<?>[] {NationalHealthSpace.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "findPatient" -> Optional.empty();
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
            AccessControl gate = new AccessControl(healthSpace, null, audit);
            listing = new DocumentListing(healthSpace, gate);
            retrieval = new DocumentRetrieval(healthSpace, gate, listing, null);
        }
    }

    private static List<Map<String, Object>> rows(DataSource dataSource) {
        return JdbcClient.create(dataSource).sql("SELECT * FROM audit_record ORDER BY seq").query().listOfRows()
                .stream().map(row -> {
                    Map<String, Object> upper = new java.util.LinkedHashMap<>();
                    row.forEach((key, value) -> upper.put(key.toUpperCase(Locale.ROOT), value));
                    return upper;
                }).toList();
    }
}
