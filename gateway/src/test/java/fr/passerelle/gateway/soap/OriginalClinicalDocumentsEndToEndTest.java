package fr.passerelle.gateway.soap;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.consent.ConsentChange;
import fr.passerelle.gateway.consent.ConsentChannel;
import fr.passerelle.gateway.consent.ConsentTerms;
import fr.passerelle.gateway.consent.CountryScope;
import fr.passerelle.gateway.consent.SharedDocuments;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.trust.assertion.PurposeOfUse;
import fr.passerelle.trust.issue.HcpClaims;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * Issue 22 through SOAP: the demo patients' French reports listed by XCA FindDocuments under the eHDSI OrCD class
 * codes (11502-2, 34105-7, 18748-4) and retrieved as the eHDSI original clinical document (the original as PDF under
 * the eHDSI header), with consent, masking and audit as for a Patient Summary. Same application context as
 * {@link SoapRoadsEndToEndTest}.
 */
class OriginalClinicalDocumentsEndToEndTest extends SoapRoadsContext {

    private static final Ins BERTHELOT = DemoExchanges.BERTHELOT;
    /** The no-consent demo patient (as in {@link ConsentedKindsEndToEndTest}): consented per test, revoked after. */
    private static final Ins LAMBERTIN = DemoExchanges.LAMBERTIN;
    private static final String LAB = "11502-2";
    private static final String DISCHARGE = "34105-7";
    private static final String IMAGING = "18748-4";
    private static final String CLASS_SCHEME = "urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a";
    private static final String FORMAT_SCHEME = "urn:uuid:a09d5840-386c-46f2-b5ad-9c3699a4309d";
    private static final String TYPE_SCHEME = "urn:uuid:f0306f51-975f-434e-a61c-c59651d33983";
    private static final String CONFIDENTIALITY_SCHEME = "urn:uuid:f4f85eac-e6cb-4883-b524-f2705394840f";
    private static final String AUTHOR_SCHEME = "urn:uuid:93606bcf-9494-43ec-9b4e-a7748d1a838d";
    private static final String UNIQUE_ID_SCHEME = "urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab";
    private static final Pattern MESSAGE_ID = Pattern.compile("MessageID[^>]*>([^<]+)<");

    @Test
    void theReportsAreListedWithTheirMetadataAndRetrievedAsTheOrcdOnceRendered() {
        DemoExchanges.consent(consents, BERTHELOT, new CountryScope.AllParticipating());
        String envelope = query(BERTHELOT, LAB + "^^2.16.840.1.113883.6.1','" + IMAGING, HcpClaims.demoDoctor("ES"));

        ReceivedXml listing = ReceivedXml.parse(post(EhdsiOperation.CROSS_GATEWAY_QUERY, envelope).body());

        assertThat(listing.text("//query:AdhocQueryResponse/@status"))
                .isEqualTo("urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success");
        List<Element> entries = listing.nodes("//rim:ExtrinsicObject");
        assertThat(entries).hasSize(2);
        for (int i = 1; i <= entries.size(); i++) {
            String entry = "(//rim:ExtrinsicObject)[" + i + "]";
            String classCode = code(listing, entry, CLASS_SCHEME);
            assertThat(classCode).isIn(LAB, IMAGING);
            assertThat(code(listing, entry, TYPE_SCHEME)).isEqualTo(classCode);
            assertThat(code(listing, entry, FORMAT_SCHEME)).isEqualTo("urn:ihe:iti:xds-sd:pdf:2008");
            assertThat(code(listing, entry, CONFIDENTIALITY_SCHEME)).isEqualTo("N");
            assertThat(listing.text(entry + "/rim:Classification[@classificationScheme='" + AUTHOR_SCHEME
                    + "']/rim:Slot[@name='authorPerson']/rim:ValueList/rim:Value")).isNotBlank();
            assertThat(listing.text(entry + "/rim:Slot[@name='creationTime']/rim:ValueList/rim:Value"))
                    .matches("\\d{14}");
            assertThat(listing.text(entry + "/@mimeType")).isEqualTo("text/xml");
        }
        // No level-1 rendering beside an OrCD: it is itself the original under a header.
        assertThat(listing.count("//rim:Association")).isZero();
        String lab = listing.text("//rim:ExtrinsicObject[rim:Classification[@classificationScheme='" + CLASS_SCHEME
                + "']/@nodeRepresentation='" + LAB + "']/rim:ExternalIdentifier[@identificationScheme='"
                + UNIQUE_ID_SCHEME + "']/@value");
        String size = listing.text("//rim:ExtrinsicObject[rim:ExternalIdentifier/@value='" + lab
                + "']/rim:Slot[@name='size']/rim:ValueList/rim:Value");

        // The examination's time, from the report's serviceEvent (09:22 to 16:05 in France, UTC here).
        String labEntry = "//rim:ExtrinsicObject[rim:ExternalIdentifier/@value='" + lab + "']";
        assertThat(listing.text(labEntry + "/rim:Slot[@name='serviceStartTime']/rim:ValueList/rim:Value"))
                .isEqualTo("20210104082200");
        assertThat(listing.text(labEntry + "/rim:Slot[@name='serviceStopTime']/rim:ValueList/rim:Value"))
                .isEqualTo("20210104150500");

        byte[] first = retrieve(BERTHELOT, lab);
        byte[] again = retrieve(BERTHELOT, lab);

        String orcd = new String(first, StandardCharsets.UTF_8);
        assertThat(orcd).contains("1.3.6.1.4.1.12559.11.10.1.3.1.1.8").contains("nonXMLBody")
                .contains("mediaType=\"application/pdf\"").contains("code=\"" + LAB + "\"");
        assertThat(Long.toString(first.length)).isEqualTo(size);
        assertThat(again).as("served from the translation kept for this document version").isEqualTo(first);
        List<Map<String, Object>> rows = AuditRows.of(dataSource, messageId(envelope));
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("OUTCOME")).isEqualTo("SUCCESS");
            assertThat(String.valueOf(row.get("DOCUMENT_KINDS"))).contains("LABORATORY_RESULT")
                    .contains("MEDICAL_IMAGING_REPORT");
        });
    }

    @Test
    void aMaskedDischargeLetterIsListedOnlyInAnEmergencyThePatientAllowsMaskedDocumentsIn() {
        authorise(LAMBERTIN, EnumSet.allOf(SharedDocuments.class));
        try {
            ReceivedXml treatment = ReceivedXml.parse(post(EhdsiOperation.CROSS_GATEWAY_QUERY,
                    query(LAMBERTIN, DISCHARGE, HcpClaims.demoDoctor("ES"))).body());
            ReceivedXml emergency = ReceivedXml.parse(post(EhdsiOperation.CROSS_GATEWAY_QUERY,
                    query(LAMBERTIN, DISCHARGE, HcpClaims.demoDoctor("ES").withPurpose(PurposeOfUse.EMERGENCY)))
                    .body());

            assertThat(treatment.text("//query:AdhocQueryResponse/@status"))
                    .isEqualTo("urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success");
            assertThat(treatment.count("//rim:ExtrinsicObject")).as("masked: not even listed").isZero();
            assertThat(emergency.count("//rim:ExtrinsicObject")).isEqualTo(1);
            assertThat(code(emergency, "//rim:ExtrinsicObject", CLASS_SCHEME)).isEqualTo(DISCHARGE);
        } finally {
            revoke(LAMBERTIN);
        }
    }

    @Test
    void aConsentThatDoesNotShareTheReportsRefusesThemWith4701() {
        authorise(LAMBERTIN, EnumSet.of(SharedDocuments.PATIENT_SUMMARY, SharedDocuments.EPRESCRIPTIONS));
        try {
            String envelope = query(LAMBERTIN, DISCHARGE, HcpClaims.demoDoctor("ES"));

            ReceivedXml xml = ReceivedXml.parse(post(EhdsiOperation.CROSS_GATEWAY_QUERY, envelope).body());

            assertThat(xml.text("//query:AdhocQueryResponse/@status"))
                    .isEqualTo("urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Failure");
            assertThat(xml.text("//rs:RegistryError/@errorCode")).isEqualTo("4701");
            assertThat(xml.count("//rim:ExtrinsicObject")).isZero();
            assertThat(AuditRows.of(dataSource, messageId(envelope))).singleElement()
                    .satisfies(row -> assertThat(row.get("DECIDING_RULE")).isEqualTo("DOCUMENTS_NOT_AUTHORISED"));
        } finally {
            revoke(LAMBERTIN);
        }
    }

    @Test
    void aClassFranceDoesNotServeIsRefusedNamingTheClassesItServes() {
        // 55113-5: eHDSI "Medical Images" OrCD, which Passerelle does not produce.
        HttpResponse<String> response = post(EhdsiOperation.CROSS_GATEWAY_QUERY,
                query(BERTHELOT, "55113-5", HcpClaims.demoDoctor("ES")));

        ReceivedXml xml = ReceivedXml.parse(response.body());
        assertThat(xml.text("//rs:RegistryError/@errorCode")).isEqualTo("ERROR_GENERIC_SERVICE_SIGNIFIER_UNKNOWN");
        assertThat(xml.text("//rs:RegistryError/@codeContext")).contains(LAB).contains(DISCHARGE).contains(IMAGING);
    }

    @Test
    void unservedClassCodesBesideServedOnesAreAWarningNamingThemAndTheServedAreListed() {
        DemoExchanges.consent(consents, BERTHELOT, new CountryScope.AllParticipating());
        // 55113-5 (eHDSI Medical Images) and a code of no class, beside the laboratory report.
        ReceivedXml xml = ReceivedXml.parse(post(EhdsiOperation.CROSS_GATEWAY_QUERY, query(BERTHELOT,
                LAB + "^^2.16.840.1.113883.6.1','55113-5^^2.16.840.1.113883.6.1','99999-9",
                HcpClaims.demoDoctor("ES"))).body());

        assertThat(xml.text("//query:AdhocQueryResponse/@status"))
                .isEqualTo("urn:ihe:iti:2007:ResponseStatusType:PartialSuccess");
        assertThat(xml.count("//rim:ExtrinsicObject")).isEqualTo(1);
        assertThat(code(xml, "//rim:ExtrinsicObject", CLASS_SCHEME)).isEqualTo(LAB);
        assertThat(xml.count("//rs:RegistryError")).isEqualTo(1);
        assertThat(xml.text("//rs:RegistryErrorList/@highestSeverity"))
                .isEqualTo("urn:oasis:names:tc:ebxml-regrep:ErrorSeverityType:Warning");
        assertThat(xml.text("//rs:RegistryError/@severity"))
                .isEqualTo("urn:oasis:names:tc:ebxml-regrep:ErrorSeverityType:Warning");
        assertThat(xml.text("//rs:RegistryError/@errorCode")).isEqualTo("ERROR_GENERIC_SERVICE_SIGNIFIER_UNKNOWN");
        assertThat(xml.text("//rs:RegistryError/@codeContext")).contains("55113-5", "99999-9")
                .contains("served: 60591-5");
    }

    @Test
    void aClassWithheldByConsentIsAnErrorAndAnUnservedOneAWarningInTheSameAnswer() {
        authorise(LAMBERTIN, EnumSet.of(SharedDocuments.PATIENT_SUMMARY, SharedDocuments.EPRESCRIPTIONS));
        try {
            ReceivedXml xml = ReceivedXml.parse(post(EhdsiOperation.CROSS_GATEWAY_QUERY, query(LAMBERTIN,
                    "60591-5^^2.16.840.1.113883.6.1','" + DISCHARGE + "^^2.16.840.1.113883.6.1','55113-5",
                    HcpClaims.demoDoctor("ES"))).body());

            assertThat(xml.text("//query:AdhocQueryResponse/@status"))
                    .isEqualTo("urn:ihe:iti:2007:ResponseStatusType:PartialSuccess");
            assertThat(xml.count("//rim:ExtrinsicObject")).isPositive();
            assertThat(xml.text("//rs:RegistryErrorList/@highestSeverity"))
                    .isEqualTo("urn:oasis:names:tc:ebxml-regrep:ErrorSeverityType:Error");
            assertThat(xml.text("//rs:RegistryError[@errorCode='4701']/@severity"))
                    .isEqualTo("urn:oasis:names:tc:ebxml-regrep:ErrorSeverityType:Error");
            assertThat(xml.text("//rs:RegistryError[@errorCode='ERROR_GENERIC_SERVICE_SIGNIFIER_UNKNOWN']/@severity"))
                    .isEqualTo("urn:oasis:names:tc:ebxml-regrep:ErrorSeverityType:Warning");
            assertThat(xml.text("//rs:RegistryError[@errorCode='ERROR_GENERIC_SERVICE_SIGNIFIER_UNKNOWN']"
                    + "/@codeContext")).contains("55113-5");
        } finally {
            revoke(LAMBERTIN);
        }
    }

    private void authorise(Ins patient, EnumSet<SharedDocuments> documents) {
        consents.change(patient, new ConsentChange.Authorise(new ConsentTerms(new CountryScope.AllParticipating(),
                documents, Optional.empty()), "orcd-test", ConsentChannel.OPERATOR));
    }

    private void revoke(Ins patient) {
        consents.change(patient, new ConsentChange.Revoke("orcd-test", ConsentChannel.OPERATOR));
    }

    private static String code(ReceivedXml xml, String entry, String scheme) {
        return xml.text(entry + "/rim:Classification[@classificationScheme='" + scheme + "']/@nodeRepresentation");
    }

    private HttpResponse<String> post(EhdsiOperation operation, String envelope) {
        HttpResponse<String> response = SoapHttp.post(port, "/xca", SoapHttp.soap12(operation.requestAction()),
                envelope);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    private byte[] retrieve(Ins patient, String uniqueId) {
        // ITI-39 is sent as an MTOM/XOP package, as IHE requires and the gateway enforces.
        HttpResponse<byte[]> retrieved = SoapHttp.sendForBytes(port, "/xca", EhdsiOperation.CROSS_GATEWAY_RETRIEVE,
                SoapMessages.signedRequest(spain, HcpClaims.demoDoctor("ES"), EhdsiOperation.CROSS_GATEWAY_RETRIEVE,
                        SoapMessages.retrieveBody(HOME, uniqueId), Optional.of(SoapMessages.cx(patient))));
        assertThat(retrieved.statusCode()).isEqualTo(200);
        List<Multipart.Part> parts = Multipart.parse(retrieved);
        ReceivedXml response = ReceivedXml.parse(parts.get(0).text());
        assertThat(response.text("//rs:RegistryResponse/@status"))
                .isEqualTo("urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success");
        String cid = URLDecoder.decode(response.text("//xds:Document/xop:Include/@href").substring(4),
                StandardCharsets.UTF_8);
        return parts.stream().filter(p -> ("<" + cid + ">").equals(p.headers().get("content-id")))
                .findFirst().orElseThrow().content();
    }

    /** A FindDocuments for the patient, its class code slot holding {@code classCodes} (quoted list). */
    private String query(Ins patient, String classCodes, HcpClaims doctor) {
        String ps = "60591-5";
        String body = SoapMessages.queryBody(patient, ps).replace("('" + ps + "^^2.16.840.1.113883.6.1')",
                "('" + classCodes + "^^2.16.840.1.113883.6.1')");
        return SoapMessages.signedRequest(spain, doctor, EhdsiOperation.CROSS_GATEWAY_QUERY, body,
                Optional.of(SoapMessages.cx(patient)));
    }

    private static String messageId(String envelope) {
        Matcher id = MESSAGE_ID.matcher(envelope);
        assertThat(id.find()).isTrue();
        return id.group(1).trim();
    }
}
