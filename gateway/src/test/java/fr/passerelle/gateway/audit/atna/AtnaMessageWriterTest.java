package fr.passerelle.gateway.audit.atna;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.access.AccessFixtures;
import fr.passerelle.gateway.access.CrossBorderTransaction;
import fr.passerelle.gateway.audit.AuditOutcome;
import fr.passerelle.gateway.audit.AuditRecord;
import fr.passerelle.gateway.healthspace.DocumentKind;
import fr.passerelle.gateway.testsupport.Fixtures;
import fr.passerelle.trust.assertion.PurposeOfUse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Our RFC 3881 messages have the shape of the real eHDSI examples (src/fixtures/ehdsi-audit). */
class AtnaMessageWriterTest {

    private static final Path EXAMPLES = Fixtures.EHDSI_AUDIT;

    @Test
    void aRetrieveLooksLikeTheEhdsiPatientServiceRetrieveExample() throws Exception {
        Document ours = parse(new AtnaMessageWriter("FR-NCPeH").write(record(CrossBorderTransaction.DOCUMENT_RETRIEVE,
                AuditOutcome.SUCCESS)));
        Document example = parse(Files.readString(EXAMPLES.resolve("patientserviceretrievetauditmessage.xml")));

        // All the example's elements but the query (Passerelle keeps no copy of the request body).
        Set<String> expected = elementNames(example);
        expected.remove("ParticipantObjectQuery");
        assertThat(elementNames(ours)).containsAll(expected);
        assertThat(attribute(ours, "EventID", "csd-code")).isEqualTo(attribute(example, "EventID", "csd-code"))
                .isEqualTo("110106");
        assertThat(attribute(ours, "EventTypeCode", "csd-code")).isEqualTo("ITI-39");
        assertThat(attribute(ours, "EventTypeCode", "displayName"))
                .isEqualTo(attribute(example, "EventTypeCode", "displayName")).isEqualTo("PatientService::Retrieve");
        assertThat(attribute(ours, "EventIdentification", "EventActionCode"))
                .isEqualTo(attribute(example, "EventIdentification", "EventActionCode"));
        Element patient = (Element) ours.getElementsByTagName("ParticipantObjectIdentification").item(0);
        assertThat(patient.getAttribute("ParticipantObjectID")).isEqualTo("280017512345678^^^&1.2.250.1.213.1.4.10&ISO");
        assertThat(patient.getAttribute("ParticipantObjectTypeCodeRole")).isEqualTo("1");
        assertThat(roles(ours)).contains("ServiceConsumer", "ServiceProvider", "2211");
    }

    @Test
    void aListLooksLikeTheEhdsiPatientServiceListExampleAndARefusalCarriesItsError() throws Exception {
        Document ours = parse(new AtnaMessageWriter("FR-NCPeH").write(record(CrossBorderTransaction.DOCUMENT_LIST,
                AuditOutcome.REFUSED)));
        Document example = parse(Files.readString(EXAMPLES.resolve("patientservicelistauditmessage.xml")));

        assertThat(attribute(ours, "EventID", "csd-code")).isEqualTo(attribute(example, "EventID", "csd-code"));
        assertThat(attribute(ours, "EventTypeCode", "displayName"))
                .isEqualTo(attribute(example, "EventTypeCode", "displayName"));
        assertThat(attribute(ours, "EventIdentification", "EventOutcomeIndicator")).isEqualTo("4");
        NodeList details = ours.getElementsByTagName("ParticipantObjectDetail");
        Element error = (Element) details.item(details.getLength() - 1);
        assertThat(error.getAttribute("type")).isEqualTo("errormsg");
        assertThat(new String(java.util.Base64.getDecoder().decode(error.getAttribute("value")),
                StandardCharsets.UTF_8)).isEqualTo("NO_CONSENT");
        assertThat(((Element) error.getParentNode()).getAttribute("ParticipantObjectID")).isEqualTo("4701");
    }

    @Test
    void theOriginalClinicalDocumentsAreTheOrcdServiceAndAMixStaysThePatientService() throws Exception {
        AuditRecord summary = record(CrossBorderTransaction.DOCUMENT_RETRIEVE, AuditOutcome.SUCCESS);
        AuditRecord lab = withKinds(summary, Set.of(DocumentKind.LABORATORY_RESULT));
        AuditRecord reports = withKinds(record(CrossBorderTransaction.DOCUMENT_LIST, AuditOutcome.SUCCESS),
                Set.of(DocumentKind.LABORATORY_RESULT, DocumentKind.MEDICAL_IMAGING_REPORT));
        AuditRecord mixed = withKinds(summary, Set.of(DocumentKind.PATIENT_SUMMARY, DocumentKind.LABORATORY_RESULT));
        AtnaMessageWriter writer = new AtnaMessageWriter("FR-NCPeH");

        assertThat(attribute(parse(writer.write(lab)), "EventTypeCode", "displayName"))
                .isEqualTo("OrCDService::Retrieve");
        assertThat(attribute(parse(writer.write(reports)), "EventTypeCode", "displayName"))
                .isEqualTo("OrCDService::List");
        assertThat(attribute(parse(writer.write(mixed)), "EventTypeCode", "displayName"))
                .isEqualTo("PatientService::Retrieve");
    }

    private static AuditRecord withKinds(AuditRecord r, Set<DocumentKind> kinds) {
        return new AuditRecord(r.seq(), r.recordedAt(), r.transaction(), r.requestingCountry(), r.requestingNcp(),
                r.professionalId(), r.professionalRole(), r.organisation(), r.purpose(), r.patient(), kinds,
                r.documentIds(), r.outcome(), r.decidingRule(), r.errorCode(), r.correlationId(), r.assertionIds(),
                r.previousHash(), r.recordHash());
    }

    @Test
    void theSyslogFrameCountsOctetsNotCharacters() {
        byte[] frame = SyslogFrame.frame("host", 7, Instant.parse("2026-03-12T13:05:00Z"), "<x>é</x>");
        String text = new String(frame, StandardCharsets.UTF_8);
        int space = text.indexOf(' ');
        int declared = Integer.parseInt(text.substring(0, space));

        assertThat(frame.length - space - 1).isEqualTo(declared);
        assertThat(text.substring(space + 1)).isEqualTo("<85>1 2026-03-12T13:05:00.000000Z host passerelle - "
                + "IHE+RFC-3881 [passerelle@32473 seq=\"7\"] <x>é</x>");
    }

    static AuditRecord record(CrossBorderTransaction transaction, AuditOutcome outcome) {
        return new AuditRecord(12, Instant.parse("2026-03-12T13:05:00Z"), transaction, "ES", "ncp-es", "ES-12345",
                "2211", "Hospital X", Optional.of(PurposeOfUse.TREATMENT), Optional.of(AccessFixtures.PATIENT),
                Set.of(DocumentKind.PATIENT_SUMMARY),
                outcome == AuditOutcome.SUCCESS ? List.of("1.2.250.1.999.1") : List.of(), outcome,
                outcome == AuditOutcome.SUCCESS ? "CONSENT_COVERS_REQUEST" : "NO_CONSENT",
                outcome == AuditOutcome.SUCCESS ? "" : "4701", "urn:uuid:1", List.of("hcp-1", "trc-1"), "0", "1");
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static Set<String> elementNames(Document document) {
        Set<String> names = new TreeSet<>();
        NodeList all = document.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            names.add(all.item(i).getNodeName());
        }
        return names;
    }

    private static String attribute(Document document, String element, String attribute) {
        return ((Element) document.getElementsByTagName(element).item(0)).getAttribute(attribute);
    }

    private static List<String> roles(Document document) {
        NodeList roles = document.getElementsByTagName("RoleIDCode");
        List<String> codes = new java.util.ArrayList<>();
        for (int i = 0; i < roles.getLength(); i++) {
            codes.add(((Element) roles.item(i)).getAttribute("csd-code"));
        }
        return codes;
    }
}
