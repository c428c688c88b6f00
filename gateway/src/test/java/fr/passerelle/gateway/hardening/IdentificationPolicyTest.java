package fr.passerelle.gateway.hardening;

import static fr.passerelle.gateway.testsupport.SafeAnswers.assertOperationOutcome;
import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.soap.AuditRows;
import fr.passerelle.gateway.soap.DemoExchanges;
import fr.passerelle.gateway.soap.EhdsiOperation;
import fr.passerelle.gateway.soap.ReceivedXml;
import fr.passerelle.gateway.soap.SoapMessages;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

/**
 * Item 7 of the hardening (issue 20), the identification policy of docs/security.md: a patient is identified by an
 * INS, or by family name, a given name and the birth date together — a family name alone identifies nobody and
 * discloses no INS nor birth date; and a patient who does not share with the requester is answered exactly as an
 * unknown one (the refusal's real rule stays in the audit trail, under the patient).
 */
class IdentificationPolicyTest extends GatewayUnderAttack {

    private static final Pattern MESSAGE_ID = Pattern.compile("MessageID[^>]*>([^<]+)<");
    /** Never consents in the shared gateway (ForeignPractitionerDemoTest's no-consent patient too). */
    private static final Ins LAMBERTIN = DemoExchanges.LAMBERTIN;
    private static final Ins NOBODY = new Ins(Ins.TEST_NIR, "199999999999999");

    private static String byTraits(String traits) {
        return SoapMessages.xcpdBody(BERTHELOT).replaceFirst("(?s)(<ns6:parameterList>).*(</ns6:parameterList>)",
                "$1" + traits + "$2");
    }

    private String lastBody;

    private ReceivedXml xcpd(String body, String[] messageId) {
        String envelope = signedSoap(EhdsiOperation.PATIENT_DISCOVERY, body, Optional.empty());
        Matcher id = MESSAGE_ID.matcher(envelope);
        assertThat(id.find()).isTrue();
        messageId[0] = id.group(1);
        HttpResponse<String> response = postSoap("/xcpd", EhdsiOperation.PATIENT_DISCOVERY, envelope);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        lastBody = response.body();
        return ReceivedXml.parse(response.body());
    }

    @Test
    void anXcpdQueryByFamilyNameAloneIdentifiesNobodyAndIsAuditedAsTooWeak() {
        String[] messageId = new String[1];
        ReceivedXml answer = xcpd(byTraits("<ns6:livingSubjectName><ns6:value><ns6:family>MARTIN</ns6:family>"
                + "</ns6:value><ns6:semanticsText/></ns6:livingSubjectName>"), messageId);

        assertThat(answer.text("//hl7:queryResponseCode/@code")).isEqualTo("NF");
        assertThat(answer.count("//hl7:subject1")).isZero();
        assertThat(lastBody).doesNotContain("238016311300935").doesNotContain("295067511432151")
                .doesNotContain("birthTime");
        assertThat(AuditRows.of(dataSource, messageId[0])).singleElement().satisfies(row -> {
            assertThat(row.get("DECIDING_RULE")).isEqualTo("IDENTIFICATION_TOO_WEAK");
            assertThat(row.get("PATIENT_VALUE")).isEqualTo("");
        });
    }

    @Test
    void strongTraitsIdentifyAConsentingPatient() {
        berthelotConsents();
        String[] messageId = new String[1];
        ReceivedXml answer = xcpd(byTraits("<ns6:livingSubjectBirthTime><ns6:value value=\"19840512\"/>"
                + "<ns6:semanticsText/></ns6:livingSubjectBirthTime><ns6:livingSubjectName><ns6:value>"
                + "<ns6:family>Berthelot</ns6:family><ns6:given>Élodie</ns6:given></ns6:value><ns6:semanticsText/>"
                + "</ns6:livingSubjectName>"), messageId);

        assertThat(answer.text("//hl7:subject1/hl7:patient/hl7:id/@extension")).isEqualTo(BERTHELOT.value());
    }

    @Test
    void aPatientWhoDoesNotShareIsAnsweredOnXcpdExactlyAsAnUnknownOne() {
        String[] refusedId = new String[1];
        String[] unknownId = new String[1];
        ReceivedXml notShared = xcpd(SoapMessages.xcpdBody(LAMBERTIN), refusedId);
        ReceivedXml unknown = xcpd(SoapMessages.xcpdBody(NOBODY), unknownId);

        for (String path : List.of("//hl7:acknowledgement/hl7:typeCode/@code", "//hl7:queryResponseCode/@code",
                "//hl7:acknowledgementDetail/hl7:code/@code", "//hl7:acknowledgementDetail/hl7:text",
                "count(//hl7:subject1)")) {
            assertThat(notShared.text(path)).as(path).isEqualTo(unknown.text(path));
        }
        assertThat(notShared.text("//hl7:queryResponseCode/@code")).isEqualTo("NF");
        assertThat(AuditRows.of(dataSource, refusedId[0])).singleElement().satisfies(row -> {
            assertThat(row.get("OUTCOME")).isEqualTo("REFUSED");
            assertThat(String.valueOf(row.get("DECIDING_RULE"))).isIn("NO_CONSENT", "CONSENT_REVOKED");
            assertThat(row.get("ERROR_CODE")).isEqualTo("4701");
            assertThat(row.get("PATIENT_VALUE")).isEqualTo(LAMBERTIN.value());
        });
    }

    @Test
    void onFhirTooWeakIs400AndNotSharedIsTheEmptySearchOfAnUnknownIns() {
        Map<String, String> headers = new HashMap<>(fhirHeaders(null));
        headers.put("Content-Type", "application/fhir+json");
        HttpResponse<String> weak = http().send("POST", "/fhir/Patient/$match", headers,
                "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"resource\",\"resource\":"
                        + "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"MARTIN\"}]}}]}");
        assertThat(assertOperationOutcome(weak, 400).getIssueFirstRep().getDiagnostics())
                .contains("family name, a given name and the birth date");

        Bundle notShared = search(LAMBERTIN);
        Bundle unknown = search(NOBODY);
        assertThat(notShared.getEntry()).isEmpty();
        assertThat(notShared.getTotal()).isEqualTo(unknown.getTotal());
    }

    private Bundle search(Ins ins) {
        HttpResponse<String> response = http().get("/fhir/Patient?identifier=urn:oid:" + ins.oid() + "%7C"
                + ins.value(), fhirHeaders(null));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return (Bundle) FhirContext.forR4Cached().newJsonParser().parseResource(response.body());
    }
}
