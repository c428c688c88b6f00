package fr.passerelle.gateway.xcpd;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.soap.BusinessRefusal;
import fr.passerelle.gateway.soap.EhdsiDispatchClient;
import fr.passerelle.gateway.ehdsi.ExchangeError;
import fr.passerelle.gateway.soap.EhdsiOperation;
import fr.passerelle.gateway.soap.Namespaces;
import fr.passerelle.gateway.soap.ReceivedXml;
import fr.passerelle.gateway.soap.RecordingRoads;
import fr.passerelle.gateway.soap.SoapEndpointTest;
import fr.passerelle.gateway.soap.SoapHttp;
import fr.passerelle.gateway.soap.SoapMessages;
import fr.passerelle.gateway.soap.StructureComparison;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Element;

/**
 * ITI-55 through real HTTP with a CXF Dispatch client: gematik's and IPF's requests are replayed, the road
 * receives the typed query and the security header, and each kind of answer is compared in structure with the
 * gematik response sample of the same case.
 */
@SoapEndpointTest
class PatientDiscoveryEndpointTest {

    private static final String GEMATIK_REQUEST = "gematik/PRPA_IN201305UV02_298.xml";
    private static final String HL7 = Namespaces.HL7V3;

    @LocalServerPort
    int port;

    private EhdsiDispatchClient client;

    @BeforeEach
    void client() {
        client = new EhdsiDispatchClient(port);
    }

    private static IdentifiedPatient demoPatient() {
        return new IdentifiedPatient(new PatientIdentifier(InsAuthority.DEMO_NIR.oid(), "248098765432109"),
                new Demographics(List.of("MARTIN"), List.of("Jeanne", "Marie"), Optional.of(LocalDate.of(1948, 9, 12)),
                        Optional.of(AdministrativeGender.FEMALE)));
    }

    @Test
    void gematikQueryReachesTheRoadTypedWithItsSecurityHeader() {
        RecordingRoads.DISCOVERY.answer(query -> new PatientDiscoveryOutcome.NoMatch());

        client.call("/xcpd", EhdsiOperation.PATIENT_DISCOVERY, SoapMessages.sampleBody(GEMATIK_REQUEST),
                "urn:uuid:0b1c5a7e-0000-4000-8000-000000000001");

        PatientDiscoveryQuery query = RecordingRoads.DISCOVERY.lastRequest();
        assertThat(query.identifiers()).extracting(PatientIdentifier::root)
                .containsExactly("1.2.276.0.76.3.1.580.147", "1.2.276.0.76.4.298");
        assertThat(query.identifiers()).extracting(PatientIdentifier::extension).containsExactly("X114428538", "A2C4E6");
        assertThat(query.insIdentifiers()).isEmpty();
        assertThat(query.messageId()).isEqualTo(new InstanceIdentifier("38deb4a3-bc7c-480f-b4e3-6396e19f9416",
                Optional.of("452fde50-b69b-4424-b22b-6d651d0e04e3")));
        assertThat(query.queryId().root()).isEqualTo("1.263507841149");
        assertThat(query.senderHomeCommunityId()).contains("101");
        assertThat(query.deferredResponse()).isFalse();
        var security = RecordingRoads.DISCOVERY.lastSecurity();
        assertThat(security.addressing().messageId()).isEqualTo("urn:uuid:0b1c5a7e-0000-4000-8000-000000000001");
        assertThat(security.addressing().action()).isEqualTo(EhdsiOperation.PATIENT_DISCOVERY.requestAction());
        Element wsse = security.wsseSecurity().orElseThrow();
        assertThat(wsse.getLocalName()).isEqualTo("Security");
        assertThat(((Element) wsse.getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:assertion", "Assertion").item(0))
                .getAttribute("ID")).isEqualTo(SoapMessages.TEST_ASSERTION_ID);
    }

    @Test
    void ipfQueryWithDemographicsAndFrenchInsIsReadTyped() {
        RecordingRoads.DISCOVERY.answer(query -> new PatientDiscoveryOutcome.NoMatch());
        String body = SoapMessages.sampleBody("ipf-iti55/iti55-sample-request.xml")
                .replace("root=\"2.16.840.1.113883.4.1\"", "root=\"" + InsAuthority.NIR.oid() + "\"");

        client.call("/xcpd", EhdsiOperation.PATIENT_DISCOVERY, body);

        PatientDiscoveryQuery query = RecordingRoads.DISCOVERY.lastRequest();
        assertThat(query.demographics().familyNames()).containsExactly("Jones");
        assertThat(query.demographics().givenNames()).containsExactly("Jimmy");
        assertThat(query.demographics().birthDate()).contains(LocalDate.of(1963, 8, 5));
        assertThat(query.demographics().gender()).contains(AdministrativeGender.MALE);
        assertThat(query.insIdentifiers()).singleElement().satisfies(ins -> {
            assertThat(ins.insAuthority()).contains(InsAuthority.NIR);
            assertThat(ins.extension()).isEqualTo("58910");
        });
        assertThat(query.senderHomeCommunityId()).contains("1.2.3.928.955");
    }

    @Test
    void oneMatchHasTheStructureOfGematiksMatchResponse() {
        RecordingRoads.DISCOVERY.answer(query -> new PatientDiscoveryOutcome.Identified(demoPatient()));

        EhdsiDispatchClient.Reply reply = client.call("/xcpd", EhdsiOperation.PATIENT_DISCOVERY,
                SoapMessages.sampleBody(GEMATIK_REQUEST), "urn:uuid:0b1c5a7e-0000-4000-8000-000000000002");

        Element ours = reply.body();
        Element gematik = sample("gematik/PRPA_IN201306UV02.xml");
        Set<String> missing = new TreeSet<>(StructureComparison.attributePaths(gematik));
        missing.removeAll(StructureComparison.attributePaths(ours));
        // France returns no address nor name prefix (data minimisation); gematik leaves the ack codes empty.
        missing.removeIf(p -> p.contains("/patientPerson/addr") || p.contains("/name/prefix"));
        assertThat(missing).isEmpty();
        assertThat(StructureComparison.codeSystems(ours)).containsAll(StructureComparison.codeSystems(gematik));
        assertThat(StructureComparison.namespaces(ours)).containsExactly(HL7);

        ReceivedXml xml = ReceivedXml.of(ours);
        assertThat(xml.text("/hl7:PRPA_IN201306UV02/hl7:acknowledgement/hl7:typeCode/@code")).isEqualTo("AA");
        assertThat(xml.text("//hl7:acknowledgement/hl7:targetMessage/hl7:id/@extension"))
                .isEqualTo("452fde50-b69b-4424-b22b-6d651d0e04e3");
        assertThat(xml.text("//hl7:subject1/hl7:patient/hl7:id/@root")).isEqualTo(InsAuthority.DEMO_NIR.oid());
        assertThat(xml.text("//hl7:subject1/hl7:patient/hl7:id/@extension")).isEqualTo("248098765432109");
        assertThat(xml.text("//hl7:patientPerson/hl7:name/hl7:family")).isEqualTo("MARTIN");
        assertThat(xml.text("//hl7:patientPerson/hl7:birthTime/@value")).isEqualTo("19480912");
        assertThat(xml.text("//hl7:patientPerson/hl7:administrativeGenderCode/@code")).isEqualTo("F");
        assertThat(xml.text("//hl7:custodian/hl7:assignedEntity/hl7:id/@root")).isEqualTo("1.2.250.1.213.4.1.99");
        assertThat(xml.text("//hl7:queryAck/hl7:queryResponseCode/@code")).isEqualTo("OK");
        assertThat(xml.text("//hl7:queryAck/hl7:queryId/@root")).isEqualTo("1.263507841149");
        assertThat(xml.count("//hl7:controlActProcess/hl7:queryByParameter/hl7:parameterList/hl7:livingSubjectId"))
                .isEqualTo(2);
        assertThat(reply.header("Action")).isEqualTo(EhdsiOperation.PATIENT_DISCOVERY.responseAction());
        assertThat(reply.header("RelatesTo")).isEqualTo("urn:uuid:0b1c5a7e-0000-4000-8000-000000000002");
        assertThat(reply.header("MessageID")).startsWith("urn:uuid:");
    }

    @Test
    void noMatchHasTheStructureOfGematiksNoMatchResponse() {
        RecordingRoads.DISCOVERY.answer(query -> new PatientDiscoveryOutcome.NoMatch());

        Element ours = client.call("/xcpd", EhdsiOperation.PATIENT_DISCOVERY,
                SoapMessages.sampleBody(GEMATIK_REQUEST)).body();

        assertSameStructure(ours, sample("gematik/PRPA_IN201306UV02_4.xml"));
        ReceivedXml xml = ReceivedXml.of(ours);
        assertThat(xml.text("//hl7:acknowledgement/hl7:typeCode/@code")).isEqualTo("AA");
        assertThat(xml.text("//hl7:acknowledgementDetail/hl7:code/@code")).isEqualTo("ERROR_PI_NO_MATCH");
        assertThat(xml.text("//hl7:detectedIssueManagement/hl7:code/@code")).isEqualTo("AnswerNotAvailable");
        assertThat(xml.text("//hl7:queryAck/hl7:queryResponseCode/@code")).isEqualTo("NF");
        assertThat(xml.count("//hl7:subject")).isZero();
    }

    @Test
    void severalMatchesAreRefusedNeverAnsweredAmbiguously() {
        RecordingRoads.DISCOVERY.answer(query -> new PatientDiscoveryOutcome.Refused(
                BusinessRefusal.of(ExchangeError.ERROR_PI_MULTIPLE_MATCHES)));

        Element ours = client.call("/xcpd", EhdsiOperation.PATIENT_DISCOVERY,
                SoapMessages.sampleBody(GEMATIK_REQUEST)).body();

        ReceivedXml xml = ReceivedXml.of(ours);
        // Processed and refused: accepted (AA), the refusal in queryResponseCode AE and the detail (gematik's shape).
        assertThat(xml.text("//hl7:acknowledgement/hl7:typeCode/@code")).isEqualTo("AA");
        assertThat(xml.text("//hl7:acknowledgementDetail/hl7:code/@code")).isEqualTo("ERROR_PI_MULTIPLE_MATCHES");
        assertThat(xml.text("//hl7:queryAck/hl7:queryResponseCode/@code")).isEqualTo("AE");
        assertThat(xml.count("//hl7:subject")).isZero();
    }

    @Test
    void noConsentHasTheStructureOfGematiksInsufficientRightsResponse() {
        RecordingRoads.DISCOVERY.answer(query -> new PatientDiscoveryOutcome.Refused(
                BusinessRefusal.of(ExchangeError.ERROR_NO_CONSENT)));

        Element ours = client.call("/xcpd", EhdsiOperation.PATIENT_DISCOVERY,
                SoapMessages.sampleBody(GEMATIK_REQUEST)).body();

        assertSameStructure(ours, sample("gematik/PRPA_IN201306UV02_45.xml"));
        ReceivedXml xml = ReceivedXml.of(ours);
        assertThat(xml.text("//hl7:acknowledgement/hl7:typeCode/@code")).isEqualTo("AA");
        assertThat(xml.text("//hl7:queryAck/hl7:queryResponseCode/@code")).isEqualTo("AE");
        assertThat(xml.text("//hl7:acknowledgementDetail/hl7:code/@code")).isEqualTo("4701");
        assertThat(xml.text("//hl7:detectedIssueManagement/hl7:code/@code")).isEqualTo("InsufficientRights");
        assertThat(xml.text("//hl7:detectedIssueManagement/hl7:code/@codeSystem"))
                .isEqualTo("1.3.6.1.4.1.12559.11.10.1.3.2.2.1");
    }

    @Test
    void deferredModeIsAnsweredNs250WithoutTakingTheRoad() {
        RecordingRoads.DISCOVERY.answer(query -> {
            throw new AssertionError("the road must not be taken");
        });

        Element ours = client.call("/xcpd", EhdsiOperation.PATIENT_DISCOVERY,
                SoapMessages.sampleBody("ipf-iti55/iti55-sample-request-deferred.xml")).body();

        ReceivedXml xml = ReceivedXml.of(ours);
        assertThat(xml.text("//hl7:acknowledgement/hl7:typeCode/@code")).isEqualTo("AE");
        assertThat(xml.text("//hl7:acknowledgementDetail/hl7:code/@code")).isEqualTo("NS250");
        assertThat(xml.text("//hl7:queryAck/hl7:queryResponseCode/@code")).isEqualTo("AE");
        assertThat(RecordingRoads.DISCOVERY.lastRequest()).isNull();
    }

    @Test
    void queryWithoutParameterListIsASenderFaultSayingWhy() {
        String body = SoapMessages.sampleBody(GEMATIK_REQUEST)
                .replaceAll("(?s)<ns6:parameterList>.*</ns6:parameterList>", "");
        String action = EhdsiOperation.PATIENT_DISCOVERY.requestAction();

        HttpResponse<String> response = SoapHttp.post(port, "/xcpd", SoapHttp.soap12(action),
                SoapMessages.envelope(action, body));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ReceivedXml.parse(response.body()).text("//soap:Fault/soap:Reason/soap:Text"))
                .isEqualTo("queryByParameter has no parameterList");
    }

    @Test
    void withoutARoadTheServiceSaysItIsTemporarilyUnavailable() {
        PatientDiscoveryOutcome outcome = PatientDiscoveryRoad.unavailable().respond(null, null);

        assertThat(outcome).isInstanceOfSatisfying(PatientDiscoveryOutcome.Refused.class, refused -> {
            assertThat(refused.refusal().code()).isEqualTo(ExchangeError.ERROR_GENERIC);
            assertThat(refused.refusal().context()).contains("temporarily unavailable");
        });
    }

    private static void assertSameStructure(Element ours, Element sample) {
        Set<String> missing = new TreeSet<>(StructureComparison.elementPaths(sample));
        missing.removeAll(StructureComparison.elementPaths(ours));
        assertThat(missing).as("element paths of the gematik sample missing from ours").isEmpty();
        assertThat(StructureComparison.codeSystems(ours)).containsAll(StructureComparison.codeSystems(sample));
    }

    private static Element sample(String path) {
        return ReceivedXml.parse(SoapMessages.sampleBody(path)).document().getDocumentElement();
    }
}
