package fr.passerelle.gateway.healthspace.dmp;

import fr.passerelle.gateway.ihe.XdsVocabulary;
import fr.passerelle.gateway.ehdsi.ExchangeError;
import fr.passerelle.gateway.healthspace.HealthSpaceCaller;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import fr.passerelle.gateway.healthspace.Code;
import fr.passerelle.gateway.healthspace.Confidentiality;
import fr.passerelle.gateway.healthspace.DocumentEntry;
import fr.passerelle.gateway.healthspace.DocumentKind;
import fr.passerelle.gateway.healthspace.FrenchPatient;
import fr.passerelle.gateway.healthspace.StoredDocument;
import fr.passerelle.trust.xml.XmlLimits;
import fr.passerelle.gateway.ihe.XmlTree;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** Query, retrieve and patient check against a WireMock DMP answering with the ANS examples. */
class DmpQueryRetrieveTest {


    @TempDir
    static Path keys;
    private static DmpTestPki pki;

    private WireMockDmp dmp;
    private DmpNationalHealthSpace healthSpace;
    private SimpleMeterRegistry meters;

    @BeforeEach
    void start() {
        if (pki == null) {
            pki = DmpTestPki.create(keys);
        }
        dmp = new WireMockDmp(pki);
        meters = new SimpleMeterRegistry();
        healthSpace = dmp.connect(DmpFixtures.resilience(Duration.ofSeconds(3), 2, 20, 10, Duration.ofSeconds(30)),
                meters);
    }

    @AfterEach
    void stop() {
        dmp.stop();
    }

    @Test
    void findDocumentsListsThePatientSummariesOfTheAnsExamplesFieldByField() throws Exception {
        byte[] ips = DmpFixtures.cda(DmpFixtures.IPS);
        byte[] vsm = DmpFixtures.cda(DmpFixtures.VSM);
        Element vsmEntry = DmpFixtures.entry(DmpFixtures.VSM, vsm);
        DmpFixtures.addConfidentiality(vsmEntry, "MASQUE_PS", Confidentiality.FRENCH_CODE_SYSTEM);
        DmpFixtures.addConfidentiality(vsmEntry, "INVISIBLE_REPRESENTANTS_LEGAUX", Confidentiality.FRENCH_CODE_SYSTEM);
        vsmEntry.removeAttribute("mimeType");
        dmp.registry(XdsVocabulary.FIND_DOCUMENTS,
                DmpFixtures.queryResponse(List.of(vsmEntry, DmpFixtures.entry(DmpFixtures.IPS, ips))));

        List<DocumentEntry> entries = HealthSpaceCaller.callAs(DmpFixtures.doctor(),
                () -> healthSpace.documents(DmpFixtures.PATIENT, DocumentKind.PATIENT_SUMMARY));

        assertThat(entries).extracting(DocumentEntry::uniqueId)
                .as("newest first").containsExactly(DmpFixtures.IPS_ID, "1.2.250.1.213.1.1.1.13.2022.1.1");
        DocumentEntry ipsEntry = entries.get(0);
        assertThat(ipsEntry.patient()).isEqualTo(DmpFixtures.PATIENT);
        assertThat(ipsEntry.kind()).isEqualTo(DocumentKind.PATIENT_SUMMARY);
        assertThat(ipsEntry.classCode()).isEqualTo(new Code("60591-5", Code.LOINC, "Synthèse médicale"));
        assertThat(ipsEntry.typeCode()).isEqualTo(new Code("60591-5", Code.LOINC, "Synthèse médicale"));
        assertThat(ipsEntry.formatCode()).isEqualTo(new Code("urn:ihe:pcc:ips:2020", "1.3.6.1.4.1.19376.1.2.3",
                "Synthèse médicale"));
        assertThat(ipsEntry.confidentiality()).containsExactly(new Code("N", Confidentiality.HL7_CODE_SYSTEM,
                "Normal"));
        assertThat(ipsEntry.masked()).isFalse();
        assertThat(ipsEntry.creationTime()).isEqualTo(OffsetDateTime.of(2024, 4, 2, 10, 17, 0, 0, ZoneOffset.UTC));
        assertThat(ipsEntry.author()).isEqualTo("Stéphane MEDIONI");
        assertThat(ipsEntry.title()).isEqualTo("SYNTHESE MEDICALE");
        assertThat(ipsEntry.mimeType()).isEqualTo("text/xml");
        assertThat(ipsEntry.sha1()).isEqualTo(ProvideAndRegisterMessage.sha1(ips));
        assertThat(ipsEntry.size()).isEqualTo(ips.length);
        assertThat(ipsEntry.languageCode()).isEqualTo("fr-FR");

        DocumentEntry vsmEntryRead = entries.get(1);
        assertThat(vsmEntryRead.typeCode()).isEqualTo(new Code("SYNTH", "1.2.250.1.213.1.1.4.12", "Synthèse"));
        assertThat(vsmEntryRead.formatCode().code()).isEqualTo("urn:asip:ci-sis:vsm:2012");
        assertThat(vsmEntryRead.classCode().code()).as("listed under the eHDSI class").isEqualTo("60591-5");
        // XDS requires mimeType; absent, ebRIM's schema default is what the protocol model reads.
        assertThat(vsmEntryRead.mimeType()).isEqualTo("application/octet-stream");
        assertThat(vsmEntryRead.masked()).isTrue();
        assertThat(vsmEntryRead.invisibleToLegalRepresentatives()).isTrue();
        assertThat(vsmEntryRead.invisibleToPatient()).isFalse();

        LoggedRequest request = single("/registry");
        String body = request.getBodyAsString();
        assertThat(request.getHeader("Content-Type")).contains("application/soap+xml")
                .contains("urn:ihe:iti:2007:RegistryStoredQuery");
        assertThat(body).contains(XdsVocabulary.FIND_DOCUMENTS)
                .contains("'279035121518989^^^&amp;1.2.250.1.213.1.4.10&amp;ISO'")
                .contains("('60591-5^^2.16.840.1.113883.6.1','SYNTH^^1.2.250.1.213.1.1.4.12')")
                .contains("('urn:oasis:names:tc:ebxml-regrep:StatusType:Approved')")
                .contains("returnType=\"LeafClass\"");
        Element vihf = VihfAssertions.vihfOf(body);
        assertThat(VihfAssertions.verifiedSigner(vihf)).isEqualTo(pki.organisationCertificate);
        Map<String, List<String>> attributes = VihfAssertions.attributes(vihf);
        assertThat(attributes.get("urn:oasis:names:tc:xacml:2.0:resource:resource-id"))
                .containsExactly("279035121518989^^^&1.2.250.1.213.1.4.10&ISO^NH");
        assertThat(attributes.get("Ressource_URN")).containsExactly("urn:dmp");
        assertThat(meters.get(DmpResilience.TIMER).tag("operation", "find_documents").tag("outcome", "success")
                .timer().count()).isEqualTo(1);
    }

    @Test
    void concurrentCallsShareTheClientSafely() throws Exception {
        byte[] ips = DmpFixtures.cda(DmpFixtures.IPS);
        dmp.registry(XdsVocabulary.FIND_DOCUMENTS,
                DmpFixtures.queryResponse(List.of(DmpFixtures.entry(DmpFixtures.IPS, ips))));
        stubPatient(DmpFixtures.patientCheckResponse("OK", "active"));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Object>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                boolean documents = i % 2 == 0;
                results.add(pool.submit(() -> HealthSpaceCaller.callAs(DmpFixtures.doctor(), () -> documents
                        ? healthSpace.documents(DmpFixtures.PATIENT, DocumentKind.PATIENT_SUMMARY)
                        : healthSpace.findPatient(DmpFixtures.PATIENT))));
            }
            for (int i = 0; i < results.size(); i++) {
                Object result = results.get(i).get(60, java.util.concurrent.TimeUnit.SECONDS);
                if (i % 2 == 0) {
                    assertThat((List<?>) result).hasSize(1);
                } else {
                    assertThat((Optional<?>) result).isPresent();
                }
            }
        } finally {
            pool.shutdownNow();
        }
        for (LoggedRequest request : dmp.findAll(postRequestedFor(urlEqualTo("/patient")))) {
            assertThat(request.getHeader("Content-Type")).contains("PRPA_IN201307UV02");
        }
        for (LoggedRequest request : dmp.findAll(postRequestedFor(urlEqualTo("/registry")))) {
            assertThat(request.getHeader("Content-Type")).contains("RegistryStoredQuery");
        }
    }

    @Test
    void retrieveFetchesTheMtomDocumentAfterLookingUpItsEntry() {
        byte[] ips = DmpFixtures.cda(DmpFixtures.IPS);
        dmp.registry(XdsVocabulary.GET_DOCUMENTS,
                DmpFixtures.queryResponse(List.of(DmpFixtures.entry(DmpFixtures.IPS, ips))));
        dmp.repository("RetrieveDocumentSetRequest", DmpFixtures.retrieveResponse(DmpFixtures.IPS_ID, ips));

        Optional<StoredDocument> document = HealthSpaceCaller.callAs(DmpFixtures.doctor(),
                () -> healthSpace.retrieve(DmpFixtures.IPS_ID));

        assertThat(document).isPresent();
        assertThat(document.get().content()).isEqualTo(ips);
        assertThat(document.get().entry().uniqueId()).isEqualTo(DmpFixtures.IPS_ID);
        String retrieve = single("/repository").getBodyAsString();
        assertThat(retrieve).contains("RepositoryUniqueId>" + DmpFixtures.REPOSITORY_ID)
                .contains("DocumentUniqueId>" + DmpFixtures.IPS_ID);
        assertThat(single("/registry").getBodyAsString()).contains(XdsVocabulary.GET_DOCUMENTS)
                .contains("('" + DmpFixtures.IPS_ID + "')");
    }

    @Test
    void aDocumentWhoseBytesDoNotMatchItsRegisteredHashIsRefused() {
        byte[] ips = DmpFixtures.cda(DmpFixtures.IPS);
        dmp.registry(XdsVocabulary.GET_DOCUMENTS,
                DmpFixtures.queryResponse(List.of(DmpFixtures.entry(DmpFixtures.IPS, ips))));
        byte[] altered = ips.clone();
        altered[altered.length / 2] ^= 1;
        dmp.stubFor(post(urlEqualTo("/repository")).willReturn(aResponse()
                .withHeader("Content-Type", DmpFixtures.MTOM_CONTENT_TYPE)
                .withBody(DmpFixtures.retrieveResponse(DmpFixtures.IPS_ID, altered))));

        assertThatThrownBy(() -> HealthSpaceCaller.callAs(DmpFixtures.doctor(),
                () -> healthSpace.retrieve(DmpFixtures.IPS_ID)))
                .isInstanceOfSatisfying(DmpFailure.class, f -> assertThat(f.kind())
                        .isEqualTo(DmpFailure.Kind.INTEGRITY));
    }

    @Test
    void anInlineBase64DocumentIsReadAndItsBytesStillMeetTheHashCheck() {
        byte[] ips = DmpFixtures.cda(DmpFixtures.IPS);
        dmp.registry(XdsVocabulary.GET_DOCUMENTS,
                DmpFixtures.queryResponse(List.of(DmpFixtures.entry(DmpFixtures.IPS, ips))));
        String mtom = new String(DmpFixtures.retrieveResponse(DmpFixtures.IPS_ID, ips), StandardCharsets.ISO_8859_1);
        String include = mtom.substring(mtom.indexOf("<xop:Include"), mtom.indexOf("</xdsb:Document>"));
        String inline = java.util.Base64.getMimeEncoder().encodeToString(ips);
        // JAXB decodes base64 leniently: a broken trailing unit (which the MIME decoder refused) is dropped, and
        // what counts is that the bytes are the registered document.
        for (String text : List.of(inline, inline + "A=A")) {
            stubRepository(mtom.replace(include, text));
            assertThat(HealthSpaceCaller.callAs(DmpFixtures.doctor(), () -> healthSpace.retrieve(DmpFixtures.IPS_ID))
                    .orElseThrow().content()).isEqualTo(ips);
        }
        char middle = inline.charAt(inline.length() / 2);
        stubRepository(mtom.replace(include, inline.substring(0, inline.length() / 2) + (middle == 'A' ? 'B' : 'A')
                + inline.substring(inline.length() / 2 + 1)));
        assertThatThrownBy(() -> HealthSpaceCaller.callAs(DmpFixtures.doctor(),
                () -> healthSpace.retrieve(DmpFixtures.IPS_ID)))
                .isInstanceOfSatisfying(DmpFailure.class, f -> assertThat(f.kind())
                        .isEqualTo(DmpFailure.Kind.INTEGRITY));
    }

    private void stubRepository(String answer) {
        dmp.stubFor(post(urlEqualTo("/repository")).willReturn(aResponse()
                .withHeader("Content-Type", DmpFixtures.MTOM_CONTENT_TYPE)
                .withBody(answer.getBytes(StandardCharsets.ISO_8859_1))));
    }

    @Test
    void anotherPatientsDocumentIsNotRetrieved() {
        byte[] edisp = DmpFixtures.cda(DmpFixtures.EDISP);
        dmp.registry(XdsVocabulary.GET_DOCUMENTS,
                DmpFixtures.queryResponse(List.of(DmpFixtures.entry(DmpFixtures.EDISP, edisp))));

        Optional<StoredDocument> document = HealthSpaceCaller.callAs(DmpFixtures.doctor(),
                () -> healthSpace.retrieve("1.2.250.1.213.1.1.1.54.2024.1.1"));

        assertThat(document).isEmpty();
        assertThat(dmp.findAll(postRequestedFor(urlEqualTo("/repository")))).isEmpty();
    }

    @Test
    void patientCheckReadsTheIdentityOfAnOpenDmpAndNothingForAClosedOrMissingOne() {
        stubPatient(DmpFixtures.patientCheckResponse("OK", "active"));
        Optional<FrenchPatient> patient = HealthSpaceCaller.callAs(DmpFixtures.doctor(),
                () -> healthSpace.findPatient(DmpFixtures.PATIENT));
        assertThat(patient).hasValueSatisfying(p -> {
            assertThat(p.ins()).isEqualTo(DmpFixtures.PATIENT);
            assertThat(p.familyName()).isEqualTo("PAT-TROIS");
            assertThat(p.givenNames()).containsExactly("DOMINIQUE", "MARIE-LOUISE");
            assertThat(p.birthDate()).isEqualTo(LocalDate.of(1979, 3, 28));
            assertThat(p.gender().code()).isEqualTo("F");
        });
        String request = single("/patient").getBodyAsString();
        Element asked = (Element) DmpFixtures.parse(request.getBytes(StandardCharsets.UTF_8))
                .getElementsByTagNameNS(PatientCheckMessages.HL7, "patientIdentifier").item(0);
        Element value = XmlTree.child(asked, PatientCheckMessages.HL7, "value").orElseThrow();
        assertThat(asked.getParentNode().getParentNode().getParentNode().getParentNode().getLocalName())
                .isEqualTo("PRPA_IN201307UV02");
        assertThat(value.getAttribute("root")).isEqualTo(DmpFixtures.PATIENT.oid());
        assertThat(value.getAttribute("extension")).isEqualTo(DmpFixtures.PATIENT.value());

        stubPatient(DmpFixtures.patientCheckResponse("OK", "completed"));
        assertThat(HealthSpaceCaller.callAs(DmpFixtures.doctor(), () -> healthSpace.findPatient(DmpFixtures.PATIENT)))
                .as("closed DMP").isEmpty();
        stubPatient(DmpFixtures.patientCheckResponse("NF", null));
        assertThat(HealthSpaceCaller.callAs(DmpFixtures.doctor(), () -> healthSpace.findPatient(DmpFixtures.PATIENT)))
                .as("no DMP").isEmpty();
    }

    @Test
    void anAnswerAboutAnotherPatientOrWithoutItsMtomPartIsMalformed() {
        stubPatient(DmpFixtures.patientCheckResponse("OK", "active")
                .replace("extension=\"" + DmpFixtures.PATIENT.value() + "\"", "extension=\"180017512345678\""));
        assertThatThrownBy(() -> HealthSpaceCaller.callAs(DmpFixtures.doctor(),
                () -> healthSpace.findPatient(DmpFixtures.PATIENT)))
                .isInstanceOfSatisfying(DmpFailure.class, f -> assertThat(f.kind())
                        .isEqualTo(DmpFailure.Kind.MALFORMED_RESPONSE));

        byte[] ips = DmpFixtures.cda(DmpFixtures.IPS);
        dmp.registry(XdsVocabulary.GET_DOCUMENTS,
                DmpFixtures.queryResponse(List.of(DmpFixtures.entry(DmpFixtures.IPS, ips))));
        String withoutPart = new String(DmpFixtures.retrieveResponse(DmpFixtures.IPS_ID, ips),
                StandardCharsets.ISO_8859_1).replace("cid:document1%40dmp", "cid:elsewhere%40dmp");
        dmp.stubFor(post(urlEqualTo("/repository")).willReturn(aResponse()
                .withHeader("Content-Type", DmpFixtures.MTOM_CONTENT_TYPE)
                .withBody(withoutPart.getBytes(StandardCharsets.ISO_8859_1))));
        assertThatThrownBy(() -> HealthSpaceCaller.callAs(DmpFixtures.doctor(),
                () -> healthSpace.retrieve(DmpFixtures.IPS_ID)))
                .isInstanceOfSatisfying(DmpFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(DmpFailure.Kind.MALFORMED_RESPONSE);
                    // Refused for the missing part itself, not later (no bytes, no hash check).
                    assertThat(f.getMessage()).contains("MTOM part");
                });
    }

    @Test
    void anAnswerBeyondTheXmlLimitsIsMalformed() {
        // 65 attributes on one element: more than XmlLimits.ENVELOPE allows, which CXF's own defaults (500) let through
        StringBuilder flood = new StringBuilder("<rim:Slot xmlns:rim=\"urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0\"");
        for (int i = 0; i <= XmlLimits.ENVELOPE.maxAttributesPerElement(); i++) {
            flood.append(" a").append(i).append("=\"x\"");
        }
        dmp.registry(XdsVocabulary.FIND_DOCUMENTS, DmpFixtures.queryResponse(List.of())
                .replace("</query:AdhocQueryResponse>", flood + "/></query:AdhocQueryResponse>"));

        assertThatThrownBy(() -> HealthSpaceCaller.callAs(DmpFixtures.doctor(),
                () -> healthSpace.documents(DmpFixtures.PATIENT, DocumentKind.PATIENT_SUMMARY)))
                .isInstanceOfSatisfying(DmpFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(DmpFailure.Kind.MALFORMED_RESPONSE);
                    assertThat(f.getMessage()).contains("beyond the XML limits").contains("more than 64 attributes");
                });
    }

    @Test
    void aVihfRefusedByTheDmpBecomesInsufficientRights() {
        // OASIS WSS 1.1 §12: the token is refused with a wsse fault (here as the SOAP 1.2 subcode).
        dmp.stubFor(post(urlEqualTo("/registry")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", WireMockDmp.SOAP12).withBody("<env:Envelope xmlns:env=\"http://www.w3.org/2003/05/"
                        + "soap-envelope\" xmlns:wsse=\"" + DmpErrorCodes.WSSE + "\"><env:Body><env:Fault><env:Code>"
                        + "<env:Value>env:Sender</env:Value><env:Subcode><env:Value>wsse:FailedAuthentication"
                        + "</env:Value></env:Subcode></env:Code><env:Reason><env:Text xml:lang=\"fr\">VIHF refuse"
                        + "</env:Text></env:Reason></env:Fault></env:Body></env:Envelope>")));

        assertThatThrownBy(() -> HealthSpaceCaller.callAs(DmpFixtures.doctor(),
                () -> healthSpace.documents(DmpFixtures.PATIENT, DocumentKind.EPRESCRIPTION)))
                .isInstanceOfSatisfying(DmpFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(DmpFailure.Kind.ACCESS_REFUSED);
                    assertThat(f.ehdsiCode()).isEqualTo(ExchangeError.ERROR_INSUFFICIENT_RIGHTS);
                });
        assertThat(dmp.findAll(postRequestedFor(urlEqualTo("/registry")))).as("a refusal is not retried").hasSize(1);
    }

    @Test
    void anUnknownPatientHasNoDocuments() {
        dmp.registry(XdsVocabulary.FIND_DOCUMENTS, DmpFixtures.queryFailure("XDSUnknownPatientId"));

        assertThat(HealthSpaceCaller.callAs(DmpFixtures.doctor(),
                () -> healthSpace.documents(DmpFixtures.PATIENT, DocumentKind.PATIENT_SUMMARY))).isEmpty();
    }

    @Test
    void withoutABoundRequesterNothingIsSent() {
        assertThatThrownBy(() -> healthSpace.documents(DmpFixtures.PATIENT, DocumentKind.PATIENT_SUMMARY))
                .isInstanceOfSatisfying(DmpFailure.class, f -> assertThat(f.kind())
                        .isEqualTo(DmpFailure.Kind.NO_REQUESTER));
        assertThat(dmp.getAllServeEvents()).isEmpty();
    }

    private void stubPatient(String answer) {
        dmp.resetRequests();
        dmp.stubFor(post(urlEqualTo("/patient")).willReturn(WireMockDmp.soap(answer)));
    }

    private LoggedRequest single(String path) {
        List<LoggedRequest> requests = dmp.requests(path);
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }
}
