package fr.passerelle.gateway.xca;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.soap.BusinessRefusal;
import fr.passerelle.gateway.soap.EhdsiDispatchClient;
import fr.passerelle.gateway.ehdsi.ExchangeError;
import fr.passerelle.gateway.soap.EhdsiOperation;
import fr.passerelle.gateway.soap.ReceivedXml;
import fr.passerelle.gateway.soap.RecordingRoads;
import fr.passerelle.gateway.soap.SoapEndpointTest;
import fr.passerelle.gateway.soap.SoapHttp;
import fr.passerelle.gateway.soap.SoapMessages;
import fr.passerelle.gateway.soap.StructureComparison;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Element;

/** ITI-38 through real HTTP: gematik's queries replayed, answers compared in structure with gematik's responses. */
@SoapEndpointTest
class CrossGatewayQueryEndpointTest {

    static final String HOME = "1.2.250.1.213.4.1.99";
    static final XdsPatientId PATIENT = new XdsPatientId("248098765432109", "1.2.250.1.213.1.4.11");

    @LocalServerPort
    int port;

    private EhdsiDispatchClient client;

    @BeforeEach
    void client() {
        client = new EhdsiDispatchClient(port);
    }

    static DocumentEntry patientSummary(String entryUuid, String uniqueId, String mimeType, XdsCode format,
                                        Optional<String> transformOf) {
        return new DocumentEntry(entryUuid, uniqueId, "1.2.250.1.213.4.1.99.1", HOME, PATIENT, "Patient Summary",
                mimeType, DocumentClass.PATIENT_SUMMARY.asCode(), new XdsCode("60591-5", "2.16.840.1.113883.6.1",
                "Patient Summary"), format, new XdsCode("N", "2.16.840.1.113883.5.25", "Normal"),
                new XdsCode("FR", "1.0.3166.1", "FRANCE"),
                new XdsCode("Not Used", "eHDSI Practice Setting Codes-Not Used", "Not Used"),
                Instant.parse("2024-03-01T10:15:30Z"), "fr-FR", 54321, "2fd4e1c67a2d28fced849ee1bb76e7391b93eb12",
                transformOf, PrescriptionItemMetadata.none(), Optional.empty(), Optional.empty());
    }

    static List<DocumentEntry> patientSummaryL3AndL1() {
        DocumentEntry l3 = patientSummary("urn:uuid:7bea8a52-9fdc-4b81-b47f-736e79df164b", "1.2.250.1.999.1^PS.L3",
                "text/xml", new XdsCode("urn:epSOS:ps:ps:2010", "eHDSI formatCodes", "eHDSI coded Patient Summary"),
                Optional.empty());
        DocumentEntry l1 = patientSummary("urn:uuid:5e099a45-ff39-41bb-857a-506c0b9a5ca7", "1.2.250.1.999.1^PS.L1",
                "application/pdf", new XdsCode("urn:ihe:iti:xds-sd:pdf:2008", "IHE PCC", "PDF/A coded document"),
                Optional.of(l3.entryUuid()));
        return List.of(l3, l1);
    }

    @Test
    void gematikPatientSummaryQueryReachesTheRoadTyped() {
        RecordingRoads.QUERY.answer(query -> new DocumentQueryOutcome.Found(List.of(), List.of(), List.of()));

        client.call("/xca", EhdsiOperation.CROSS_GATEWAY_QUERY,
                SoapMessages.sampleBody("gematik/AdhocQueryRequestPSA.xml"));

        DocumentQuery query = RecordingRoads.QUERY.lastRequest();
        assertThat(query.patientId()).isEqualTo(new XdsPatientId("X110571344|ABC123", "1.2.276.0.76.3.1.580.147"));
        assertThat(query.classes()).containsExactly(DocumentClass.PATIENT_SUMMARY);
        assertThat(query.unsupportedClassCodes()).isEmpty();
        assertThat(query.leafClass()).isTrue();
        assertThat(RecordingRoads.QUERY.lastSecurity().wsseSecurity()).isPresent();
    }

    @Test
    void gematikEPrescriptionQueryAsksForTheEPrescriptionClass() {
        RecordingRoads.QUERY.answer(query -> new DocumentQueryOutcome.Found(List.of(), List.of(), List.of()));

        client.call("/xca", EhdsiOperation.CROSS_GATEWAY_QUERY,
                SoapMessages.sampleBody("gematik/AdhocQueryRequestEPED.xml"));

        assertThat(RecordingRoads.QUERY.lastRequest().classes()).containsExactly(DocumentClass.EPRESCRIPTION);
    }

    @Test
    void foundDocumentsHaveTheStructureOfGematiksResponse() {
        RecordingRoads.QUERY.answer(query -> new DocumentQueryOutcome.Found(patientSummaryL3AndL1(), List.of(),
                List.of()));

        EhdsiDispatchClient.Reply reply = client.call("/xca", EhdsiOperation.CROSS_GATEWAY_QUERY,
                SoapMessages.sampleBody("gematik/AdhocQueryRequestPSA.xml"));

        Element ours = reply.body();
        Element gematik = ReceivedXml.parse(SoapMessages.sampleBody("gematik/AdhocQueryResponsePSA.xml")).document()
                .getDocumentElement();
        Set<String> missing = new TreeSet<>(StructureComparison.attributePaths(gematik));
        missing.removeAll(StructureComparison.attributePaths(ours));
        // Description is optional XDS metadata Passerelle does not send.
        missing.removeIf(p -> p.contains("/ExtrinsicObject/Description"));
        assertThat(missing).isEmpty();
        assertThat(StructureComparison.namespaces(ours)).isEqualTo(StructureComparison.namespaces(gematik));

        ReceivedXml xml = ReceivedXml.of(ours);
        assertThat(xml.text("/query:AdhocQueryResponse/@status"))
                .isEqualTo("urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success");
        assertThat(xml.count("//rim:ExtrinsicObject")).isEqualTo(2);
        String l3 = "//rim:ExtrinsicObject[@id='urn:uuid:7bea8a52-9fdc-4b81-b47f-736e79df164b']";
        assertThat(xml.text(l3 + "/@home")).isEqualTo("urn:oid:" + HOME);
        assertThat(xml.text(l3 + "/rim:Slot[@name='hash']/rim:ValueList/rim:Value"))
                .isEqualTo("2fd4e1c67a2d28fced849ee1bb76e7391b93eb12");
        assertThat(xml.text(l3 + "/rim:Slot[@name='size']/rim:ValueList/rim:Value")).isEqualTo("54321");
        assertThat(xml.text(l3 + "/rim:Slot[@name='creationTime']/rim:ValueList/rim:Value")).isEqualTo("20240301101530");
        assertThat(xml.text(l3 + "/rim:Slot[@name='repositoryUniqueId']/rim:ValueList/rim:Value"))
                .isEqualTo("1.2.250.1.213.4.1.99.1");
        assertThat(xml.text(l3 + "/rim:ExternalIdentifier[@identificationScheme="
                + "'urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab']/@value")).isEqualTo("1.2.250.1.999.1^PS.L3");
        assertThat(xml.text(l3 + "/rim:ExternalIdentifier[@identificationScheme="
                + "'urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427']/@value"))
                .isEqualTo("248098765432109^^^&1.2.250.1.213.1.4.11&ISO");
        assertThat(xml.text(l3 + "/rim:Classification[@classificationScheme="
                + "'urn:uuid:a09d5840-386c-46f2-b5ad-9c3699a4309d']/@nodeRepresentation")).isEqualTo("urn:epSOS:ps:ps:2010");
        assertThat(xml.text("//rim:Association/@associationType")).isEqualTo("urn:ihe:iti:2007:AssociationType:XFRM");
        assertThat(xml.text("//rim:Association/@sourceObject")).isEqualTo("urn:uuid:5e099a45-ff39-41bb-857a-506c0b9a5ca7");
        assertThat(reply.header("Action")).isEqualTo(EhdsiOperation.CROSS_GATEWAY_QUERY.responseAction());
    }

    @Test
    void objectRefQueriesGetObjectRefs() {
        RecordingRoads.QUERY.answer(query -> new DocumentQueryOutcome.Found(patientSummaryL3AndL1(), List.of(),
                List.of()));
        String body = SoapMessages.sampleBody("gematik/AdhocQueryRequestPSA.xml")
                .replace("returnType=\"LeafClass\"", "returnType=\"ObjectRef\"");

        ReceivedXml xml = ReceivedXml.of(client.call("/xca", EhdsiOperation.CROSS_GATEWAY_QUERY, body).body());

        assertThat(xml.count("//rim:ObjectRef")).isEqualTo(2);
        assertThat(xml.count("//rim:ExtrinsicObject")).isZero();
    }

    @Test
    void refusalHasTheStructureOfGematiksNoConsentResponse() {
        RecordingRoads.QUERY.answer(query -> new DocumentQueryOutcome.Refused(
                BusinessRefusal.of(ExchangeError.ERROR_NO_CONSENT)));

        Element ours = client.call("/xca", EhdsiOperation.CROSS_GATEWAY_QUERY,
                SoapMessages.sampleBody("gematik/AdhocQueryRequestPSA.xml")).body();

        Element gematik = ReceivedXml.parse(SoapMessages.sampleBody("gematik/AdhocQueryResponse_031.xml")).document()
                .getDocumentElement();
        assertThat(StructureComparison.attributePaths(ours)).isEqualTo(StructureComparison.attributePaths(gematik));
        ReceivedXml xml = ReceivedXml.of(ours);
        assertThat(xml.text("/query:AdhocQueryResponse/@status"))
                .isEqualTo("urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Failure");
        assertThat(xml.text("//rs:RegistryError/@errorCode")).isEqualTo("4701");
        assertThat(xml.text("//rs:RegistryError/@severity"))
                .isEqualTo("urn:oasis:names:tc:ebxml-regrep:ErrorSeverityType:Error");
    }

    @Test
    void unsupportedClassCodeIsRefusedWithoutTakingTheRoad() {
        RecordingRoads.QUERY.answer(query -> {
            throw new AssertionError("the road must not be taken");
        });
        String body = SoapMessages.sampleBody("gematik/AdhocQueryRequestPSA.xml").replace("60591-5", "60593-1");

        ReceivedXml xml = ReceivedXml.of(client.call("/xca", EhdsiOperation.CROSS_GATEWAY_QUERY, body).body());

        assertThat(xml.text("//rs:RegistryError/@errorCode")).isEqualTo("ERROR_GENERIC_SERVICE_SIGNIFIER_UNKNOWN");
        assertThat(RecordingRoads.QUERY.lastRequest()).isNull();
    }

    @Test
    void unreadablePatientIdIsASenderFaultSayingWhy() {
        String action = EhdsiOperation.CROSS_GATEWAY_QUERY.requestAction();
        String body = SoapMessages.sampleBody("gematik/AdhocQueryRequestPSA.xml")
                .replace("^^^&amp;1.2.276.0.76.3.1.580.147&amp;ISO", "");

        HttpResponse<String> response = SoapHttp.post(port, "/xca", SoapHttp.soap12(action),
                SoapMessages.envelope(action, body));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ReceivedXml.parse(response.body()).text("//soap:Fault/soap:Reason/soap:Text"))
                .isEqualTo("The patient id is not in the form extension^^^&root&ISO");
    }

    @Test
    void otherStoredQueriesAreRefusedByName() {
        String action = EhdsiOperation.CROSS_GATEWAY_QUERY.requestAction();
        String body = SoapMessages.sampleBody("gematik/AdhocQueryRequestPSA.xml")
                .replace("urn:uuid:14d4debf-8f97-4251-9a74-a90016b0af0d", "urn:uuid:5c4f972b-d56b-40ac-a5fc-c8ca9b40b9d4");

        HttpResponse<String> response = SoapHttp.post(port, "/xca", SoapHttp.soap12(action),
                SoapMessages.envelope(action, body));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ReceivedXml.parse(response.body()).text("//soap:Fault/soap:Reason/soap:Text"))
                .startsWith("Only the FindDocuments stored query");
    }
}
