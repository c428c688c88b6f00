package fr.passerelle.gateway.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.gateway.PasserelleApplication;
import fr.passerelle.gateway.consent.ConsentStore;
import fr.passerelle.gateway.consent.CountryScope;
import fr.passerelle.gateway.exchange.DocumentListing;
import fr.passerelle.gateway.exchange.ExchangeError;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.soap.client.EhdsiPortClients;
import fr.passerelle.gateway.soap.client.EhdsiPortClients.Caller;
import fr.passerelle.gateway.soap.client.generated.ebxml.query.AdhocQueryRequest;
import fr.passerelle.gateway.soap.client.generated.ebxml.query.AdhocQueryResponse;
import fr.passerelle.gateway.soap.client.generated.ebxml.query.ResponseOptionType;
import fr.passerelle.gateway.soap.client.generated.ebxml.rim.AdhocQueryType;
import fr.passerelle.gateway.soap.client.generated.ebxml.rim.ExtrinsicObjectType;
import fr.passerelle.gateway.soap.client.generated.ebxml.rim.IdentifiableType;
import fr.passerelle.gateway.soap.client.generated.ebxml.rim.SlotType1;
import fr.passerelle.gateway.soap.client.generated.ebxml.rim.ValueListType;
import fr.passerelle.gateway.soap.client.generated.ebxml.rs.RegistryResponseType;
import fr.passerelle.gateway.soap.client.generated.hl7v3.II;
import fr.passerelle.gateway.soap.client.generated.hl7v3.MCCIMT000300UV01AcknowledgementDetail;
import fr.passerelle.gateway.soap.client.generated.hl7v3.PRPAIN201305UV02;
import fr.passerelle.gateway.soap.client.generated.hl7v3.PRPAIN201306UV02;
import fr.passerelle.gateway.soap.client.generated.hl7v3.PRPAIN201306UV02MFMIMT700711UV01Subject1;
import fr.passerelle.gateway.soap.client.generated.xca.RetrieveDocumentSetRequestType;
import fr.passerelle.gateway.soap.client.generated.xca.RetrieveDocumentSetResponseType;
import fr.passerelle.gateway.soap.client.generated.xdr.DocumentRecipientPortType;
import fr.passerelle.gateway.soap.client.generated.xdr.ProvideAndRegisterDocumentSetRequestType;
import fr.passerelle.gateway.trust.TrustConfiguration;
import fr.passerelle.trust.issue.AssertionIssuer;
import fr.passerelle.trust.issue.DemoPki;
import fr.passerelle.trust.issue.HcpClaims;
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
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
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
 * document over MTOM, and XDR records an eDispensation of one prescription line (twice: idempotent). And the
 * refusals a typed client sees: no consent, an unknown patient, an assertion nobody trusts.
 *
 * <p>{@link SoapRoadsEndToEndTest} keeps the raw-envelope cases a typed client cannot send (malformed bodies,
 * missing or replayed headers).
 */
@SpringBootTest(classes = PasserelleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "passerelle.data-dir=${java.io.tmpdir}/passerelle-generated-client-e2e/${random.uuid}",
                "passerelle.soap.home-community-id=" + GeneratedClientEndToEndTest.HOME
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

    private EhdsiPortClients spain;

    /** The demo patients who consent here: all but LAMBERTIN, the no-consent case. */
    static Stream<Ins> patientsWithConsent() {
        return DemoExchanges.PATIENTS.stream().filter(patient -> !patient.equals(DemoExchanges.LAMBERTIN));
    }

    @BeforeEach
    void clientAndConsents() {
        spain = new EhdsiPortClients(port,
                new AssertionIssuer(demoTrust.pki().orElseThrow().signer("ES"), Clock.systemUTC()));
        patientsWithConsent().forEach(patient ->
                DemoExchanges.consent(consents, patient, new CountryScope.AllParticipating()));
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
                });
            }

            if (pivot == Pivot.EPRESCRIPTION) {
                dispenseFirstLine(identified, entry(pivots.get(0)).uniqueId());
            }
        }
    }

    /** XDR: an eDispensation of the prescription's first line, submitted twice; both Success, the line dispensed. */
    private void dispenseFirstLine(Ins patient, String prescription) throws JAXBException {
        var lines = listing.prescriptionLines(prescription);
        assertThat(lines).isNotEmpty();
        ProvideAndRegisterDocumentSetRequestType submission = dispensation(DemoExchanges.dispensationBody(patient,
                prescription, lines.get(0).lineId(), "generated-client-" + patient.value()));
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
        assertThat(listing.prescriptionLines(prescription).get(0).dispensed()).isTrue();
    }

    @Test
    void patientWithoutConsentGetsTheNoConsentCodeInTheTypedResponse() throws JAXBException {
        PRPAIN201306UV02 response = spain.xcpd(Caller.identifying(HcpClaims.demoDoctor("ES")))
                .respondingGatewayPRPAIN201305UV02(xcpdRequest(DemoExchanges.LAMBERTIN));

        assertThat(response.getAcknowledgement()).singleElement().satisfies(ack -> {
            assertThat(ack.getTypeCode().getCode()).isEqualTo("AE");
            assertThat(ack.getAcknowledgementDetail()).extracting(MCCIMT000300UV01AcknowledgementDetail::getCode)
                    .extracting(code -> code.getCode()).containsExactly(ExchangeError.ERROR_NO_CONSENT.code());
        });
        assertThat(response.getControlActProcess().getSubject()).isEmpty();
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
                    fr.passerelle.gateway.soap.client.generated.xdr.ObjectFactory.class);
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

    private static String describe(fr.passerelle.gateway.soap.client.generated.ebxml.rs.RegistryErrorList errors) {
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
