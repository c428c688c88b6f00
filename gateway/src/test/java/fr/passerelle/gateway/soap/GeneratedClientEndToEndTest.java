package fr.passerelle.gateway.soap;

import fr.passerelle.gateway.exchange.PrescriptionItemId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.gateway.PasserelleApplication;
import fr.passerelle.gateway.consent.ConsentChange;
import fr.passerelle.gateway.consent.ConsentChannel;
import fr.passerelle.gateway.consent.ConsentStore;
import fr.passerelle.gateway.consent.ConsentTerms;
import fr.passerelle.gateway.consent.SharedDocuments;
import fr.passerelle.gateway.consent.CountryScope;
import fr.passerelle.gateway.exchange.DocumentListing;
import fr.passerelle.gateway.ehdsi.ExchangeError;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.soap.client.EhdsiPortClients;
import fr.passerelle.gateway.soap.client.EhdsiPortClients.Caller;
import fr.passerelle.gateway.ihe.ebxml.query.AdhocQueryRequest;
import fr.passerelle.gateway.ihe.ebxml.query.AdhocQueryResponse;
import fr.passerelle.gateway.ihe.ebxml.query.ResponseOptionType;
import fr.passerelle.gateway.ihe.ebxml.rim.AdhocQueryType;
import fr.passerelle.gateway.ihe.ebxml.rim.ExtrinsicObjectType;
import fr.passerelle.gateway.ihe.ebxml.rim.IdentifiableType;
import fr.passerelle.gateway.ihe.ebxml.rim.SlotType1;
import fr.passerelle.gateway.ihe.ebxml.rim.ValueListType;
import fr.passerelle.gateway.ihe.ebxml.rs.RegistryResponseType;
import fr.passerelle.gateway.ihe.hl7v3.EN;
import fr.passerelle.gateway.ihe.hl7v3.II;
import fr.passerelle.gateway.ihe.hl7v3.PRPAIN201305UV02;
import fr.passerelle.gateway.ihe.hl7v3.PRPAIN201306UV02;
import fr.passerelle.gateway.ihe.hl7v3.PRPAIN201306UV02MFMIMT700711UV01Subject1;
import fr.passerelle.gateway.ihe.xds.RetrieveDocumentSetRequestType;
import fr.passerelle.gateway.ihe.xds.RetrieveDocumentSetResponseType;
import fr.passerelle.gateway.ihe.xds.DocumentRecipientPortType;
import fr.passerelle.gateway.ihe.xds.ProvideAndRegisterDocumentSetRequestType;
import fr.passerelle.gateway.trust.TrustConfiguration;
import fr.passerelle.trust.issue.AssertionIssuer;
import fr.passerelle.trust.issue.DemoPki;
import fr.passerelle.trust.issue.HcpClaims;
import fr.passerelle.trust.assertion.PurposeOfUse;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Optional;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.ws.addressing.AddressingProperties;
import org.apache.cxf.ws.addressing.AttributedURIType;
import org.apache.cxf.ws.addressing.JAXWSAConstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A foreign NCP's typed client — CXF JAX-WS ports generated from the eHDSI WSDLs ({@link EhdsiPortClients}) —
 * drives the whole cross-border road against the running application through real HTTP: XCPD identifies each demo
 * patient who consented, XCA lists their patient summaries and ePrescriptions, XCA retrieve brings each pivot
 * document over MTOM, and XDR records an eDispensation of one prescription line (twice: idempotent) and a discard.
 *
 * <p>And every policy branch as the typed client sees it — the eHDSI code in the HL7v3 acknowledgementDetail, the
 * ebRS RegistryError or the SOAP fault's reason — each with the audit record the request left (found by the
 * wsa:MessageID the test gives it): no consent, consent for another country, a blocked professional, a masked
 * document (not listed nor retrievable in treatment, both in emergency since the patient allows it), emergency
 * opposed, an unknown patient, demographics matching several patients, an assertion nobody trusts, an expired one,
 * a MessageID used again.
 *
 * <p>{@link SoapRoadsEndToEndTest} keeps the raw-envelope cases a typed client cannot send (malformed bodies,
 * missing or replayed headers). Both tests have the same annotations so they share one application context: the
 * consents given here leave the patients that test relies on as it expects.
 */
@SpringBootTest(classes = PasserelleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "passerelle.data-dir=${java.io.tmpdir}/passerelle-soap-e2e/${random.uuid}",
                "passerelle.soap.home-community-id=1.2.250.1.213.4.1.99"
        })
class GeneratedClientEndToEndTest {

    static final String HOME = "1.2.250.1.213.4.1.99";
    private static final String SUCCESS = "urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success";
    private static final String FIND_DOCUMENTS = "urn:uuid:14d4debf-8f97-4251-9a74-a90016b0af0d";
    private static final String UNIQUE_ID_SCHEME = "urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab";
    private static final String FORMAT_CODE_SCHEME = "urn:uuid:a09d5840-386c-46f2-b5ad-9c3699a4309d";
    private static final String WSSE = Namespaces.WSSE;

    /** A pivot document kind: its XDS class code, its eHDSI level-3 format code and the pivot's template. */
    private enum Pivot {
        PATIENT_SUMMARY("60591-5", "urn:epSOS:ps:ps:2010", "1.3.6.1.4.1.12559.11.10.1.3.1.1.3"),
        EPRESCRIPTION("57833-6", "urn:epSOS:ep:pre:2010", "1.3.6.1.4.1.12559.11.10.1.3.1.1.1");

        final String classCode;
        final String formatCode;
        final String template;

        Pivot(String classCode, String formatCode, String template) {
            this.classCode = classCode;
            this.formatCode = formatCode;
            this.template = template;
        }
    }

    /** A document entry of the typed query response, as the retrieve needs it. */
    private record Entry(String uniqueId, String repositoryUniqueId, String homeCommunityId, long size, String hash) {
    }

    @LocalServerPort
    int port;

    @Autowired
    TrustConfiguration.DemoTrust demoTrust;

    @Autowired
    ConsentStore consents;

    @Autowired
    DocumentListing listing;

    @Autowired
    fr.passerelle.gateway.healthspace.NationalHealthSpace healthSpace;

    @Autowired
    DataSource dataSource;

    private EhdsiPortClients spain;

    /** The demo patients who consent here: all but LAMBERTIN, the no-consent case. */
    static Stream<Ins> patientsWithConsent() {
        return DemoExchanges.PATIENTS.stream().filter(patient -> !patient.equals(DemoExchanges.LAMBERTIN));
    }

    @BeforeEach
    void clientAndConsents() {
        spain = new EhdsiPortClients(port,
                new AssertionIssuer(demoTrust.pki().orElseThrow().signer("ES"), Clock.systemUTC()));
        // LEA MARTIN consents for Spain only: every Spanish call here is covered, an Italian one is not.
        patientsWithConsent().forEach(patient -> DemoExchanges.consent(consents, patient,
                patient.equals(DemoExchanges.MARTIN_LEA) ? new CountryScope.Listed(Set.of("ES"))
                        : new CountryScope.AllParticipating()));
    }

    @AfterEach
    void closeClient() {
        spain.close();
    }

    @ParameterizedTest
    @MethodSource("patientsWithConsent")
    void identifiesListsRetrievesAndDispensesThroughTheGeneratedClient(Ins patient) throws Exception {
        HcpClaims doctor = HcpClaims.demoDoctor("ES");

        // XCPD: the typed PRPA_IN201306UV02 names the patient; the rest of the road uses the id it gives.
        PRPAIN201306UV02 identification = spain.xcpd(Caller.identifying(doctor))
                .respondingGatewayPRPAIN201305UV02(xcpdRequest(patient));
        assertThat(identification.getAcknowledgement()).singleElement()
                .satisfies(ack -> assertThat(ack.getTypeCode().getCode()).isEqualTo("AA"));
        assertThat(identification.getControlActProcess().getQueryAck().getQueryResponseCode().getCode())
                .isEqualTo("OK");
        List<PRPAIN201306UV02MFMIMT700711UV01Subject1> subjects = identification.getControlActProcess().getSubject();
        assertThat(subjects).hasSize(1);
        II id = subjects.get(0).getRegistrationEvent().getSubject1().getPatient().getId().get(0);
        Ins identified = new Ins(id.getRoot(), id.getExtension());
        assertThat(identified).isEqualTo(patient);

        Caller treating = Caller.treating(doctor, identified);
        for (Pivot pivot : Pivot.values()) {
            // XCA query: FindDocuments for the class code, the typed response's ExtrinsicObjects read from their slots
            // and external identifiers.
            AdhocQueryResponse found = spain.xcaQuery(treating)
                    .respondingGatewayCrossGatewayQuery(findDocuments(identified, pivot.classCode));
            assertThat(found.getStatus()).as(describe(found.getRegistryErrorList())).isEqualTo(SUCCESS);
            List<ExtrinsicObjectType> pivots = extrinsicObjects(found).stream()
                    .filter(entry -> pivot.formatCode.equals(formatCode(entry))).toList();
            assertThat(pivots).as("%s level-3 entries", pivot).isNotEmpty();

            for (ExtrinsicObjectType object : pivots) {
                Entry entry = entry(object);
                assertThat(entry.homeCommunityId()).isEqualTo("urn:oid:" + HOME);

                // XCA retrieve: the pivot CDA comes back as an MTOM part, matching the query's size and hash.
                var retrieve = spain.xcaRetrieve(treating);
                RetrieveDocumentSetResponseType retrieved = retrieve.respondingGatewayCrossGatewayRetrieve(
                        retrieveRequest(entry));
                assertThat(retrieved.getRegistryResponse().getStatus()).isEqualTo(SUCCESS);
                assertThat(String.valueOf(((BindingProvider) retrieve).getResponseContext().get(Message.CONTENT_TYPE)))
                        .contains("multipart/related").contains("application/xop+xml");
                assertThat(retrieved.getDocumentResponse()).singleElement().satisfies(document -> {
                    assertThat(document.getDocumentUniqueId()).isEqualTo(entry.uniqueId());
                    assertThat(document.getRepositoryUniqueId()).isEqualTo(entry.repositoryUniqueId());
                    assertThat(document.getMimeType()).isEqualTo("text/xml");
                    byte[] cda = document.getDocument();
                    assertThat((long) cda.length).isEqualTo(entry.size());
                    assertThat(sha1(cda)).isEqualTo(entry.hash());
                    Element clinicalDocument = parse(cda).getDocumentElement();
                    assertThat(clinicalDocument.getLocalName()).isEqualTo("ClinicalDocument");
                    assertThat(childAttributes(clinicalDocument, "templateId", "root")).contains(pivot.template);
                    assertThat(childAttributes(clinicalDocument, "code", "code")).containsExactly(pivot.classCode);
                    if (pivot == Pivot.EPRESCRIPTION) {
                        // eHDSI: one prescription item per ePrescription document, whose id is the offered one.
                        var templates = clinicalDocument.getElementsByTagNameNS("urn:hl7-org:v3", "templateId");
                        int items = 0;
                        for (int t = 0; t < templates.getLength(); t++) {
                            items += "1.3.6.1.4.1.12559.11.10.1.3.1.3.2".equals(
                                    ((Element) templates.item(t)).getAttribute("root")) ? 1 : 0;
                        }
                        assertThat(items).isEqualTo(1);
                        Element documentId = (Element) clinicalDocument.getElementsByTagNameNS("urn:hl7-org:v3", "id").item(0);
                        assertThat(documentId.getAttribute("root") + (documentId.hasAttribute("extension")
                                ? "^" + documentId.getAttribute("extension") : "")).isEqualTo(entry.uniqueId());
                        assertListedAsItsDocument(object, clinicalDocument);
                    }
                });
            }

            if (pivot == Pivot.EPRESCRIPTION) {
                dispenseFirstLine(identified, entry(pivots.get(0)).uniqueId());
            }
        }
    }

    /**
     * XDR: an eDispensation of the first item document offered (its {@code inFulfillmentOf} is that document's id, as
     * a partner sends it), submitted twice; both Success, the French line dispensed and the item no longer offered.
     */
    private void dispenseFirstLine(Ins patient, String itemDocument) throws JAXBException {
        PrescriptionItemId item = PrescriptionItemId.parse(itemDocument).orElseThrow();
        String prescription = item.prescriptionUniqueId();
        var lines = listing.prescriptionLines(prescription);
        assertThat(lines).hasSizeGreaterThanOrEqualTo(item.item());
        String lineId = lines.get(item.item() - 1).lineId();
        // The prescribed medicine itself, as an NCP-B copies it from the pivot (SubstitutionRule: same product).
        ProvideAndRegisterDocumentSetRequestType submission = dispensation(DemoExchanges.dispensing(
                DemoExchanges.dispensationBody(patient, itemDocument, lineId, "generated-client-" + patient.value()),
                french(prescription), lineId, Optional.empty(), false));
        assertThat(submission.getDocument()).singleElement()
                .satisfies(document -> assertThat(document.getValue()).isNotEmpty());
        Caller pharmacist = Caller.treating(HcpClaims.demoDoctor("ES").withRole("2262", "Pharmacists"), patient);

        List<Integer> xopParts = new ArrayList<>();
        for (int submitted = 0; submitted < 2; submitted++) {
            DocumentRecipientPortType xdrPort = spain.xdr(pharmacist);
            ClientProxy.getClient(xdrPort).getOutInterceptors().add(
                    new AbstractPhaseInterceptor<Message>(Phase.POST_MARSHAL) {
                        @Override
                        public void handleMessage(Message message) {
                            xopParts.add(message.getAttachments() == null ? 0 : message.getAttachments().size());
                        }
                    });
            RegistryResponseType response = xdrPort.documentRecipientProvideAndRegisterDocumentSetB(submission);
            assertThat(response.getStatus()).as(describe(response.getRegistryErrorList())).isEqualTo(SUCCESS);
        }
        // The eDispensation travelled as an MTOM part each time, not inline base64.
        assertThat(xopParts).containsExactly(1, 1);
        assertThat(listing.prescriptionLines(prescription).get(item.item() - 1).dispensed()).isTrue();
        AdhocQueryResponse after = spain.xcaQuery(Caller.treating(HcpClaims.demoDoctor("ES"), patient))
                .respondingGatewayCrossGatewayQuery(findDocuments(patient, Pivot.EPRESCRIPTION.classCode));
        assertThat(extrinsicObjects(after)).extracting(o -> entry(o).uniqueId()).doesNotContain(itemDocument);
    }

    /**
     * Identification policy (docs/security.md): a patient who shares nothing with this requester is answered as
     * nobody — the same typed answer as an unknown INS — and the trail keeps the real reason under the patient.
     */
    @Test
    void patientWithoutConsentIsNoMatchInTheTypedResponseAndAuditedAsNoConsent() throws JAXBException {
        var xcpd = spain.xcpd(Caller.identifying(HcpClaims.demoDoctor("ES")));
        String messageId = correlate(xcpd);
        PRPAIN201306UV02 response = xcpd.respondingGatewayPRPAIN201305UV02(xcpdRequest(DemoExchanges.LAMBERTIN));

        assertNoMatch(response);
        // No decision at all, or the one the masked-document case revoked when it ran first: both are "no consent".
        String rule = consents.current(DemoExchanges.LAMBERTIN).isEmpty() ? "NO_CONSENT" : "CONSENT_REVOKED";
        assertAudited(messageId, "REFUSED", rule, ExchangeError.ERROR_NO_CONSENT, DemoExchanges.LAMBERTIN);
    }

    @Test
    void unknownPatientIsNoMatchInTheTypedResponse() throws JAXBException {
        PRPAIN201306UV02 response = spain.xcpd(Caller.identifying(HcpClaims.demoDoctor("ES")))
                .respondingGatewayPRPAIN201305UV02(xcpdRequest(new Ins(Ins.TEST_NIR, "199999999999999")));

        assertThat(response.getControlActProcess().getQueryAck().getQueryResponseCode().getCode()).isEqualTo("NF");
        assertThat(response.getAcknowledgement()).singleElement().satisfies(ack ->
                assertThat(ack.getAcknowledgementDetail()).extracting(detail -> detail.getCode().getCode())
                        .containsExactly(ExchangeError.ERROR_PI_NO_MATCH.code()));
        assertThat(response.getControlActProcess().getSubject()).isEmpty();
    }

    @Test
    void assertionSignedByAnUntrustedKeyIsASoapFaultWithTheWsSecuritySubcode() throws JAXBException {
        Instant now = Instant.now();
        // Spain's subject, but a key of its own: not anchored in the trust list.
        var impostor = DemoPki.selfSigned("ES", DemoPki.signerSubject("ES"), now.minus(Duration.ofHours(1)),
                now.plus(Duration.ofDays(1)));
        try (var untrusted = new EhdsiPortClients(port, new AssertionIssuer(impostor, Clock.systemUTC()))) {
            var xcpd = untrusted.xcpd(Caller.identifying(HcpClaims.demoDoctor("ES")));
            PRPAIN201305UV02 request = xcpdRequest(DemoExchanges.BERTHELOT);

            assertThatThrownBy(() -> xcpd.respondingGatewayPRPAIN201305UV02(request))
                    .isInstanceOfSatisfying(SOAPFaultException.class, fault -> {
                        assertThat(fault.getFault().getFaultCodeAsQName().getLocalPart()).isEqualTo("Sender");
                        List<QName> subcodes = new ArrayList<>();
                        for (Iterator<QName> it = fault.getFault().getFaultSubcodes(); it.hasNext(); ) {
                            subcodes.add(it.next());
                        }
                        assertThat(subcodes).containsExactly(new QName(WSSE, "FailedAuthentication"));
                        assertThat(fault.getFault().getFaultString()).doesNotContain(DemoExchanges.BERTHELOT.value());
                    });
        }
    }

    // --- each policy branch, as the typed client sees it, and its audit record ------------------------------------

    @Test
    void consentForAnotherCountryIsNoMatchForThatCountryOnly() throws JAXBException {
        // LEA MARTIN consented for Spain only (see clientAndConsents); an Italian doctor asks.
        try (var italy = new EhdsiPortClients(port,
                new AssertionIssuer(demoTrust.pki().orElseThrow().signer("IT"), Clock.systemUTC()))) {
            var xcpd = italy.xcpd(Caller.identifying(HcpClaims.demoDoctor("IT")));
            String messageId = correlate(xcpd);

            PRPAIN201306UV02 response = xcpd.respondingGatewayPRPAIN201305UV02(xcpdRequest(DemoExchanges.MARTIN_LEA));

            assertNoMatch(response);
            Map<String, Object> row = assertAudited(messageId, "REFUSED", "COUNTRY_NOT_AUTHORISED",
                    ExchangeError.ERROR_NO_CONSENT, DemoExchanges.MARTIN_LEA);
            assertThat(row.get("REQUESTING_COUNTRY")).isEqualTo("IT");
        }
        // The same patient, asked from Spain, is identified.
        PRPAIN201306UV02 fromSpain = spain.xcpd(Caller.identifying(HcpClaims.demoDoctor("ES")))
                .respondingGatewayPRPAIN201305UV02(xcpdRequest(DemoExchanges.MARTIN_LEA));
        assertThat(fromSpain.getControlActProcess().getSubject()).hasSize(1);
    }

    @Test
    void professionalThePatientBlockedIsNotToldThePatientExistsAndIsRefusedTheListing() throws JAXBException {
        HcpClaims demo = HcpClaims.demoDoctor("ES");
        // One of the two professionals MATHIS LEFEVRE blocked in the demo data (a foreign HCP).
        String blockedId = "2.16.17.710.850.1000.990.1^HCP-BE-0042";
        HcpClaims blocked = new HcpClaims(blockedId, demo.practitionerName(), demo.roleCode(),
                demo.roleDisplayName(), demo.organisation(), demo.organisationId(), demo.facilityType(),
                demo.pointOfCare(), demo.homeCommunityId(), demo.purposeOfUse(), demo.permissions(), demo.lifetime());

        var xcpd = spain.xcpd(Caller.identifying(blocked));
        String identification = correlate(xcpd);
        assertNoMatch(xcpd.respondingGatewayPRPAIN201305UV02(xcpdRequest(DemoExchanges.LEFEVRE)));
        assertThat(assertAudited(identification, "REFUSED", "PROFESSIONAL_BLOCKED",
                ExchangeError.ERROR_INSUFFICIENT_RIGHTS, DemoExchanges.LEFEVRE).get("PROFESSIONAL_ID"))
                .isEqualTo(blockedId);

        // With a TRC for the patient, the list is refused the same way.
        var query = spain.xcaQuery(Caller.treating(blocked, DemoExchanges.LEFEVRE));
        String listing = correlate(query);
        AdhocQueryResponse found = query.respondingGatewayCrossGatewayQuery(
                findDocuments(DemoExchanges.LEFEVRE, Pivot.PATIENT_SUMMARY.classCode));
        assertFailure(found.getStatus(), found.getRegistryErrorList(), ExchangeError.ERROR_INSUFFICIENT_RIGHTS);
        assertThat(extrinsicObjects(found)).isEmpty();
        assertAudited(listing, "REFUSED", "PROFESSIONAL_BLOCKED", ExchangeError.ERROR_INSUFFICIENT_RIGHTS,
                DemoExchanges.LEFEVRE);
    }

    @Test
    void maskedDocumentIsNeitherListedNorRetrievableInTreatmentButIsInEmergencyWhenThePatientAllowsIt()
            throws JAXBException {
        Ins lambertin = DemoExchanges.LAMBERTIN;
        // LAMBERTIN is the no-consent patient: consent is given for this case only and revoked at its end.
        consents.change(lambertin, new ConsentChange.Authorise(new ConsentTerms(new CountryScope.AllParticipating(),
                EnumSet.allOf(SharedDocuments.class), Optional.empty()), "soap-e2e-test", ConsentChannel.OPERATOR));
        try {
            HcpClaims doctor = HcpClaims.demoDoctor("ES");
            HcpClaims emergencyDoctor = doctor.withPurpose(PurposeOfUse.EMERGENCY);
            List<Entry> treatment = levelThreeSummaries(Caller.treating(doctor, lambertin));
            var emergencyQuery = spain.xcaQuery(Caller.treating(emergencyDoctor, lambertin));
            String emergencyListing = correlate(emergencyQuery);
            AdhocQueryResponse inEmergency = emergencyQuery.respondingGatewayCrossGatewayQuery(
                    findDocuments(lambertin, Pivot.PATIENT_SUMMARY.classCode));
            assertThat(inEmergency.getStatus()).isEqualTo(SUCCESS);
            List<Entry> emergency = extrinsicObjects(inEmergency).stream()
                    .filter(o -> Pivot.PATIENT_SUMMARY.formatCode.equals(formatCode(o)))
                    .map(GeneratedClientEndToEndTest::entry).toList();

            // The visible summary in treatment; the masked older one besides it in emergency (maskedVisibleInEmergency).
            assertThat(treatment).hasSize(1);
            assertThat(emergency).hasSize(2);
            assertThat(emergency).extracting(Entry::uniqueId).contains(treatment.get(0).uniqueId());
            Entry masked = emergency.stream().filter(e -> !e.uniqueId().equals(treatment.get(0).uniqueId()))
                    .findFirst().orElseThrow();
            assertThat(assertAudited(emergencyListing, "SUCCESS", "CONSENT_COVERS_REQUEST", null, lambertin))
                    .satisfies(row -> {
                        assertThat(row.get("PURPOSE_OF_USE")).isEqualTo("EMERGENCY");
                        assertThat(String.valueOf(row.get("DOCUMENTS"))).contains(masked.uniqueId());
                    });

            // Asked by its id in treatment, the masked document is answered as missing (its existence not disclosed).
            var treatmentRetrieve = spain.xcaRetrieve(Caller.treating(doctor, lambertin));
            String refusedRetrieve = correlate(treatmentRetrieve);
            RetrieveDocumentSetResponseType refused =
                    treatmentRetrieve.respondingGatewayCrossGatewayRetrieve(retrieveRequest(masked));
            assertFailure(refused.getRegistryResponse().getStatus(), refused.getRegistryResponse().getRegistryErrorList(),
                    ExchangeError.ERROR_GENERIC_DOCUMENT_MISSING);
            assertThat(refused.getDocumentResponse()).isEmpty();
            assertAudited(refusedRetrieve, "FAILED", "CONSENT_COVERS_REQUEST",
                    ExchangeError.ERROR_GENERIC_DOCUMENT_MISSING, lambertin);

            // In emergency it is returned, the bytes the emergency listing announced.
            var emergencyRetrieve = spain.xcaRetrieve(Caller.treating(emergencyDoctor, lambertin));
            String returned = correlate(emergencyRetrieve);
            RetrieveDocumentSetResponseType retrieved =
                    emergencyRetrieve.respondingGatewayCrossGatewayRetrieve(retrieveRequest(masked));
            assertThat(retrieved.getRegistryResponse().getStatus()).isEqualTo(SUCCESS);
            assertThat(retrieved.getDocumentResponse()).singleElement().satisfies(document -> {
                assertThat(document.getDocumentUniqueId()).isEqualTo(masked.uniqueId());
                assertThat(sha1(document.getDocument())).isEqualTo(masked.hash());
            });
            assertThat(assertAudited(returned, "SUCCESS", "CONSENT_COVERS_REQUEST", null, lambertin).get("DOCUMENTS"))
                    .asString().contains(masked.uniqueId());
        } finally {
            // The no-consent case uses LAMBERTIN: it must find no consent, whichever runs first.
            consents.change(lambertin, new ConsentChange.Revoke("soap-e2e-test", ConsentChannel.OPERATOR));
        }
    }

    @Test
    void emergencyIsRefusedWhenThePatientOpposesItAndTreatmentStillServed() throws JAXBException {
        Ins rochefort = DemoExchanges.ROCHEFORT;
        HcpClaims doctor = HcpClaims.demoDoctor("ES");
        Caller emergency = Caller.treating(doctor.withPurpose(PurposeOfUse.EMERGENCY), rochefort);
        List<Entry> summaries = levelThreeSummaries(Caller.treating(doctor, rochefort));
        assertThat(summaries).hasSize(1);

        var query = spain.xcaQuery(emergency);
        String listing = correlate(query);
        AdhocQueryResponse found = query.respondingGatewayCrossGatewayQuery(
                findDocuments(rochefort, Pivot.PATIENT_SUMMARY.classCode));
        assertFailure(found.getStatus(), found.getRegistryErrorList(), ExchangeError.ERROR_INSUFFICIENT_RIGHTS);
        assertThat(extrinsicObjects(found)).isEmpty();
        assertThat(assertAudited(listing, "REFUSED", "EMERGENCY_ACCESS_OPPOSED",
                ExchangeError.ERROR_INSUFFICIENT_RIGHTS, rochefort).get("PURPOSE_OF_USE")).isEqualTo("EMERGENCY");

        // Nor is the summary treatment lists returned by its id in emergency.
        var retrieve = spain.xcaRetrieve(emergency);
        String retrieval = correlate(retrieve);
        RetrieveDocumentSetResponseType refused = retrieve.respondingGatewayCrossGatewayRetrieve(
                retrieveRequest(summaries.get(0)));
        assertFailure(refused.getRegistryResponse().getStatus(), refused.getRegistryResponse().getRegistryErrorList(),
                ExchangeError.ERROR_INSUFFICIENT_RIGHTS);
        assertThat(refused.getDocumentResponse()).isEmpty();
        assertAudited(retrieval, "REFUSED", "EMERGENCY_ACCESS_OPPOSED", ExchangeError.ERROR_INSUFFICIENT_RIGHTS,
                rochefort);
    }

    /**
     * A family name alone identifies nobody (identification policy: an INS, or family name, given name and birth
     * date): ODILE and LEA MARTIN are neither listed nor counted; the query is audited as too weak.
     * Several patients matching strong traits are refused, never guessed: {@code UnmatchedIdentificationAuditTest}.
     */
    @Test
    void aFamilyNameAloneIdentifiesNobody() throws JAXBException {
        var xcpd = spain.xcpd(Caller.identifying(HcpClaims.demoDoctor("ES")));
        String messageId = correlate(xcpd);

        PRPAIN201306UV02 response = xcpd.respondingGatewayPRPAIN201305UV02(demographicsRequest("MARTIN"));

        assertNoMatch(response);
        Map<String, Object> row = assertAudited(messageId, "REFUSED", "IDENTIFICATION_TOO_WEAK", null, null);
        assertThat(row.get("REQUESTING_COUNTRY")).isEqualTo("ES");
    }

    @Test
    void expiredAssertionIsASoapFaultWithTheWsSecuritySubcodeAndAnAuditRecord() throws JAXBException {
        // Spain's own key, but the assertion was issued five hours ago for the demo doctor's four hours.
        try (var late = new EhdsiPortClients(port, new AssertionIssuer(demoTrust.pki().orElseThrow().signer("ES"),
                Clock.offset(Clock.systemUTC(), Duration.ofHours(-5))))) {
            var xcpd = late.xcpd(Caller.identifying(HcpClaims.demoDoctor("ES")));
            String messageId = correlate(xcpd);
            PRPAIN201305UV02 request = xcpdRequest(DemoExchanges.BERTHELOT);

            assertThatThrownBy(() -> xcpd.respondingGatewayPRPAIN201305UV02(request))
                    .isInstanceOfSatisfying(SOAPFaultException.class, fault -> assertSecurityFault(fault,
                            ExchangeError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED));
            assertUnattributedRefusal(messageId, "TRUST_VALIDITY", ExchangeError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED);
        }
    }

    @Test
    void messageIdUsedAgainIsASoapFaultEvenWithFreshAssertions() throws JAXBException {
        var first = spain.xcpd(Caller.identifying(HcpClaims.demoDoctor("ES")));
        String messageId = correlate(first);
        assertThat(first.respondingGatewayPRPAIN201305UV02(xcpdRequest(DemoExchanges.BERTHELOT))
                .getAcknowledgement()).singleElement()
                .satisfies(ack -> assertThat(ack.getTypeCode().getCode()).isEqualTo("AA"));

        var again = spain.xcpd(Caller.identifying(HcpClaims.demoDoctor("ES")));
        correlate(again, messageId);
        PRPAIN201305UV02 request = xcpdRequest(DemoExchanges.BERTHELOT);

        assertThatThrownBy(() -> again.respondingGatewayPRPAIN201305UV02(request))
                .isInstanceOfSatisfying(SOAPFaultException.class, fault -> assertSecurityFault(fault,
                        ExchangeError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED));
        // The answered request's record, then the refused replay's, unattributed.
        List<Map<String, Object>> rows = AuditRows.of(dataSource, messageId);
        assertThat(rows).extracting(row -> row.get("OUTCOME")).containsExactly("SUCCESS", "REFUSED");
        assertThat(rows.get(1).get("DECIDING_RULE")).isEqualTo("TRUST_REPLAY");
        assertThat(rows.get(1).get("ERROR_CODE")).isEqualTo(ExchangeError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED.code());
        assertThat(rows.get(1).get("PATIENT_VALUE")).isEqualTo("");
    }

    @Test
    void aDiscardReleasesTheDispensedLineOnceAndIsAuditedAndAnUnknownOneIsRefused() throws JAXBException {
        Ins rochefort = DemoExchanges.ROCHEFORT;
        Caller pharmacist = Caller.treating(HcpClaims.demoDoctor("ES").withRole("2262", "Pharmacists"), rochefort);
        AdhocQueryResponse found = spain.xcaQuery(Caller.treating(HcpClaims.demoDoctor("ES"), rochefort))
                .respondingGatewayCrossGatewayQuery(findDocuments(rochefort, Pivot.EPRESCRIPTION.classCode));
        // The second item's document: the main road dispenses the first (and keeps it dispensed) in this context.
        String itemDocument = extrinsicObjects(found).stream()
                .filter(o -> Pivot.EPRESCRIPTION.formatCode.equals(formatCode(o))).map(o -> entry(o).uniqueId())
                .filter(id -> PrescriptionItemId.parse(id).map(i -> i.item() == 2).orElse(false))
                .findFirst().orElseThrow();
        String prescription = PrescriptionItemId.parse(itemDocument).orElseThrow().prescriptionUniqueId();
        var lines = listing.prescriptionLines(prescription);
        assertThat(lines).hasSizeGreaterThan(1);
        String lineId = lines.get(1).lineId();
        // OpenNCP's NCP-B sends the discarded eDispensation again, classified DISCARD-60593-1.
        String dispensationBody = DemoExchanges.dispensing(
                DemoExchanges.dispensationBody(rochefort, itemDocument, lineId, "discard-e2e"), french(prescription),
                lineId, Optional.empty(), false);
        ProvideAndRegisterDocumentSetRequestType discard = dispensation(asDiscard(dispensationBody));

        assertThat(spain.xdr(pharmacist).documentRecipientProvideAndRegisterDocumentSetB(
                dispensation(dispensationBody)).getStatus()).isEqualTo(SUCCESS);
        assertThat(listing.prescriptionLines(prescription).get(1).dispensed()).isTrue();
        for (int submitted = 0; submitted < 2; submitted++) {
            RegistryResponseType response = spain.xdr(pharmacist).documentRecipientProvideAndRegisterDocumentSetB(
                    discard);
            assertThat(response.getStatus()).as(describe(response.getRegistryErrorList())).isEqualTo(SUCCESS);
        }
        assertThat(listing.prescriptionLines(prescription).get(1).dispensed()).isFalse();
        assertThat(org.springframework.jdbc.core.simple.JdbcClient.create(dataSource)
                .sql("SELECT COUNT(*) FROM audit_record WHERE transaction_kind = 'DISPENSATION' AND outcome = 'SUCCESS'"
                        + " AND documents LIKE ?")
                .param("%discarded:2.16.840.1.113883.2.25.3.4.1.4.1^discard-e2e%").query(Long.class).single())
                .isEqualTo(2);

        // A discard of a dispensation never recorded.
        var xdr = spain.xdr(pharmacist);
        String messageId = correlate(xdr);
        RegistryResponseType unknown = xdr.documentRecipientProvideAndRegisterDocumentSetB(dispensation(asDiscard(
                DemoExchanges.dispensationBody(rochefort, itemDocument, lineId, "never-dispensed"))));
        assertFailure(unknown.getStatus(), unknown.getRegistryErrorList(), ExchangeError.ERROR_ED_DISCARD_FAILED);
        assertThat(AuditRows.of(dataSource, messageId)).singleElement()
                .satisfies(row -> assertThat(row.get("ERROR_CODE")).isEqualTo(ExchangeError.ERROR_ED_DISCARD_FAILED.code()));
    }

    /** The French prescription's bytes, as the health space holds them. */
    private byte[] french(String prescriptionUniqueId) {
        return healthSpace.retrieve(prescriptionUniqueId).orElseThrow().content();
    }

    private static String asDiscard(String dispensationBody) {
        return dispensationBody.replace("nodeRepresentation=\"60593-1\"", "nodeRepresentation=\"DISCARD-60593-1\"");
    }

    /** The level-3 patient summaries listed to this caller (a Success answer). */
    private List<Entry> levelThreeSummaries(Caller caller) {
        Ins patient = caller.treatedPatient().orElseThrow();
        AdhocQueryResponse found = spain.xcaQuery(caller).respondingGatewayCrossGatewayQuery(
                findDocuments(patient, Pivot.PATIENT_SUMMARY.classCode));
        assertThat(found.getStatus()).as(describe(found.getRegistryErrorList())).isEqualTo(SUCCESS);
        return extrinsicObjects(found).stream().filter(o -> Pivot.PATIENT_SUMMARY.formatCode.equals(formatCode(o)))
                .map(GeneratedClientEndToEndTest::entry).toList();
    }

    // --- correlation with the audit trail ---------------------------------------------------------------------

    /** Gives the port's next requests a wsa:MessageID of the test's choosing: the audit record's correlation id. */
    private static String correlate(Object port) {
        return correlate(port, "urn:uuid:" + UUID.randomUUID());
    }

    private static String correlate(Object port, String messageId) {
        AddressingProperties addressing = new AddressingProperties();
        AttributedURIType id = new AttributedURIType();
        id.setValue(messageId);
        addressing.setMessageID(id);
        ((BindingProvider) port).getRequestContext().put(JAXWSAConstants.CLIENT_ADDRESSING_PROPERTIES, addressing);
        return messageId;
    }

    /**
     * The request's single audit record: its outcome, deciding rule, eHDSI code (none for an answered request) and
     * the patient it is filed under ({@code null}: none), the requester being Spain's demo doctor's country.
     */
    private Map<String, Object> assertAudited(String messageId, String outcome, String rule, ExchangeError error,
                                              Ins patient) {
        List<Map<String, Object>> rows = AuditRows.of(dataSource, messageId);
        assertThat(rows).as("audit records of %s", messageId).hasSize(1);
        Map<String, Object> row = rows.get(0);
        assertThat(row.get("OUTCOME")).isEqualTo(outcome);
        assertThat(row.get("DECIDING_RULE")).isEqualTo(rule);
        assertThat(row.get("ERROR_CODE")).isEqualTo(error == null ? "" : error.code());
        assertThat(row.get("PATIENT_VALUE")).isEqualTo(patient == null ? "" : patient.value());
        assertThat(row.get("PROFESSIONAL_ID")).asString().isNotBlank();
        assertThat(String.valueOf(row.get("ASSERTION_IDS"))).isNotBlank();
        return row;
    }

    /** A request refused before trust believed it: one record, no patient, no requester, no assertion ids. */
    private void assertUnattributedRefusal(String messageId, String rule, ExchangeError error) {
        assertThat(AuditRows.of(dataSource, messageId)).singleElement().satisfies(row -> {
            assertThat(row.get("OUTCOME")).isEqualTo("REFUSED");
            assertThat(row.get("DECIDING_RULE")).isEqualTo(rule);
            assertThat(row.get("ERROR_CODE")).isEqualTo(error.code());
            assertThat(row.get("PATIENT_VALUE")).isEqualTo("");
            assertThat(row.get("PROFESSIONAL_ID")).isEqualTo("");
            assertThat(row.get("ASSERTION_IDS")).isEqualTo("");
        });
    }

    /** XCPD "no match": query response NF, ERROR_PI_NO_MATCH as the acknowledgement detail, nobody identified. */
    private static void assertNoMatch(PRPAIN201306UV02 response) {
        assertThat(response.getControlActProcess().getQueryAck().getQueryResponseCode().getCode()).isEqualTo("NF");
        assertThat(response.getAcknowledgement()).singleElement().satisfies(ack ->
                assertThat(ack.getAcknowledgementDetail()).extracting(detail -> detail.getCode().getCode())
                        .containsExactly(ExchangeError.ERROR_PI_NO_MATCH.code()));
        assertThat(response.getControlActProcess().getSubject()).isEmpty();
    }

    /** ebRS refusal: status Failure and the eHDSI code as a RegistryError. */
    private static void assertFailure(String status,
                                      fr.passerelle.gateway.ihe.ebxml.rs.RegistryErrorList errors,
                                      ExchangeError error) {
        assertThat(status).isEqualTo("urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Failure");
        assertThat(errors).isNotNull();
        assertThat(errors.getRegistryError()).extracting(e -> e.getErrorCode()).containsExactly(error.code());
    }

    /** SOAP 1.2 Sender fault, subcode wsse:FailedAuthentication, reason starting with the eHDSI code. */
    private static void assertSecurityFault(SOAPFaultException fault, ExchangeError error) {
        assertThat(fault.getFault().getFaultCodeAsQName().getLocalPart()).isEqualTo("Sender");
        List<QName> subcodes = new ArrayList<>();
        for (Iterator<QName> it = fault.getFault().getFaultSubcodes(); it.hasNext(); ) {
            subcodes.add(it.next());
        }
        assertThat(subcodes).containsExactly(new QName(WSSE, "FailedAuthentication"));
        assertThat(fault.getFault().getFaultString()).startsWith(error.code() + ":")
                .doesNotContain(DemoExchanges.BERTHELOT.value());
    }

    // --- typed requests ---------------------------------------------------------------------------------------

    private static JAXBContext hl7;
    private static JAXBContext xdr;

    /** gematik's ITI-55 sample read into the generated types, its livingSubjectId set to the patient. */
    private static PRPAIN201305UV02 xcpdRequest(Ins patient) throws JAXBException {
        if (hl7 == null) {
            hl7 = JAXBContext.newInstance(PRPAIN201305UV02.class);
        }
        PRPAIN201305UV02 request = (PRPAIN201305UV02) hl7.createUnmarshaller().unmarshal(
                new StringReader(SoapMessages.sampleBody("gematik/PRPA_IN201305UV02_298.xml")));
        II id = request.getControlActProcess().getQueryByParameter().getValue().getParameterList()
                .getLivingSubjectId().get(0).getValue().get(0);
        id.setRoot(patient.oid());
        id.setExtension(patient.value());
        return request;
    }

    /**
     * An ITI-55 search by demographics only: IPF's sample read into the generated types, its ids, gender and birth
     * time removed and its name reduced to the family name.
     */
    private static PRPAIN201305UV02 demographicsRequest(String family) throws JAXBException {
        if (hl7 == null) {
            hl7 = JAXBContext.newInstance(PRPAIN201305UV02.class);
        }
        PRPAIN201305UV02 request = (PRPAIN201305UV02) hl7.createUnmarshaller().unmarshal(
                new StringReader(SoapMessages.sampleBody("ipf-iti55/iti55-sample-request.xml")));
        var parameters = request.getControlActProcess().getQueryByParameter().getValue().getParameterList();
        parameters.getLivingSubjectId().clear();
        parameters.getLivingSubjectAdministrativeGender().clear();
        parameters.getLivingSubjectBirthTime().clear();
        EN name = parameters.getLivingSubjectName().get(0).getValue().get(0);
        name.getContent().clear();
        // XJC binds HL7's name parts (ENXP, from ST/ED/BIN) without their text: the family part is written as a
        // plain string element of the same name.
        name.getContent().add(new JAXBElement<>(new QName("urn:hl7-org:v3", "family"), String.class, family));
        return request;
    }

    /** ITI-38 FindDocuments, approved entries of the patient with that class code, as leaf classes. */
    private static AdhocQueryRequest findDocuments(Ins patient, String classCode) {
        AdhocQueryRequest request = new AdhocQueryRequest();
        ResponseOptionType option = new ResponseOptionType();
        option.setReturnType("LeafClass");
        option.setReturnComposedObjects(true);
        request.setResponseOption(option);
        AdhocQueryType query = new AdhocQueryType();
        query.setId(FIND_DOCUMENTS);
        query.getSlot().add(slot("$XDSDocumentEntryPatientId", "'" + SoapMessages.cx(patient) + "'"));
        query.getSlot().add(slot("$XDSDocumentEntryStatus", "('urn:oasis:names:tc:ebxml-regrep:StatusType:Approved')"));
        query.getSlot().add(slot("$XDSDocumentEntryClassCode", "('" + classCode + "^^2.16.840.1.113883.6.1')"));
        request.setAdhocQuery(query);
        return request;
    }

    private static RetrieveDocumentSetRequestType retrieveRequest(Entry entry) {
        RetrieveDocumentSetRequestType request = new RetrieveDocumentSetRequestType();
        RetrieveDocumentSetRequestType.DocumentRequest document = new RetrieveDocumentSetRequestType.DocumentRequest();
        document.setHomeCommunityId(entry.homeCommunityId());
        document.setRepositoryUniqueId(entry.repositoryUniqueId());
        document.setDocumentUniqueId(entry.uniqueId());
        request.getDocumentRequest().add(document);
        return request;
    }

    /** The shared eDispensation submission read into the generated types (its document decoded to bytes). */
    @SuppressWarnings("unchecked")
    private static ProvideAndRegisterDocumentSetRequestType dispensation(String body) throws JAXBException {
        if (xdr == null) {
            xdr = JAXBContext.newInstance(ProvideAndRegisterDocumentSetRequestType.class,
                    fr.passerelle.gateway.ihe.xds.ObjectFactory.class);
        }
        return xdr.createUnmarshaller().unmarshal(new StreamSource(new StringReader(body)),
                ProvideAndRegisterDocumentSetRequestType.class).getValue();
    }

    private static SlotType1 slot(String name, String value) {
        SlotType1 slot = new SlotType1();
        slot.setName(name);
        ValueListType values = new ValueListType();
        values.getValue().add(value);
        slot.setValueList(values);
        return slot;
    }

    // --- reading typed responses ------------------------------------------------------------------------------

    /**
     * What an NCP-B portal lists an ePrescription item by, as the typed client reads it, is what the retrieved item
     * document says: its prescriber (authorPerson), a description naming its product, and the event codes — the XDW
     * state open, the product's ATC class (when it has one) and EDQM dose form — as gematik's eP lists carry them.
     */
    private static void assertListedAsItsDocument(ExtrinsicObjectType listed, Element clinicalDocument) {
        List<fr.passerelle.gateway.ihe.ebxml.rim.ClassificationType> events = listed.getClassification().stream()
                .filter(c -> fr.passerelle.gateway.ihe.XdsVocabulary.DOC_EVENT.equals(c.getClassificationScheme()))
                .toList();
        assertThat(events).extracting(c -> c.getNodeRepresentation()).contains("urn:ihe:iti:xdw:2011:eventCode:open");
        Element material = (Element) clinicalDocument.getElementsByTagNameNS("*", "manufacturedMaterial").item(0);
        Element atc = codeIn(material, "generalizedMaterialKind", "2.16.840.1.113883.6.73");
        if (atc != null) {
            assertThat(events).anySatisfy(c -> {
                assertThat(c.getNodeRepresentation()).isEqualTo(atc.getAttribute("code"));
                assertThat(slot(c.getSlot(), "codingScheme")).isEqualTo("2.16.840.1.113883.6.73");
            });
        } else {
            // A magistral preparation has no ATC class: none is listed, none guessed.
            assertThat(events).noneSatisfy(c ->
                    assertThat(slot(c.getSlot(), "codingScheme")).isEqualTo("2.16.840.1.113883.6.73"));
        }
        Element doseForm = codeIn(material, null, "0.4.0.127.0.16.1.1.2.1");
        if (doseForm != null) {
            assertThat(events).extracting(c -> c.getNodeRepresentation()).contains(doseForm.getAttribute("code"));
        }
        String productName = childAttributes(material, "name", "").isEmpty() ? null
                : material.getElementsByTagNameNS("urn:hl7-org:v3", "name").item(0).getTextContent().strip();
        assertThat(listed.getDescription()).as("description").isNotNull();
        assertThat(listed.getDescription().getLocalizedString().get(0).getValue()).startsWith(productName);
        Element author = (Element) clinicalDocument.getElementsByTagNameNS("urn:hl7-org:v3", "assignedPerson").item(0);
        String family = author.getElementsByTagNameNS("urn:hl7-org:v3", "family").item(0).getTextContent().strip();
        assertThat(listed.getClassification()).filteredOn(c -> fr.passerelle.gateway.ihe.XdsVocabulary.DOC_AUTHOR
                        .equals(c.getClassificationScheme()))
                .singleElement().satisfies(c -> assertThat(slot(c.getSlot(), "authorPerson")).endsWith(family));
    }

    /** The code of this system under {@code material} (below {@code under} when given), or among its translations. */
    private static Element codeIn(Element material, String under, String system) {
        Element scope = under == null ? material
                : (Element) material.getElementsByTagNameNS("*", under).item(0);
        if (scope == null) {
            return null;
        }
        var codes = scope.getElementsByTagNameNS("*", under == null ? "formCode" : "code");
        for (int i = 0; i < codes.getLength(); i++) {
            Element code = (Element) codes.item(i);
            if (under == null && code.getParentNode() != material) {
                continue;
            }
            if (system.equals(code.getAttribute("codeSystem"))) {
                return code;
            }
            var translations = code.getElementsByTagNameNS("*", "translation");
            for (int t = 0; t < translations.getLength(); t++) {
                if (system.equals(((Element) translations.item(t)).getAttribute("codeSystem"))) {
                    return (Element) translations.item(t);
                }
            }
        }
        return null;
    }

    private static String slot(List<SlotType1> slots, String name) {
        return slots.stream().filter(s -> name.equals(s.getName())).map(s -> s.getValueList().getValue().get(0))
                .findFirst().orElseThrow(() -> new AssertionError("no slot " + name));
    }

    private static List<ExtrinsicObjectType> extrinsicObjects(AdhocQueryResponse response) {
        if (response.getRegistryObjectList() == null) {
            return List.of();
        }
        return response.getRegistryObjectList().getIdentifiable().stream().map(JAXBElement::getValue)
                .filter(ExtrinsicObjectType.class::isInstance).map(ExtrinsicObjectType.class::cast).toList();
    }

    private static String formatCode(ExtrinsicObjectType object) {
        return object.getClassification().stream().filter(c -> FORMAT_CODE_SCHEME.equals(c.getClassificationScheme()))
                .map(c -> c.getNodeRepresentation()).findFirst().orElse(null);
    }

    private static Entry entry(ExtrinsicObjectType object) {
        String uniqueId = object.getExternalIdentifier().stream()
                .filter(identifier -> UNIQUE_ID_SCHEME.equals(identifier.getIdentificationScheme()))
                .map(identifier -> identifier.getValue()).findFirst().orElseThrow();
        return new Entry(uniqueId, slotValue(object, "repositoryUniqueId"), object.getHome(),
                Long.parseLong(slotValue(object, "size")), slotValue(object, "hash"));
    }

    private static String slotValue(IdentifiableType object, String name) {
        return object.getSlot().stream().filter(slot -> name.equals(slot.getName()))
                .map(slot -> slot.getValueList().getValue().get(0)).findFirst()
                .orElseThrow(() -> new AssertionError("no slot " + name));
    }

    private static String describe(fr.passerelle.gateway.ihe.ebxml.rs.RegistryErrorList errors) {
        return errors == null ? "no RegistryError" : errors.getRegistryError().stream()
                .map(e -> e.getErrorCode() + " " + e.getCodeContext()).toList().toString();
    }

    private static List<String> childAttributes(Element parent, String localName, String attribute) {
        List<String> values = new ArrayList<>();
        for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && localName.equals(child.getLocalName())) {
                values.add(child.getAttribute(attribute));
            }
        }
        return values;
    }

    private static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new AssertionError("The retrieved document does not parse", e);
        }
    }

    private static String sha1(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
