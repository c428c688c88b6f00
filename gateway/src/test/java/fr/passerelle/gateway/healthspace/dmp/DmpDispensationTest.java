package fr.passerelle.gateway.healthspace.dmp;

import fr.passerelle.gateway.ihe.XdsVocabulary;
import fr.passerelle.gateway.healthspace.HealthSpaceCaller;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import fr.passerelle.gateway.healthspace.DispensationReceipt;
import fr.passerelle.gateway.healthspace.DispensationRefusedException;
import fr.passerelle.gateway.healthspace.FrenchDispensation;
import fr.passerelle.gateway.healthspace.PrescriptionLine;
import fr.passerelle.gateway.ihe.XmlTree;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Dispensations abroad written to the DMP (ITI-41) and the dispensed state of ePrescription items, against a
 * WireMock DMP holding the ANS eP-MED-DM and eDISP-MED examples. The ANS samples are made consistent first: the
 * eP's two items carry distinct ids, and the eDISP's first dispensed item refers to this eP.
 */
class DmpDispensationTest {

    private static final String EP_ID = "1.2.250.1.213.1.1.1.39.2024.2.1";
    private static final String EDISP_ID = "1.2.250.1.213.1.1.1.54.2024.1.1";
    private static final String LINE_1 = "AADC9C14-F1CA-4177-B2C8-A5178D5B3CA0";
    private static final String LINE_2 = "BBDC9C14-F1CA-4177-B2C8-A5178D5B3DB1";
    private static final String NEW_DISPENSATION = "1.2.250.1.999.1.3.77";

    @TempDir
    static Path keys;
    private static DmpTestPki pki;

    private WireMockDmp dmp;
    private DmpNationalHealthSpace healthSpace;
    private byte[] ePrescription;
    private byte[] eDispensation;

    @BeforeEach
    void start() {
        if (pki == null) {
            pki = DmpTestPki.create(keys);
        }
        dmp = new WireMockDmp(pki);
        healthSpace = dmp.connect(DmpFixtures.resilience(Duration.ofSeconds(5), 2, 20, 10, Duration.ofSeconds(30)));

        ePrescription = DmpFixtures.replaceFirst(DmpFixtures.cda(DmpFixtures.EP),
                "<id root=\"" + LINE_1 + "\"/>", "<id root=\"" + LINE_2 + "\"/>", 1);
        eDispensation = DmpFixtures.replaceFirst(DmpFixtures.cda(DmpFixtures.EDISP),
                "1.2.250.1.213.1.1.1.39.12345.1", EP_ID, 0);
        Element ePrescriptionEntry = DmpFixtures.entry(DmpFixtures.EP, ePrescription);
        Element eDispensationEntry = DmpFixtures.entry(DmpFixtures.EDISP, eDispensation);
        DmpFixtures.setPatient(eDispensationEntry, DmpFixtures.PATIENT);

        dmp.registry(XdsVocabulary.FIND_DOCUMENTS, DmpFixtures.queryResponse(List.of(eDispensationEntry)));
        dmp.registry("('" + EP_ID + "')", DmpFixtures.queryResponse(List.of(ePrescriptionEntry)));
        dmp.registry("('" + NEW_DISPENSATION + "')", DmpFixtures.queryResponse(List.of()));
        dmp.repository("DocumentUniqueId>" + EP_ID, DmpFixtures.retrieveResponse(EP_ID, ePrescription));
        dmp.repository("DocumentUniqueId>" + EDISP_ID, DmpFixtures.retrieveResponse(EDISP_ID, eDispensation));
    }

    @AfterEach
    void stop() {
        dmp.stop();
    }

    @Test
    void prescriptionLinesSayWhichItemTheDmpsDispensationsConsumed() {
        List<PrescriptionLine> lines = HealthSpaceCaller.callAs(DmpFixtures.requester(
                fr.passerelle.trust.assertion.PurposeOfUse.TREATMENT, "2262"), () -> healthSpace.prescriptionLines(EP_ID));

        assertThat(lines).containsExactly(new PrescriptionLine(EP_ID, LINE_1, EDISP_ID),
                new PrescriptionLine(EP_ID, LINE_2, null));
        assertThat(HealthSpaceCaller.callAs(DmpFixtures.doctor(),
                () -> healthSpace.prescriptionLines(NEW_DISPENSATION))).as("not an ePrescription").isEmpty();
    }

    @Test
    void aDispensationIsProvidedAndRegisteredWithTheMetadataOfTheAnsExample() throws Exception {
        dmp.stubFor(post(urlEqualTo("/repository")).withRequestBody(containing("ProvideAndRegisterDocumentSetRequest"))
                .willReturn(WireMockDmp.soap(DmpFixtures.registryResponse(XdsVocabulary.SUCCESS, null))));
        byte[] document = DmpFixtures.cda(DmpFixtures.EDISP);
        FrenchDispensation dispensation = new FrenchDispensation(NEW_DISPENSATION, EP_ID, LINE_2,
                OffsetDateTime.of(2026, 11, 20, 9, 30, 0, 0, ZoneOffset.UTC), "Apotheke am Ring, Wien", document);

        DispensationReceipt receipt = HealthSpaceCaller.callAs(DmpFixtures.requester(
                fr.passerelle.trust.assertion.PurposeOfUse.TREATMENT, "2262"),
                () -> healthSpace.submitDispensation(DmpFixtures.PATIENT, dispensation));

        assertThat(receipt.duplicate()).isFalse();
        assertThat(receipt.dispensationId()).isEqualTo(NEW_DISPENSATION);
        LoggedRequest request = dmp.findAll(postRequestedFor(urlEqualTo("/repository"))
                .withRequestBody(containing("ProvideAndRegisterDocumentSetRequest"))).get(0);
        String contentType = request.getHeader("Content-Type");
        assertThat(contentType).startsWith("multipart/related").contains("application/xop+xml")
                .contains("ProvideAndRegisterDocumentSet-b");
        Map<String, byte[]> parts = mimeParts(request.getBody(), boundary(contentType));
        Document envelope = DmpFixtures.parse(parts.get("root"));
        Element submitted = (Element) envelope.getElementsByTagNameNS(DmpFixtures.RIM, "ExtrinsicObject").item(0);

        // Field by field against the eDISP-MED example's document entry.
        Element example = (Element) DmpFixtures.parse(DmpFixtures.resource("/dmp/eDISP-MED_2024.01.METADATA.xml"))
                .getElementsByTagNameNS(DmpFixtures.RIM, "ExtrinsicObject").item(0);
        for (String scheme : List.of(XdsVocabulary.DOC_CLASS, XdsVocabulary.DOC_TYPE, XdsVocabulary.DOC_FORMAT,
                XdsVocabulary.DOC_CONFIDENTIALITY)) {
            assertThat(coded(submitted, scheme)).as(scheme).isEqualTo(coded(example, scheme));
        }
        assertThat(submitted.getAttribute("mimeType")).isEqualTo(example.getAttribute("mimeType"));
        assertThat(submitted.getAttribute("objectType")).isEqualTo(example.getAttribute("objectType"));
        assertThat(identifier(submitted, XdsVocabulary.DOC_PATIENT_ID))
                .isEqualTo("279035121518989^^^&1.2.250.1.213.1.4.10&ISO^NH")
                .matches(identifier(example, XdsVocabulary.DOC_PATIENT_ID).replaceAll("^\\d+", "\\\\d+")
                        .replace("1.2.250.1.213.1.4.8", "1.2.250.1.213.1.4.10").replace("^", "\\^"));
        assertThat(identifier(submitted, XdsVocabulary.DOC_UNIQUE_ID)).isEqualTo(NEW_DISPENSATION);
        assertThat(slot(submitted, "hash")).isEqualTo(ProvideAndRegisterMessage.sha1(document));
        assertThat(slot(submitted, "size")).isEqualTo(Integer.toString(document.length));
        assertThat(slot(submitted, "creationTime")).isEqualTo("20261120093000");
        assertThat(slot(submitted, "languageCode")).isEqualTo(slot(example, "languageCode"));
        assertThat(classification(submitted, XdsVocabulary.DOC_AUTHOR)).isNotNull();
        assertThat(coded(submitted, XdsVocabulary.DOC_FACILITY)).isEqualTo("SA29@1.2.250.1.71.4.2.4");
        assertThat(coded(submitted, XdsVocabulary.DOC_PRACTICE)).isEqualTo("AUTRE@1.2.250.1.213.1.1.4.9");

        // The submission set carries what the DMP requires.
        Element set = (Element) envelope.getElementsByTagNameNS(DmpFixtures.RIM, "RegistryPackage").item(0);
        Element exampleSet = (Element) DmpFixtures.parse(DmpFixtures.resource("/dmp/eDISP-MED_2024.01.METADATA.xml"))
                .getElementsByTagNameNS(DmpFixtures.RIM, "RegistryPackage").item(0);
        for (String scheme : List.of(XdsVocabulary.SET_PATIENT_ID, XdsVocabulary.SET_SOURCE_ID,
                XdsVocabulary.SET_UNIQUE_ID)) {
            assertThat(identifier(exampleSet, scheme)).as("the example has " + scheme).isNotBlank();
            assertThat(identifier(set, scheme)).as(scheme).isNotBlank();
        }
        assertThat(identifier(set, XdsVocabulary.SET_SOURCE_ID)).isEqualTo("1.2.250.1.999.1");
        assertThat(identifier(set, XdsVocabulary.SET_UNIQUE_ID)).startsWith("1.2.250.1.999.1.2.");
        assertThat(slot(set, "submissionTime")).matches("\\d{14}");
        assertThat(coded(set, XdsVocabulary.SET_CONTENT_TYPE)).isEqualTo("SA29@1.2.250.1.71.4.2.4");
        Element setAuthor = classification(set, XdsVocabulary.SET_AUTHOR);
        assertThat(slot(setAuthor, "authorInstitution"))
                .isEqualTo("NCPeH France^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^3180036000012");
        assertThat(slot(setAuthor, "authorPerson")).contains("Apotheke am Ring, Wien").endsWith("AT");
        Element association = (Element) envelope.getElementsByTagNameNS(DmpFixtures.RIM, "Association").item(0);
        assertThat(association.getAttribute("associationType")).isEqualTo(XdsVocabulary.HAS_MEMBER);
        assertThat(association.getAttribute("sourceObject")).isEqualTo(set.getAttribute("id"));
        assertThat(association.getAttribute("targetObject")).isEqualTo(submitted.getAttribute("id"));
        boolean classifiedAsSet = false;
        var classifications = envelope.getElementsByTagNameNS(DmpFixtures.RIM, "Classification");
        for (int i = 0; i < classifications.getLength(); i++) {
            Element c = (Element) classifications.item(i);
            classifiedAsSet |= XdsVocabulary.SUBMISSION_SET_NODE.equals(c.getAttribute("classificationNode"))
                    && set.getAttribute("id").equals(c.getAttribute("classifiedObject"));
        }
        assertThat(classifiedAsSet).isTrue();

        // The document travels as an MTOM part, referenced from xdsb:Document.
        Element include = (Element) envelope.getElementsByTagNameNS("http://www.w3.org/2004/08/xop/include", "Include").item(0);
        assertThat(((Element) include.getParentNode()).getAttribute("id")).isEqualTo(submitted.getAttribute("id"));
        String cid = java.net.URLDecoder.decode(include.getAttribute("href").substring(4), StandardCharsets.UTF_8);
        assertThat(parts.get(cid)).isEqualTo(document);

        // And the VIHF is the pharmacist's, signed by the organisation certificate.
        Element vihf = VihfAssertions.vihfOf(new String(parts.get("root"), StandardCharsets.UTF_8));
        assertThat(VihfAssertions.verifiedSigner(vihf)).isEqualTo(pki.organisationCertificate);
        assertThat(VihfAssertions.attributes(vihf).get("urn:oasis:names:tc:xacml:2.0:subject:role"))
                .containsExactly("21@1.2.250.1.71.1.2.7");
    }

    @Test
    void anItemAlreadyDispensedIsRefusedWithoutWriting() {
        FrenchDispensation dispensation = new FrenchDispensation(NEW_DISPENSATION, EP_ID, LINE_1,
                OffsetDateTime.now(ZoneOffset.UTC), "Apotheke", DmpFixtures.cda(DmpFixtures.EDISP));

        assertThatThrownBy(() -> HealthSpaceCaller.callAs(DmpFixtures.doctor(),
                () -> healthSpace.submitDispensation(DmpFixtures.PATIENT, dispensation)))
                .isInstanceOfSatisfying(DispensationRefusedException.class, e -> assertThat(e.reason())
                        .isEqualTo(DispensationRefusedException.Reason.ALREADY_DISPENSED));
        assertThat(dmp.findAll(postRequestedFor(urlEqualTo("/repository"))
                .withRequestBody(containing("ProvideAndRegisterDocumentSetRequest")))).isEmpty();
    }

    @Test
    void anUnknownLineOrPrescriptionIsRefused() {
        FrenchDispensation unknownLine = new FrenchDispensation(NEW_DISPENSATION, EP_ID, "1.2.3^nope",
                OffsetDateTime.now(ZoneOffset.UTC), "Apotheke", new byte[] {1});
        assertThatThrownBy(() -> HealthSpaceCaller.callAs(DmpFixtures.doctor(),
                () -> healthSpace.submitDispensation(DmpFixtures.PATIENT, unknownLine)))
                .isInstanceOfSatisfying(DispensationRefusedException.class, e -> assertThat(e.reason())
                        .isEqualTo(DispensationRefusedException.Reason.UNKNOWN_LINE));
        FrenchDispensation unknownPrescription = new FrenchDispensation(NEW_DISPENSATION, NEW_DISPENSATION, LINE_2,
                OffsetDateTime.now(ZoneOffset.UTC), "Apotheke", new byte[] {1});
        assertThatThrownBy(() -> HealthSpaceCaller.callAs(DmpFixtures.doctor(),
                () -> healthSpace.submitDispensation(DmpFixtures.PATIENT, unknownPrescription)))
                .isInstanceOfSatisfying(DispensationRefusedException.class, e -> assertThat(e.reason())
                        .isEqualTo(DispensationRefusedException.Reason.UNKNOWN_PRESCRIPTION));
    }

    @Test
    void aResubmissionIsADuplicateReceiptWhetherFoundFirstOrRefusedByTheRegistry() {
        dmp.stubFor(post(urlEqualTo("/repository")).withRequestBody(containing("ProvideAndRegisterDocumentSetRequest"))
                .willReturn(WireMockDmp.soap(DmpFixtures.registryResponse(
                        "urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Failure",
                        "XDSDuplicateUniqueIdInRegistry"))));
        FrenchDispensation dispensation = new FrenchDispensation(NEW_DISPENSATION, EP_ID, LINE_2,
                OffsetDateTime.now(ZoneOffset.UTC), "Apotheke", DmpFixtures.cda(DmpFixtures.EDISP));
        assertThat(HealthSpaceCaller.callAs(DmpFixtures.doctor(),
                () -> healthSpace.submitDispensation(DmpFixtures.PATIENT, dispensation)).duplicate()).isTrue();

        // Already registered: found by GetDocuments, nothing written.
        dmp.resetRequests();
        Element recorded = DmpFixtures.entry(DmpFixtures.EDISP, eDispensation);
        DmpFixtures.setPatient(recorded, DmpFixtures.PATIENT);
        DmpFixtures.setUniqueId(recorded, NEW_DISPENSATION);
        dmp.registry("('" + NEW_DISPENSATION + "')", DmpFixtures.queryResponse(List.of(recorded)));
        DispensationReceipt receipt = HealthSpaceCaller.callAs(DmpFixtures.doctor(),
                () -> healthSpace.submitDispensation(DmpFixtures.PATIENT, dispensation));
        assertThat(receipt.duplicate()).isTrue();
        assertThat(receipt.recordedAt()).isEqualTo(OffsetDateTime.of(2024, 12, 25, 8, 30, 0, 0, ZoneOffset.UTC));
        assertThat(dmp.findAll(postRequestedFor(urlEqualTo("/repository")))).isEmpty();
    }

    private static String coded(Element holder, String scheme) {
        Element classification = classification(holder, scheme);
        return classification.getAttribute("nodeRepresentation") + "@" + slot(classification, "codingScheme");
    }

    private static Element classification(Element holder, String scheme) {
        return XmlTree.children(holder, DmpFixtures.RIM, "Classification").stream()
                .filter(c -> scheme.equals(c.getAttribute("classificationScheme"))).findFirst().orElseThrow(
                        () -> new AssertionError("no classification " + scheme));
    }

    private static String identifier(Element holder, String scheme) {
        return XmlTree.children(holder, DmpFixtures.RIM, "ExternalIdentifier").stream()
                .filter(c -> scheme.equals(c.getAttribute("identificationScheme"))).findFirst()
                .map(e -> e.getAttribute("value")).orElse("");
    }

    private static String slot(Element holder, String name) {
        return XmlTree.children(holder, DmpFixtures.RIM, "Slot").stream()
                .filter(s -> name.equals(s.getAttribute("name")))
                .flatMap(s -> XmlTree.descendants(s, DmpFixtures.RIM, "Value").stream())
                .map(v -> v.getTextContent().trim()).findFirst().orElse(null);
    }

    private static String boundary(String contentType) {
        var matcher = java.util.regex.Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(contentType);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    /** MIME parts by Content-ID; the first (the SOAP envelope) also as "root". */
    private static Map<String, byte[]> mimeParts(byte[] body, String boundary) {
        Map<String, byte[]> parts = new HashMap<>();
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary;
        int at = text.indexOf(delimiter);
        boolean first = true;
        while (at >= 0) {
            int start = at + delimiter.length();
            if (text.startsWith("--", start)) {
                break;
            }
            int next = text.indexOf(delimiter, start);
            String part = text.substring(start, next);
            int headerEnd = part.indexOf("\r\n\r\n");
            String headers = part.substring(0, headerEnd);
            String content = part.substring(headerEnd + 4, part.length() - 2);
            byte[] bytes = content.getBytes(StandardCharsets.ISO_8859_1);
            var id = java.util.regex.Pattern.compile("(?i)Content-ID:\\s*<([^>]+)>").matcher(headers);
            if (id.find()) {
                parts.put(id.group(1), bytes);
            }
            if (first) {
                parts.put("root", bytes);
                first = false;
            }
            at = next;
        }
        return parts;
    }
}
