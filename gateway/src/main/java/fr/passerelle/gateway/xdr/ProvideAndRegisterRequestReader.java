package fr.passerelle.gateway.xdr;

import static fr.passerelle.gateway.soap.Namespaces.LCM;
import static fr.passerelle.gateway.soap.Namespaces.RIM;
import static fr.passerelle.gateway.soap.Namespaces.XDS;
import static fr.passerelle.gateway.soap.Namespaces.XOP;

import fr.passerelle.gateway.soap.MalformedRequest;
import fr.passerelle.gateway.soap.XmlTree;
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

    static final String CLASS_CODE = "urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a";
    static final String FORMAT_CODE = "urn:uuid:a09d5840-386c-46f2-b5ad-9c3699a4309d";
    static final String ENTRY_PATIENT_ID = "urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427";
    static final String ENTRY_UNIQUE_ID = "urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab";
    static final String SUBMISSION_SET_UNIQUE_ID = "urn:uuid:96fdda7c-d067-4183-912e-bf5ee74998a8";
    static final String SUBMISSION_SET_PATIENT_ID = "urn:uuid:6b5aea1a-874d-4603-a4bc-96a0a7b38446";

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
        String submissionSetId = externalIdentifier(submissionSet, SUBMISSION_SET_UNIQUE_ID)
                .orElseThrow(() -> new MalformedRequest("The submission set has no XDSSubmissionSet.uniqueId"));
        XdsPatientId patientId = XdsPatientId.parse(externalIdentifier(submissionSet, SUBMISSION_SET_PATIENT_ID)
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
            String uniqueId = externalIdentifier(entry, ENTRY_UNIQUE_ID)
                    .orElseThrow(() -> new MalformedRequest("A DocumentEntry has no XDSDocumentEntry.uniqueId"));
            XdsPatientId entryPatient = XdsPatientId.parse(externalIdentifier(entry, ENTRY_PATIENT_ID)
                    .orElseThrow(() -> new MalformedRequest("A DocumentEntry has no XDSDocumentEntry.patientId")));
            if (!entryPatient.equals(patientId)) {
                throw new MalformedRequest("A DocumentEntry's patientId differs from the submission set's");
            }
            XdsCode classCode = classification(entry, CLASS_CODE)
                    .orElseThrow(() -> new MalformedRequest("A DocumentEntry has no classCode"));
            XdsCode formatCode = classification(entry, FORMAT_CODE)
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
