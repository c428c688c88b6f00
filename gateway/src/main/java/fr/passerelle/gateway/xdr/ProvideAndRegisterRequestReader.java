package fr.passerelle.gateway.xdr;

import static fr.passerelle.gateway.ihe.XdsVocabulary.DOC_CLASS;
import static fr.passerelle.gateway.ihe.XdsVocabulary.DOC_FORMAT;
import static fr.passerelle.gateway.ihe.XdsVocabulary.DOC_PATIENT_ID;
import static fr.passerelle.gateway.ihe.XdsVocabulary.DOC_UNIQUE_ID;
import static fr.passerelle.gateway.ihe.XdsVocabulary.SET_PATIENT_ID;
import static fr.passerelle.gateway.ihe.XdsVocabulary.SET_UNIQUE_ID;
import static fr.passerelle.gateway.soap.Namespaces.LCM;
import static fr.passerelle.gateway.soap.Namespaces.RIM;
import static fr.passerelle.gateway.soap.Namespaces.XDS;
import static fr.passerelle.gateway.soap.Namespaces.XOP;

import fr.passerelle.gateway.soap.MalformedRequest;
import fr.passerelle.gateway.ihe.XmlTree;
import fr.passerelle.gateway.xca.XdsCode;
import fr.passerelle.gateway.xca.XdsPatientId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.w3c.dom.Element;

/** Reads an XDS.b {@code ProvideAndRegisterDocumentSetRequest} into a {@link DispensationSubmission}. */
public final class ProvideAndRegisterRequestReader {

    /**
     * @param attachments resolves an MTOM part by its Content-ID (without {@code cid:}), for documents sent as
     *                    {@code xop:Include} rather than inline base64
     */
    public DispensationSubmission read(Element request, Function<String, Optional<byte[]>> attachments) {
        Element objects = XmlTree.path(request, LCM, "SubmitObjectsRequest")
                .flatMap(submit -> XmlTree.child(submit, RIM, "RegistryObjectList"))
                .orElseThrow(() -> new MalformedRequest("The request has no SubmitObjectsRequest/RegistryObjectList"));
        Element submissionSet = XmlTree.child(objects, RIM, "RegistryPackage")
                .orElseThrow(() -> new MalformedRequest("The submission has no RegistryPackage (submission set)"));
        String submissionSetId = externalIdentifier(submissionSet, SET_UNIQUE_ID)
                .orElseThrow(() -> new MalformedRequest("The submission set has no XDSSubmissionSet.uniqueId"));
        XdsPatientId patientId = XdsPatientId.parse(externalIdentifier(submissionSet, SET_PATIENT_ID)
                .orElseThrow(() -> new MalformedRequest("The submission set has no XDSSubmissionSet.patientId")));

        Map<String, byte[]> contents = new HashMap<>();
        for (Element document : XmlTree.children(request, XDS, "Document")) {
            String id = XmlTree.attribute(document, "id")
                    .orElseThrow(() -> new MalformedRequest("An xds:Document has no id"));
            contents.put(id, content(document, attachments));
        }
        List<SubmittedDocument> documents = new ArrayList<>();
        for (Element entry : XmlTree.children(objects, RIM, "ExtrinsicObject")) {
            String entryUuid = XmlTree.attribute(entry, "id")
                    .orElseThrow(() -> new MalformedRequest("An ExtrinsicObject has no id"));
            String uniqueId = externalIdentifier(entry, DOC_UNIQUE_ID)
                    .orElseThrow(() -> new MalformedRequest("A DocumentEntry has no XDSDocumentEntry.uniqueId"));
            XdsPatientId entryPatient = XdsPatientId.parse(externalIdentifier(entry, DOC_PATIENT_ID)
                    .orElseThrow(() -> new MalformedRequest("A DocumentEntry has no XDSDocumentEntry.patientId")));
            if (!entryPatient.equals(patientId)) {
                throw new MalformedRequest("A DocumentEntry's patientId differs from the submission set's");
            }
            XdsCode classCode = classification(entry, DOC_CLASS)
                    .orElseThrow(() -> new MalformedRequest("A DocumentEntry has no classCode"));
            XdsCode formatCode = classification(entry, DOC_FORMAT)
                    .orElseThrow(() -> new MalformedRequest("A DocumentEntry has no formatCode"));
            byte[] content = Optional.ofNullable(contents.get(entryUuid))
                    .orElseThrow(() -> new MalformedRequest("A DocumentEntry has no xds:Document with its id"));
            documents.add(new SubmittedDocument(entryUuid, uniqueId,
                    XmlTree.attribute(entry, "mimeType").orElse("text/xml"), classCode, formatCode, content));
        }
        if (documents.isEmpty()) {
            throw new MalformedRequest("The submission has no DocumentEntry (ExtrinsicObject)");
        }
        return new DispensationSubmission(submissionSetId, patientId, documents);
    }

    private static byte[] content(Element document, Function<String, Optional<byte[]>> attachments) {
        Optional<Element> include = XmlTree.child(document, XOP, "Include");
        if (include.isPresent()) {
            String href = XmlTree.attribute(include.get(), "href")
                    .orElseThrow(() -> new MalformedRequest("xop:Include has no href"));
            String cid = java.net.URLDecoder.decode(href.startsWith("cid:") ? href.substring(4) : href,
                    java.nio.charset.StandardCharsets.UTF_8);
            return attachments.apply(cid)
                    .orElseThrow(() -> new MalformedRequest("xop:Include points to no MTOM part"));
        }
        try {
            return Base64.getMimeDecoder().decode(XmlTree.text(document));
        } catch (IllegalArgumentException e) {
            throw new MalformedRequest("An xds:Document is neither base64 nor an xop:Include");
        }
    }

    private static Optional<String> externalIdentifier(Element object, String scheme) {
        return XmlTree.children(object, RIM, "ExternalIdentifier").stream()
                .filter(id -> scheme.equals(id.getAttribute("identificationScheme")))
                .findFirst().flatMap(id -> XmlTree.attribute(id, "value"));
    }

    private static Optional<XdsCode> classification(Element object, String scheme) {
        return XmlTree.children(object, RIM, "Classification").stream()
                .filter(c -> scheme.equals(c.getAttribute("classificationScheme"))).findFirst()
                .flatMap(c -> XmlTree.attribute(c, "nodeRepresentation").map(code -> new XdsCode(code,
                        codingScheme(c).orElse(""),
                        XmlTree.path(c, RIM, "Name", "LocalizedString")
                                .flatMap(s -> XmlTree.attribute(s, "value")).orElse(code))));
    }

    private static Optional<String> codingScheme(Element classification) {
        return XmlTree.children(classification, RIM, "Slot").stream()
                .filter(slot -> "codingScheme".equals(slot.getAttribute("name"))).findFirst()
                .flatMap(slot -> XmlTree.path(slot, RIM, "ValueList", "Value")).map(XmlTree::text);
    }
}
