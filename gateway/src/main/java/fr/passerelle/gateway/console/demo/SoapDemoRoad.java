package fr.passerelle.gateway.console.demo;

import static fr.passerelle.gateway.ihe.XdsVocabulary.APPROVED;
import static fr.passerelle.gateway.ihe.XdsVocabulary.DOC_CLASS;
import static fr.passerelle.gateway.ihe.XdsVocabulary.DOC_FORMAT;
import static fr.passerelle.gateway.ihe.XdsVocabulary.DOC_UNIQUE_ID;
import static fr.passerelle.gateway.ihe.XdsVocabulary.FIND_DOCUMENTS;
import static fr.passerelle.gateway.ihe.XdsVocabulary.QUERY;
import static fr.passerelle.gateway.ihe.XdsVocabulary.RIM;
import static fr.passerelle.gateway.ihe.XdsVocabulary.RS;
import static fr.passerelle.gateway.ihe.XdsVocabulary.XDS;
import static fr.passerelle.gateway.ihe.XdsVocabulary.XOP;

import fr.passerelle.trust.hl7.Ts;
import fr.passerelle.trust.issue.SoapEnvelopes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The SOAP road as an NCP-B drives it: XCPD ITI-55 identifies the patient, XCA ITI-38 lists the Patient Summaries
 * and ePrescriptions (level 3 pivot CDA) and the original clinical documents (eHDSI OrCD: laboratory, discharge and
 * imaging reports), XCA ITI-39 retrieves each; every message signed anew. Reports the consent does not share are
 * withheld by the gateway (PartialSuccess), which is no refusal of the rest.
 */
@Component
@DemoEnabled
public class SoapDemoRoad {

    static final String HL7 = "urn:hl7-org:v3";

    private static final String XCPD = "XCPD ITI-55 patient discovery";
    private static final String XCA_QUERY = "XCA ITI-38 document query";
    private static final String XCA_RETRIEVE = "XCA ITI-39 document retrieve";

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
        Document xcpd = envelopeOf(discovery).orElse(null);
        if (xcpd == null) {
            return refusedByFault(XCPD, discovery, steps);
        }
        String ack = DemoXml.first(xcpd, HL7, "acknowledgement").flatMap(a -> DemoXml.child(a, HL7, "typeCode"))
                .map(t -> t.getAttribute("code")).orElse("");
        Optional<Element> detail = DemoXml.first(xcpd, HL7, "acknowledgementDetail");
        Optional<Element> person = DemoXml.first(xcpd, HL7, "patientPerson");
        String verdict = detail.flatMap(d -> DemoXml.child(d, HL7, "code")).map(c -> c.getAttribute("code"))
                .orElse(ack);
        steps.add(new ExchangeStep(XCPD, "/services/xcpd", discovery.status(), verdict, discovery.millis()));
        if (!"AA".equals(ack) || person.isEmpty()) {
            String text = detail.flatMap(d -> DemoXml.child(d, HL7, "text")).map(DemoXml::text)
                    .orElse(DemoResult.NO_MATCH);
            return new DemoResult.Refused(XCPD, detail.isPresent() ? verdict : "ERROR_PI_NO_MATCH", text, steps);
        }
        String patientName = DemoXml.child(person.get(), HL7, "name").map(SoapDemoRoad::personName).orElse("");

        SelfEndpoint.Answer listing = post(request, "/services/xca", SoapEnvelopes.ACTION_XCA_QUERY,
                queryBody(request), true);
        Document query = envelopeOf(listing).orElse(null);
        if (query == null) {
            return refusedByFault(XCA_QUERY, listing, steps);
        }
        String status = DemoXml.first(query, QUERY, "AdhocQueryResponse").map(r -> r.getAttribute("status"))
                .orElse("");
        List<Element> levelThree = DemoXml.all(query, RIM, "ExtrinsicObject").stream()
                .filter(SoapDemoRoad::isLevelThree).toList();
        List<Element> originals = DemoXml.all(query, RIM, "ExtrinsicObject").stream()
                .filter(SoapDemoRoad::isOriginalClinicalDocument).toList();
        steps.add(new ExchangeStep(XCA_QUERY, "/services/xca", listing.status(),
                shortStatus(status) + ", " + levelThree.size() + " coded document(s), " + originals.size()
                        + " report(s)", listing.millis()));
        Optional<Element> queryError = DemoXml.first(query, RS, "RegistryError");
        if (levelThree.isEmpty() && originals.isEmpty() && queryError.isPresent()) {
            return registryRefusal(XCA_QUERY, queryError.get(), steps);
        }

        List<ShownDocument> documents = new ArrayList<>();
        List<ShownReport> shownReports = new ArrayList<>();
        List<Element> toRetrieve = new ArrayList<>(levelThree);
        toRetrieve.addAll(originals);
        for (Element entry : toRetrieve) {
            SelfEndpoint.Answer retrieved = post(request, "/services/xca", SoapEnvelopes.ACTION_XCA_RETRIEVE,
                    retrieveBody(entry), true);
            Document response = envelopeOf(retrieved).orElse(null);
            if (response == null) {
                return refusedByFault(XCA_RETRIEVE, retrieved, steps);
            }
            String retrieveStatus = DemoXml.first(response, RS, "RegistryResponse").map(r -> r.getAttribute("status"))
                    .orElse("");
            Optional<byte[]> pivot = DemoXml.first(response, XOP, "Include").map(i -> i.getAttribute("href"))
                    .flatMap(MtomPackage.of(retrieved.contentType(), retrieved.body())::attachment);
            steps.add(new ExchangeStep(XCA_RETRIEVE, "/services/xca", retrieved.status(), shortStatus(retrieveStatus),
                    retrieved.millis()));
            if (pivot.isEmpty()) {
                return DemoXml.first(response, RS, "RegistryError").map(e -> registryRefusal(XCA_RETRIEVE, e, steps))
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
        documents.sort(java.util.Comparator.comparing(d -> !"Patient Summary".equals(d.kind())));
        return new DemoResult.Shown(patientName, documents, shownReports, steps);
    }

    /** Given names then family names, each part separated (the text of an HL7 PN runs them together). */
    private static String personName(Element name) {
        List<String> parts = new ArrayList<>();
        DemoXml.children(name, HL7, "given").forEach(given -> parts.add(DemoXml.text(given)));
        DemoXml.children(name, HL7, "family").forEach(family -> parts.add(DemoXml.text(family)));
        return String.join(" ", parts);
    }

    private SelfEndpoint.Answer post(DemoRequest request, String path, String action, Element body, boolean trc) {
        String envelope = signer.envelope(request, action, body, trc);
        if (SoapEnvelopes.ACTION_XCA_RETRIEVE.equals(action)) {
            // IHE ITI TF-2b 3.39.5: a retrieve request is an MTOM/XOP package, which the gateway requires.
            return self.post(path, MtomPackage.requestContentType(action), MtomPackage.request(envelope));
        }
        return self.post(path, "application/soap+xml; charset=UTF-8; action=\"" + action + "\"", envelope);
    }

    /** The parsed envelope, or empty for a SOAP fault / no answer (the caller turns that into a refusal). */
    private static Optional<Document> envelopeOf(SelfEndpoint.Answer answer) {
        if (answer.status() == 0 || answer.body().length == 0) {
            return Optional.empty();
        }
        // MTOM endpoints may package any answer as multipart/related; the envelope is the root part.
        Document envelope = DemoXml.parse(MtomPackage.of(answer.contentType(), answer.body()).root());
        if (DemoXml.first(envelope, SoapEnvelopes.SOAP12_NS, "Fault").isPresent()) {
            return Optional.empty();
        }
        return Optional.of(envelope);
    }

    /** A SOAP fault (security refusals travel as faults) or a missing answer, as a refusal with its subcode. */
    private static DemoResult refusedByFault(String transaction, SelfEndpoint.Answer answer, List<ExchangeStep> steps) {
        if (answer.status() == 0 || answer.body().length == 0) {
            steps.add(new ExchangeStep(transaction, "-", answer.status(), "no answer", answer.millis()));
            return new DemoResult.Refused(transaction, "HTTP " + answer.status(), "The gateway did not answer.", steps);
        }
        MtomPackage mtom = MtomPackage.of(answer.contentType(), answer.body());
        Document envelope = DemoXml.parse(mtom.root());
        Element fault = DemoXml.first(envelope, SoapEnvelopes.SOAP12_NS, "Fault").orElseThrow();
        List<Element> values = DemoXml.all(fault, SoapEnvelopes.SOAP12_NS, "Value");
        String code = values.isEmpty() ? "SOAP fault" : DemoXml.text(values.get(values.size() - 1));
        code = code.contains(":") ? code.substring(code.indexOf(':') + 1) : code;
        String reason = DemoXml.first(fault, SoapEnvelopes.SOAP12_NS, "Text").map(DemoXml::text).orElse("");
        steps.add(new ExchangeStep(transaction, "SOAP fault", answer.status(), code, answer.millis()));
        return new DemoResult.Refused(transaction, code, reason, steps);
    }

    private static DemoResult registryRefusal(String transaction, Element error, List<ExchangeStep> steps) {
        return new DemoResult.Refused(transaction, error.getAttribute("errorCode"), error.getAttribute("codeContext"),
                steps);
    }

    private static String shortStatus(String status) {
        return status.contains(":") ? status.substring(status.lastIndexOf(':') + 1) : status;
    }

    /** An original clinical document: its XDS classCode is one of the eHDSI OrCD classes. */
    private static boolean isOriginalClinicalDocument(Element extrinsicObject) {
        return DemoXml.children(extrinsicObject, RIM, "Classification").stream()
                .anyMatch(c -> DOC_CLASS.equals(c.getAttribute("classificationScheme"))
                        && OrcdView.KINDS.containsKey(c.getAttribute("nodeRepresentation")));
    }

    /** A level 3 entry: its XDS formatCode is an eHDSI coded format (level 1 is the PDF format). */
    private static boolean isLevelThree(Element extrinsicObject) {
        return DemoXml.children(extrinsicObject, RIM, "Classification").stream()
                .anyMatch(c -> DOC_FORMAT.equals(c.getAttribute("classificationScheme"))
                        && c.getAttribute("nodeRepresentation").startsWith("urn:epSOS:"));
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

    private Element queryBody(DemoRequest request) {
        Document document = DemoXml.parse(("<query:AdhocQueryRequest xmlns:query=\"" + QUERY + "\" xmlns=\"" + RIM
                + "\"><query:ResponseOption returnComposedObjects=\"true\" returnType=\"LeafClass\"/>"
                + "<AdhocQuery id=\"" + FIND_DOCUMENTS + "\">"
                + "<Slot name=\"$XDSDocumentEntryPatientId\"><ValueList><Value>'"
                + request.patientCx().replace("&", "&amp;") + "'</Value></ValueList></Slot>"
                + "<Slot name=\"$XDSDocumentEntryStatus\"><ValueList>"
                + "<Value>('" + APPROVED + "')</Value></ValueList></Slot>"
                + "<Slot name=\"$XDSDocumentEntryClassCode\"><ValueList><Value>('60591-5^^2.16.840.1.113883.6.1',"
                + "'57833-6^^2.16.840.1.113883.6.1','11502-2^^2.16.840.1.113883.6.1','34105-7^^2.16.840.1.113883.6.1',"
                + "'18748-4^^2.16.840.1.113883.6.1')</Value></ValueList></Slot></AdhocQuery>"
                + "</query:AdhocQueryRequest>").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return document.getDocumentElement();
    }

    /** ITI-39 for one listed entry, with the home and repository the listing gave (built as DOM: no escaping issue). */
    private static Element retrieveBody(Element entry) {
        String home = entry.getAttribute("home");
        String repository = DemoXml.children(entry, RIM, "Slot").stream()
                .filter(s -> "repositoryUniqueId".equals(s.getAttribute("name")))
                .flatMap(s -> DemoXml.all(s, RIM, "Value").stream()).map(DemoXml::text).findFirst().orElse("");
        String uniqueId = DemoXml.children(entry, RIM, "ExternalIdentifier").stream()
                .filter(e -> DOC_UNIQUE_ID.equals(e.getAttribute("identificationScheme")))
                .map(e -> e.getAttribute("value")).findFirst().orElse("");
        Document document = SoapEnvelopes.newDocument();
        Element request = document.createElementNS(XDS, "RetrieveDocumentSetRequest");
        document.appendChild(request);
        Element documentRequest = document.createElementNS(XDS, "DocumentRequest");
        request.appendChild(documentRequest);
        for (String[] field : new String[][] {{"HomeCommunityId", home}, {"RepositoryUniqueId", repository},
                {"DocumentUniqueId", uniqueId}}) {
            Element element = document.createElementNS(XDS, field[0]);
            element.setTextContent(field[1]);
            documentRequest.appendChild(element);
        }
        return request;
    }
}
