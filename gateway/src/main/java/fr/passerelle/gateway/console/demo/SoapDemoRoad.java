package fr.passerelle.gateway.console.demo;

import static fr.passerelle.gateway.ihe.XdsVocabulary.APPROVED;
import static fr.passerelle.gateway.ihe.XdsVocabulary.DOC_CLASS;
import static fr.passerelle.gateway.ihe.XdsVocabulary.DOC_FORMAT;
import static fr.passerelle.gateway.ihe.XdsVocabulary.DOC_UNIQUE_ID;
import static fr.passerelle.gateway.ihe.XdsVocabulary.FIND_DOCUMENTS;
import static fr.passerelle.gateway.ihe.XdsVocabulary.QUERY;
import static fr.passerelle.gateway.ihe.XdsVocabulary.XDS;

import fr.passerelle.gateway.ihe.ProtocolModel;
import fr.passerelle.gateway.ihe.ebxml.query.AdhocQueryRequest;
import fr.passerelle.gateway.ihe.ebxml.query.AdhocQueryResponse;
import fr.passerelle.gateway.ihe.ebxml.query.ResponseOptionType;
import fr.passerelle.gateway.ihe.ebxml.rim.AdhocQueryType;
import fr.passerelle.gateway.ihe.ebxml.rim.ClassificationType;
import fr.passerelle.gateway.ihe.ebxml.rim.ExternalIdentifierType;
import fr.passerelle.gateway.ihe.ebxml.rim.ExtrinsicObjectType;
import fr.passerelle.gateway.ihe.ebxml.rim.SlotType1;
import fr.passerelle.gateway.ihe.ebxml.rim.ValueListType;
import fr.passerelle.gateway.ihe.ebxml.rs.RegistryError;
import fr.passerelle.gateway.ihe.ebxml.rs.RegistryResponseType;
import fr.passerelle.gateway.ihe.xds.ObjectFactory;
import fr.passerelle.gateway.ihe.xds.RetrieveDocumentSetRequestType;
import fr.passerelle.gateway.ihe.xds.RetrieveDocumentSetResponseType;
import fr.passerelle.gateway.ihe.XmlTree;
import fr.passerelle.trust.hl7.Ts;
import fr.passerelle.trust.issue.SoapEnvelopes;
import jakarta.xml.bind.JAXBElement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The SOAP road as an NCP-B drives it: XCPD ITI-55 identifies the patient, XCA ITI-38 lists the Patient Summaries
 * and ePrescriptions (level 3 pivot CDA) and the original clinical documents (eHDSI OrCD: laboratory, discharge and
 * imaging reports), XCA ITI-39 retrieves each; every message signed anew. Reports the consent does not share are
 * withheld by the gateway (PartialSuccess), which is no refusal of the rest.
 *
 * <p>The XCA messages are written and read as the generated protocol model ({@link ProtocolModel}), as the gateway's
 * own endpoints do; the XCPD ones stay DOM, as there (the HL7 v3 model has no context in main, and building its
 * twenty nested types would say less than the message itself).
 */
@Component
@DemoEnabled
public class SoapDemoRoad {

    static final String HL7 = "urn:hl7-org:v3";

    private static final String XCPD = "XCPD ITI-55 patient discovery";
    private static final String XCA_QUERY = "XCA ITI-38 document query";
    private static final String XCA_RETRIEVE = "XCA ITI-39 document retrieve";
    /** The XDS classCodes asked for: Patient Summary, ePrescription and the OrCD reports (LOINC). */
    private static final String CLASS_CODES = "('60591-5^^2.16.840.1.113883.6.1','57833-6^^2.16.840.1.113883.6.1',"
            + "'11502-2^^2.16.840.1.113883.6.1','34105-7^^2.16.840.1.113883.6.1','18748-4^^2.16.840.1.113883.6.1')";

    private final DemoSigner signer;
    private final SelfEndpoint self;
    private final PivotCdaView view;
    private final OrcdView reports;

    public SoapDemoRoad(DemoSigner signer, SelfEndpoint self, PivotCdaView view, OrcdView reports) {
        this.signer = signer;
        this.self = self;
        this.view = view;
        this.reports = reports;
    }

    public DemoResult run(DemoRequest request) {
        List<ExchangeStep> steps = new ArrayList<>();

        SelfEndpoint.Answer discovery = post(request, "/services/xcpd", SoapEnvelopes.ACTION_XCPD,
                xcpdBody(request), false);
        Document xcpd = answerOf(discovery).map(MtomPackage::envelope).orElse(null);
        if (xcpd == null) {
            return refusedByFault(XCPD, discovery, steps);
        }
        String ack = DemoXml.first(xcpd, HL7, "acknowledgement").flatMap(a -> XmlTree.child(a, HL7, "typeCode"))
                .map(t -> t.getAttribute("code")).orElse("");
        Optional<Element> detail = DemoXml.first(xcpd, HL7, "acknowledgementDetail");
        Optional<Element> person = DemoXml.first(xcpd, HL7, "patientPerson");
        String verdict = detail.flatMap(d -> XmlTree.child(d, HL7, "code")).map(c -> c.getAttribute("code"))
                .orElse(ack);
        steps.add(new ExchangeStep(XCPD, "/services/xcpd", discovery.status(), verdict, discovery.millis()));
        if (!"AA".equals(ack) || person.isEmpty()) {
            String text = detail.flatMap(d -> XmlTree.child(d, HL7, "text")).map(DemoXml::text)
                    .orElse(DemoResult.NO_MATCH);
            return new DemoResult.Refused(XCPD, detail.isPresent() ? verdict : "ERROR_PI_NO_MATCH", text, steps);
        }
        String patientName = XmlTree.child(person.get(), HL7, "name").map(SoapDemoRoad::personName).orElse("");

        SelfEndpoint.Answer listing = post(request, "/services/xca", SoapEnvelopes.ACTION_XCA_QUERY,
                queryBody(request), true);
        MtomPackage listed = answerOf(listing).orElse(null);
        if (listed == null) {
            return refusedByFault(XCA_QUERY, listing, steps);
        }
        AdhocQueryResponse query = listed.read(QUERY, "AdhocQueryResponse", AdhocQueryResponse.class)
                .orElseGet(AdhocQueryResponse::new);
        List<ExtrinsicObjectType> entries = query.getRegistryObjectList() == null ? List.of()
                : query.getRegistryObjectList().getIdentifiable().stream().map(JAXBElement::getValue)
                        .filter(ExtrinsicObjectType.class::isInstance).map(ExtrinsicObjectType.class::cast).toList();
        List<ExtrinsicObjectType> levelThree = entries.stream().filter(SoapDemoRoad::isLevelThree).toList();
        List<ExtrinsicObjectType> originals = entries.stream().filter(SoapDemoRoad::isOriginalClinicalDocument)
                .toList();
        steps.add(new ExchangeStep(XCA_QUERY, "/services/xca", listing.status(),
                shortStatus(query.getStatus()) + ", " + levelThree.size() + " coded document(s), " + originals.size()
                        + " report(s)" + errorCodes(query), listing.millis()));
        if (levelThree.isEmpty() && originals.isEmpty() && firstError(query).isPresent()) {
            return registryRefusal(XCA_QUERY, firstError(query).get(), steps);
        }

        List<ShownDocument> documents = new ArrayList<>();
        List<ShownReport> shownReports = new ArrayList<>();
        for (ExtrinsicObjectType entry : Stream.concat(levelThree.stream(), originals.stream()).toList()) {
            SelfEndpoint.Answer retrieved = post(request, "/services/xca", SoapEnvelopes.ACTION_XCA_RETRIEVE,
                    retrieveBody(entry), true);
            MtomPackage answer = answerOf(retrieved).orElse(null);
            if (answer == null) {
                return refusedByFault(XCA_RETRIEVE, retrieved, steps);
            }
            RetrieveDocumentSetResponseType response = answer.read(XDS, "RetrieveDocumentSetResponse",
                    RetrieveDocumentSetResponseType.class).orElseGet(RetrieveDocumentSetResponseType::new);
            RegistryResponseType registry = Objects.requireNonNullElseGet(response.getRegistryResponse(),
                    RegistryResponseType::new);
            Optional<byte[]> pivot = response.getDocumentResponse().stream()
                    .map(RetrieveDocumentSetResponseType.DocumentResponse::getDocument).filter(Objects::nonNull)
                    .findFirst();
            steps.add(new ExchangeStep(XCA_RETRIEVE, "/services/xca", retrieved.status(),
                    shortStatus(registry.getStatus()), retrieved.millis()));
            if (pivot.isEmpty()) {
                return firstError(registry).map(e -> registryRefusal(XCA_RETRIEVE, e, steps))
                        .orElseGet(() -> new DemoResult.Refused(XCA_RETRIEVE, "ERROR_GENERIC",
                                "The retrieve answer carried no document.", steps));
            }
            if (originals.contains(entry)) {
                shownReports.add(reports.render(pivot.get(), List.of()));
            } else {
                documents.add(view.render(pivot.get(), request.language()));
            }
        }
        // The summary first, as a practitioner reads it; the query lists in the registry's order.
        documents.sort(Comparator.comparing(d -> !"Patient Summary".equals(d.kind())));
        return new DemoResult.Shown(patientName, documents, shownReports, steps);
    }

    /** Given names then family names, each part separated (the text of an HL7 PN runs them together). */
    private static String personName(Element name) {
        List<String> parts = new ArrayList<>();
        XmlTree.children(name, HL7, "given").forEach(given -> parts.add(DemoXml.text(given)));
        XmlTree.children(name, HL7, "family").forEach(family -> parts.add(DemoXml.text(family)));
        return String.join(" ", parts);
    }

    private SelfEndpoint.Answer post(DemoRequest request, String path, String action, Element body, boolean trc) {
        byte[] envelope = signer.envelope(request, action, body, trc);
        if (SoapEnvelopes.ACTION_XCA_RETRIEVE.equals(action)) {
            // IHE ITI TF-2b 3.39.5: a retrieve request is an MTOM/XOP package, which the gateway requires.
            MtomPackage.Request mtom = MtomPackage.request(action, envelope);
            return self.post(path, mtom.contentType(), mtom.body());
        }
        return self.post(path, "application/soap+xml; charset=UTF-8; action=\"" + action + "\"", envelope);
    }

    /** The answer split and parsed, or empty for a SOAP fault / no answer (the caller turns that into a refusal). */
    private static Optional<MtomPackage> answerOf(SelfEndpoint.Answer answer) {
        if (answer.status() == 0 || answer.body().length == 0) {
            return Optional.empty();
        }
        // MTOM endpoints may package any answer as multipart/related; the envelope is the root part.
        MtomPackage received = MtomPackage.of(answer.contentType(), answer.body());
        return received.fault().isPresent() ? Optional.empty() : Optional.of(received);
    }

    /** A SOAP fault (security refusals travel as faults) or a missing answer, as a refusal with its subcode. */
    private static DemoResult refusedByFault(String transaction, SelfEndpoint.Answer answer, List<ExchangeStep> steps) {
        if (answer.status() == 0 || answer.body().length == 0) {
            steps.add(new ExchangeStep(transaction, "-", answer.status(), "no answer", answer.millis()));
            return new DemoResult.Refused(transaction, "HTTP " + answer.status(), "The gateway did not answer.", steps);
        }
        Element fault = MtomPackage.of(answer.contentType(), answer.body()).fault().orElseThrow();
        List<Element> values = DemoXml.all(fault, SoapEnvelopes.SOAP12_NS, "Value");
        String code = values.isEmpty() ? "SOAP fault" : DemoXml.text(values.get(values.size() - 1));
        code = code.contains(":") ? code.substring(code.indexOf(':') + 1) : code;
        String reason = DemoXml.first(fault, SoapEnvelopes.SOAP12_NS, "Text").map(DemoXml::text).orElse("");
        steps.add(new ExchangeStep(transaction, "SOAP fault", answer.status(), code, answer.millis()));
        return new DemoResult.Refused(transaction, code, reason, steps);
    }

    private static Optional<RegistryError> firstError(RegistryResponseType response) {
        return Optional.ofNullable(response.getRegistryErrorList()).stream()
                .flatMap(list -> list.getRegistryError().stream()).findFirst();
    }

    /**
     * The codes of the RegistryErrors beside the answer (a class withheld by consent, a document not sent), as an NCP-B
     * reads them: the demo shows that part of the answer too.
     */
    private static String errorCodes(RegistryResponseType response) {
        List<String> codes = Optional.ofNullable(response.getRegistryErrorList()).stream()
                .flatMap(list -> list.getRegistryError().stream()).map(RegistryError::getErrorCode).toList();
        return codes.isEmpty() ? "" : "; RegistryError " + String.join(", ", codes);
    }

    private static DemoResult registryRefusal(String transaction, RegistryError error, List<ExchangeStep> steps) {
        return new DemoResult.Refused(transaction, error.getErrorCode(), error.getCodeContext(), steps);
    }

    private static String shortStatus(String status) {
        return status == null ? "" : status.substring(status.lastIndexOf(':') + 1);
    }

    /** An original clinical document: its XDS classCode is one of the eHDSI OrCD classes. */
    private static boolean isOriginalClinicalDocument(ExtrinsicObjectType entry) {
        return codes(entry, DOC_CLASS).anyMatch(OrcdView.KINDS::containsKey);
    }

    /** A level 3 entry: its XDS formatCode is an eHDSI coded format (level 1 is the PDF format). */
    private static boolean isLevelThree(ExtrinsicObjectType entry) {
        return codes(entry, DOC_FORMAT).anyMatch(code -> code.startsWith("urn:epSOS:"));
    }

    /** The codes an entry is classified by in one XDS scheme (its classCode, its formatCode). */
    private static Stream<String> codes(ExtrinsicObjectType entry, String scheme) {
        return entry.getClassification().stream().filter(c -> scheme.equals(c.getClassificationScheme()))
                .map(ClassificationType::getNodeRepresentation).filter(Objects::nonNull);
    }

    private Element xcpdBody(DemoRequest request) {
        String sender = request.practitioner().claims(request.country()).homeCommunityId().replace("urn:oid:", "");
        String now = Ts.format(java.time.Instant.now());
        Document document = DemoXml.parse(("<PRPA_IN201305UV02 xmlns=\"" + HL7 + "\" ITSVersion=\"XML_1.0\">"
                + "<id root=\"" + sender + "\" extension=\"" + UUID.randomUUID() + "\"/>"
                + "<creationTime value=\"" + now + "\"/>"
                + "<interactionId root=\"2.16.840.1.113883.1.6\" extension=\"PRPA_IN201305UV02\"/>"
                + "<processingCode code=\"P\"/><processingModeCode code=\"T\"/><acceptAckCode code=\"AL\"/>"
                + "<receiver typeCode=\"RCV\"><device classCode=\"DEV\" determinerCode=\"INSTANCE\">"
                + "<id root=\"1.2.250.1.213.4.1\"/></device></receiver>"
                + "<sender typeCode=\"SND\"><device classCode=\"DEV\" determinerCode=\"INSTANCE\"><id root=\"" + sender
                + "\"/><asAgent classCode=\"AGNT\"><representedOrganization classCode=\"ORG\" determinerCode=\"INSTANCE\">"
                + "<id root=\"" + sender + "\"/></representedOrganization></asAgent></device></sender>"
                + "<controlActProcess classCode=\"CACT\" moodCode=\"EVN\">"
                + "<code code=\"PRPA_TE201305UV02\" codeSystem=\"2.16.840.1.113883.1.6\"/>"
                + "<queryByParameter><queryId root=\"" + sender + "\" extension=\"" + UUID.randomUUID() + "\"/>"
                + "<statusCode code=\"new\"/><responseModalityCode code=\"R\"/><responsePriorityCode code=\"I\"/>"
                + "<parameterList><livingSubjectId><value root=\"" + request.patient().oid() + "\" extension=\""
                + request.patient().value() + "\"/><semanticsText>LivingSubject.id</semanticsText></livingSubjectId>"
                + "</parameterList></queryByParameter></controlActProcess></PRPA_IN201305UV02>")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return document.getDocumentElement();
    }

    /** ITI-38 FindDocuments: the approved Patient Summaries, ePrescriptions and OrCD reports of the patient. */
    private static Element queryBody(DemoRequest request) {
        AdhocQueryType query = new AdhocQueryType();
        query.setId(FIND_DOCUMENTS);
        for (String[] parameter : new String[][] {{"$XDSDocumentEntryPatientId", "'" + request.patientCx() + "'"},
                {"$XDSDocumentEntryStatus", "('" + APPROVED + "')"}, {"$XDSDocumentEntryClassCode", CLASS_CODES}}) {
            SlotType1 slot = new SlotType1();
            slot.setName(parameter[0]);
            slot.setValueList(new ValueListType());
            slot.getValueList().getValue().add(parameter[1]);
            query.getSlot().add(slot);
        }
        AdhocQueryRequest body = new AdhocQueryRequest();
        body.setResponseOption(new ResponseOptionType());
        body.getResponseOption().setReturnType("LeafClass");
        body.getResponseOption().setReturnComposedObjects(true);
        body.setAdhocQuery(query);
        return ProtocolModel.XDS.toDom(body);
    }

    /** ITI-39 for one listed entry, with the home and repository the listing gave. */
    private static Element retrieveBody(ExtrinsicObjectType entry) {
        var document = new RetrieveDocumentSetRequestType.DocumentRequest();
        document.setHomeCommunityId(entry.getHome());
        document.setRepositoryUniqueId(entry.getSlot().stream().filter(s -> "repositoryUniqueId".equals(s.getName()))
                .flatMap(s -> s.getValueList().getValue().stream()).findFirst().orElse(""));
        document.setDocumentUniqueId(entry.getExternalIdentifier().stream()
                .filter(e -> DOC_UNIQUE_ID.equals(e.getIdentificationScheme())).map(ExternalIdentifierType::getValue)
                .findFirst().orElse(""));
        RetrieveDocumentSetRequestType request = new RetrieveDocumentSetRequestType();
        request.getDocumentRequest().add(document);
        return ProtocolModel.XDS.toDom(new ObjectFactory().createRetrieveDocumentSetRequest(request));
    }
}
