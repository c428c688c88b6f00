package fr.passerelle.gateway.soap;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.consent.ConsentChange;
import fr.passerelle.gateway.consent.ConsentChannel;
import fr.passerelle.gateway.consent.ConsentTerms;
import fr.passerelle.gateway.consent.CountryScope;
import fr.passerelle.gateway.consent.SharedDocuments;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.trust.issue.HcpClaims;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A consent that covers only the Patient Summary, and a query for PS + eP: the Patient Summary is listed, the
 * ePrescriptions are withheld with their own RegistryError 4701 naming the class, status PartialSuccess (ITI-38:
 * results and errors together) — not a 4701 for everything. A query for the uncovered class alone is still a Failure.
 * Same application context as {@link SoapRoadsEndToEndTest}.
 */
class ConsentedKindsEndToEndTest extends SoapRoadsContext {

    /** The no-consent demo patient: consent given for this test only, revoked after it. */
    private static final Ins PATIENT = DemoExchanges.LAMBERTIN;
    private static final String PS = "60591-5";
    private static final String EP = "57833-6";
    private static final Pattern MESSAGE_ID = Pattern.compile("MessageID[^>]*>([^<]+)<");

    @BeforeEach
    void patientSummaryOnly() {
        consents.change(PATIENT, new ConsentChange.Authorise(new ConsentTerms(new CountryScope.AllParticipating(),
                EnumSet.of(SharedDocuments.PATIENT_SUMMARY), Optional.empty()), "consented-kinds-test",
                ConsentChannel.OPERATOR));
    }

    @AfterEach
    void revoke() {
        consents.change(PATIENT, new ConsentChange.Revoke("consented-kinds-test", ConsentChannel.OPERATOR));
    }

    @Test
    void theConsentedKindIsListedAndTheOtherWithheldWithItsOwnError() {
        String envelope = query(PS + "^^2.16.840.1.113883.6.1','" + EP);

        HttpResponse<String> response = SoapHttp.post(port, "/xca",
                SoapHttp.soap12(EhdsiOperation.CROSS_GATEWAY_QUERY.requestAction()), envelope);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        ReceivedXml xml = ReceivedXml.parse(response.body());
        assertThat(xml.text("//query:AdhocQueryResponse/@status"))
                .isEqualTo("urn:ihe:iti:2007:ResponseStatusType:PartialSuccess");
        List<String> classes = xml.nodes("//rim:ExtrinsicObject/rim:Classification[@classificationScheme="
                + "'urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a']").stream()
                .map(c -> c.getAttribute("nodeRepresentation")).toList();
        assertThat(classes).isNotEmpty().containsOnly(PS);
        assertThat(xml.nodes("//rs:RegistryError")).singleElement().satisfies(error -> {
            assertThat(error.getAttribute("errorCode")).isEqualTo("4701");
            assertThat(error.getAttribute("codeContext")).startsWith("ePrescription (57833-6)");
            assertThat(error.getAttribute("severity")).endsWith(":Error");
        });
        // Two records: the ePrescriptions refused under the consent's rule, the Patient Summary granted.
        List<Map<String, Object>> rows = AuditRows.of(dataSource, messageId(envelope));
        assertThat(rows).extracting(r -> r.get("OUTCOME") + " " + r.get("DECIDING_RULE") + " " + r.get("ERROR_CODE"))
                .containsExactlyInAnyOrder("REFUSED DOCUMENTS_NOT_AUTHORISED 4701",
                        "SUCCESS CONSENT_COVERS_REQUEST ");
    }

    @Test
    void theUncoveredKindAloneIsStillAFailure() {
        HttpResponse<String> response = SoapHttp.post(port, "/xca",
                SoapHttp.soap12(EhdsiOperation.CROSS_GATEWAY_QUERY.requestAction()), query(EP));

        ReceivedXml xml = ReceivedXml.parse(response.body());
        assertThat(xml.text("//query:AdhocQueryResponse/@status"))
                .isEqualTo("urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Failure");
        assertThat(xml.text("//rs:RegistryError/@errorCode")).isEqualTo("4701");
        assertThat(xml.count("//rim:ExtrinsicObject")).isZero();
    }

    /** gematik's FindDocuments for the patient, its class code slot holding {@code classCodes} (quoted list). */
    private String query(String classCodes) {
        String body = SoapMessages.queryBody(PATIENT, PS).replace("('" + PS + "^^2.16.840.1.113883.6.1')",
                "('" + classCodes + "^^2.16.840.1.113883.6.1')");
        return SoapMessages.signedRequest(spain, HcpClaims.demoDoctor("ES"), EhdsiOperation.CROSS_GATEWAY_QUERY, body,
                Optional.of(SoapMessages.cx(PATIENT)));
    }

    private static String messageId(String envelope) {
        Matcher id = MESSAGE_ID.matcher(envelope);
        assertThat(id.find()).isTrue();
        return id.group(1).trim();
    }
}
