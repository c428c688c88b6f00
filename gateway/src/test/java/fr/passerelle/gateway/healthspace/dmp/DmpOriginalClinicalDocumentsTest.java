package fr.passerelle.gateway.healthspace.dmp;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.healthspace.Code;
import fr.passerelle.gateway.healthspace.DocumentEntry;
import fr.passerelle.gateway.healthspace.DocumentKind;
import fr.passerelle.gateway.healthspace.HealthSpaceCaller;
import fr.passerelle.gateway.healthspace.StoredDocument;
import fr.passerelle.gateway.ihe.XdsVocabulary;
import fr.passerelle.gateway.testsupport.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * The DMP connector finds and fetches the French reports exchanged as original clinical documents (CR-BIO, LDL-SES,
 * CR-IMG): FindDocuments asks for their XDS type codes, a listed entry is recognised by its format code (else its
 * type code) and listed under the eHDSI class, and ITI-43 fetches it. The registry answers are the ANS IPS-FR example
 * entry recoded as each report (no ANS XDM example of the reports is in the fixtures).
 */
class DmpOriginalClinicalDocumentsTest {

    private static final Path REPORTS = Fixtures.ROOT.resolve("fr-cda-orcd");
    private static final String LAB_ID = "1.2.250.1.213.1.1.1.55.2024.1.7";
    private static final String LETTER_ID = "1.2.250.1.213.1.1.1.29.2022.1.7";

    @TempDir
    static Path keys;
    private static DmpTestPki pki;

    private WireMockDmp dmp;
    private DmpNationalHealthSpace healthSpace;

    @BeforeEach
    void start() {
        if (pki == null) {
            pki = DmpTestPki.create(keys);
        }
        dmp = new WireMockDmp(pki);
        healthSpace = dmp.connect(DmpFixtures.resilience(Duration.ofSeconds(3), 2, 20, 10, Duration.ofSeconds(30)));
    }

    @AfterEach
    void stop() {
        dmp.stop();
    }

    @Test
    void findDocumentsAsksForTheLaboratoryReportTypeAndListsItUnderItsEhdsiClass() throws Exception {
        byte[] lab = Files.readAllBytes(REPORTS.resolve("BIO-CR-BIO_2024.01_TSH_1.xml"));
        dmp.registry(XdsVocabulary.FIND_DOCUMENTS, DmpFixtures.queryResponse(List.of(
                report(lab, LAB_ID, "11502-2", "urn:ihe:lab:xd-lab:2008"))));

        List<DocumentEntry> entries = HealthSpaceCaller.callAs(DmpFixtures.doctor(),
                () -> healthSpace.documents(DmpFixtures.PATIENT, DocumentKind.LABORATORY_RESULT));

        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.uniqueId()).isEqualTo(LAB_ID);
            assertThat(entry.kind()).isEqualTo(DocumentKind.LABORATORY_RESULT);
            assertThat(entry.classCode().code()).isEqualTo("11502-2");
            assertThat(entry.classCode().codeSystem()).isEqualTo(Code.LOINC);
            assertThat(entry.formatCode().code()).isEqualTo("urn:ihe:lab:xd-lab:2008");
        });
        assertThat(registryBody()).contains(XdsVocabulary.FIND_DOCUMENTS)
                .contains("('11502-2^^2.16.840.1.113883.6.1')");
    }

    @Test
    void aDischargeLetterFiledUnderItsFrenchTypeIsListedUnderTheEhdsiDischargeClassAndFetched() throws Exception {
        byte[] letter = Files.readAllBytes(REPORTS.resolve("LDL-SES_2022.01.xml"));
        // Recognised by its type code alone: a format code the connector does not know.
        Element entry = report(letter, LETTER_ID, "11490-0", "urn:example:unknown-format");
        slot(entry, "serviceStartTime", "20191029101700");
        slot(entry, "serviceStopTime", "20191203123000");
        dmp.registry(XdsVocabulary.FIND_DOCUMENTS, DmpFixtures.queryResponse(List.of(entry)));
        dmp.registry(XdsVocabulary.GET_DOCUMENTS, DmpFixtures.queryResponse(List.of(entry)));
        dmp.repository("RetrieveDocumentSetRequest", DmpFixtures.retrieveResponse(LETTER_ID, letter));

        List<DocumentEntry> listed = HealthSpaceCaller.callAs(DmpFixtures.doctor(),
                () -> healthSpace.documents(DmpFixtures.PATIENT, DocumentKind.HOSPITAL_DISCHARGE_REPORT));
        Optional<StoredDocument> fetched = HealthSpaceCaller.callAs(DmpFixtures.doctor(),
                () -> healthSpace.retrieve(LETTER_ID));

        assertThat(listed).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(DocumentKind.HOSPITAL_DISCHARGE_REPORT);
            assertThat(e.classCode().code()).as("the eHDSI class, not the DMP type").isEqualTo("34105-7");
            assertThat(e.typeCode().code()).isEqualTo("11490-0");
            assertThat(e.service().start()).contains(java.time.OffsetDateTime.parse("2019-10-29T10:17:00Z"));
            assertThat(e.service().stop()).contains(java.time.OffsetDateTime.parse("2019-12-03T12:30:00Z"));
        });
        assertThat(fetched).hasValueSatisfying(document -> {
            assertThat(document.content()).isEqualTo(letter);
            assertThat(document.entry().kind()).isEqualTo(DocumentKind.HOSPITAL_DISCHARGE_REPORT);
        });
    }

    @Test
    void aReportOfAnotherTypeIsNotTakenForAnOriginalClinicalDocument() throws Exception {
        byte[] lab = Files.readAllBytes(REPORTS.resolve("BIO-CR-BIO_2024.01_TSH_1.xml"));
        // A CR de consultation (11488-4) in a format the connector does not know: not exchanged abroad.
        dmp.registry(XdsVocabulary.FIND_DOCUMENTS, DmpFixtures.queryResponse(List.of(
                report(lab, LAB_ID, "11488-4", "urn:example:unknown-format"))));

        List<DocumentEntry> entries = HealthSpaceCaller.callAs(DmpFixtures.doctor(),
                () -> healthSpace.documents(DmpFixtures.PATIENT, DocumentKind.LABORATORY_RESULT));

        assertThat(entries).isEmpty();
    }

    /** The ANS IPS-FR entry recoded as a report: its id, type and format codes, hash and size of {@code stored}. */
    private static Element report(byte[] stored, String uniqueId, String typeCode, String formatCode) {
        Element entry = DmpFixtures.entry(DmpFixtures.IPS, stored);
        DmpFixtures.setUniqueId(entry, uniqueId);
        var classifications = entry.getElementsByTagNameNS(DmpFixtures.RIM, "Classification");
        for (int i = 0; i < classifications.getLength(); i++) {
            Element classification = (Element) classifications.item(i);
            String scheme = classification.getAttribute("classificationScheme");
            if (XdsVocabulary.DOC_TYPE.equals(scheme)) {
                classification.setAttribute("nodeRepresentation", typeCode);
            } else if (XdsVocabulary.DOC_FORMAT.equals(scheme)) {
                classification.setAttribute("nodeRepresentation", formatCode);
            }
        }
        return entry;
    }

    /** Sets an ebRIM slot as a registry writes it (the example's own, if any, replaced). */
    private static void slot(Element entry, String name, String value) {
        var document = entry.getOwnerDocument();
        var slots = entry.getElementsByTagNameNS(DmpFixtures.RIM, "Slot");
        for (int i = slots.getLength() - 1; i >= 0; i--) {
            Element existing = (Element) slots.item(i);
            if (existing.getParentNode() == entry && name.equals(existing.getAttribute("name"))) {
                entry.removeChild(existing);
            }
        }
        Element slot = document.createElementNS(DmpFixtures.RIM, "ns2:Slot");
        slot.setAttributeNS(null, "name", name);
        Element list = document.createElementNS(DmpFixtures.RIM, "ns2:ValueList");
        Element text = document.createElementNS(DmpFixtures.RIM, "ns2:Value");
        text.setTextContent(value);
        list.appendChild(text);
        slot.appendChild(list);
        entry.insertBefore(slot, entry.getElementsByTagNameNS(DmpFixtures.RIM, "Classification").item(0));
    }

    private String registryBody() {
        return dmp.requests("/registry").get(0).getBodyAsString();
    }
}
