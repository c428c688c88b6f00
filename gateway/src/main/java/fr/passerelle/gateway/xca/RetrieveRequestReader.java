package fr.passerelle.gateway.xca;

import fr.passerelle.gateway.ihe.ProtocolModel;
import fr.passerelle.gateway.ihe.xds.RetrieveDocumentSetRequestType;
import fr.passerelle.gateway.soap.MalformedRequest;
import fr.passerelle.gateway.soap.RequestModel;
import java.util.List;
import org.w3c.dom.Element;

/** Reads an XDS.b {@code RetrieveDocumentSetRequest} into a {@link RetrieveRequest}. */
public final class RetrieveRequestReader {

    public RetrieveRequest read(Element request) {
        List<DocumentReference> references = RequestModel.read(ProtocolModel.XDS, request,
                RetrieveDocumentSetRequestType.class).getDocumentRequest().stream().map(document -> new DocumentReference(
                        RequestModel.present(document.getHomeCommunityId())
                                .map(s -> s.startsWith("urn:oid:") ? s.substring(8) : s),
                        RequestModel.present(document.getRepositoryUniqueId())
                                .orElseThrow(() -> new MalformedRequest("DocumentRequest has no RepositoryUniqueId")),
                        RequestModel.present(document.getDocumentUniqueId())
                                .orElseThrow(() -> new MalformedRequest("DocumentRequest has no DocumentUniqueId"))))
                .toList();
        if (references.isEmpty()) {
            throw new MalformedRequest("RetrieveDocumentSetRequest has no DocumentRequest");
        }
        return new RetrieveRequest(references);
    }
}
