package fr.passerelle.gateway.healthspace.dmp;

import fr.passerelle.gateway.ihe.ProtocolModel;
import fr.passerelle.gateway.ihe.xds.ObjectFactory;
import fr.passerelle.gateway.ihe.xds.RetrieveDocumentSetRequestType;
import fr.passerelle.gateway.ihe.xds.RetrieveDocumentSetResponseType;
import fr.passerelle.gateway.ihe.xds.RetrieveDocumentSetResponseType.DocumentResponse;
import org.w3c.dom.Element;

/** ITI-43 Retrieve Document Set: the request for one document and the document read from the (MTOM) answer. */
final class RetrieveMessages {

    private RetrieveMessages() {
    }

    static Element request(String repositoryUniqueId, String documentUniqueId) {
        return ProtocolModel.XDS.toDom(new ObjectFactory().createRetrieveDocumentSetRequest(
                new RetrieveDocumentSetRequestType().withDocumentRequest(new RetrieveDocumentSetRequestType
                        .DocumentRequest().withRepositoryUniqueId(repositoryUniqueId)
                        .withDocumentUniqueId(documentUniqueId))));
    }

    /** The bytes of the requested document: an MTOM part referenced by xop:Include, or inline base64. */
    static byte[] document(DmpAnswer answer, String documentUniqueId) {
        DmpOperation operation = DmpOperation.RETRIEVE_DOCUMENT;
        RetrieveDocumentSetResponseType response = XdsModel.read(answer, RetrieveDocumentSetResponseType.class,
                operation);
        XdsAnswerStatus.of(response.getRegistryResponse(), operation).requireSuccess(operation);
        DocumentResponse document = response.getDocumentResponse().stream()
                .filter(r -> r.getDocumentUniqueId() != null && r.getDocumentUniqueId().trim().equals(documentUniqueId))
                .findFirst()
                .orElseThrow(() -> new DmpFailure(DmpFailure.Kind.MALFORMED_RESPONSE, operation,
                        "the answer does not contain the requested document"));
        if (document.getDocument() == null) {
            // CXF's attachment unmarshaller leaves the document null when its xop:Include names no part.
            throw new DmpFailure(DmpFailure.Kind.MALFORMED_RESPONSE, operation,
                    "DocumentResponse without Document, or without the MTOM part it names");
        }
        return document.getDocument();
    }
}
