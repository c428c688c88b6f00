package fr.passerelle.gateway.healthspace.dmp;

import static fr.passerelle.gateway.ihe.XdsVocabulary.XDS;

import java.util.Base64;
import org.w3c.dom.Element;

/** ITI-43 Retrieve Document Set: the request for one document and the document read from the (MTOM) answer. */
final class RetrieveMessages {

    private RetrieveMessages() {
    }

    static Element request(String repositoryUniqueId, String documentUniqueId) {
        Element request = XmlTree.root(XDS, "xdsb:RetrieveDocumentSetRequest");
        Element document = XmlTree.add(request, XDS, "xdsb:DocumentRequest");
        XmlTree.add(document, XDS, "xdsb:RepositoryUniqueId", repositoryUniqueId);
        XmlTree.add(document, XDS, "xdsb:DocumentUniqueId", documentUniqueId);
        return request;
    }

    /** The bytes of the requested document: an MTOM part referenced by xop:Include, or inline base64. */
    static byte[] document(DmpAnswer answer, String documentUniqueId) {
        DmpOperation operation = DmpOperation.RETRIEVE_DOCUMENT;
        XdsAnswerStatus.of(answer.payload(), operation).requireSuccess(operation);
        Element response = XmlTree.children(answer.payload(), XDS, "DocumentResponse").stream()
                .filter(r -> XmlTree.child(r, XDS, "DocumentUniqueId")
                        .map(id -> id.getTextContent().trim().equals(documentUniqueId)).orElse(false))
                .findFirst()
                .orElseThrow(() -> new DmpFailure(DmpFailure.Kind.MALFORMED_RESPONSE, operation,
                        "the answer does not contain the requested document"));
        Element document = XmlTree.child(response, XDS, "Document").orElseThrow(() -> new DmpFailure(
                DmpFailure.Kind.MALFORMED_RESPONSE, operation, "DocumentResponse without Document"));
        var include = XmlTree.child(document, DmpSoapClient.XOP_NS, "Include");
        if (include.isPresent()) {
            String href = XmlTree.attribute(include.get(), "href");
            return answer.attachment(href == null ? "" : href).orElseThrow(() -> new DmpFailure(
                    DmpFailure.Kind.MALFORMED_RESPONSE, operation, "the MTOM part of the document is missing"));
        }
        try {
            return Base64.getMimeDecoder().decode(document.getTextContent().trim());
        } catch (IllegalArgumentException e) {
            throw new DmpFailure(DmpFailure.Kind.MALFORMED_RESPONSE, operation, "document is not base64", e);
        }
    }
}
