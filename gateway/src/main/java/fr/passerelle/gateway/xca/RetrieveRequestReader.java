package fr.passerelle.gateway.xca;

import fr.passerelle.gateway.ihe.ProtocolModel;
import fr.passerelle.gateway.ihe.xds.RetrieveDocumentSetRequestType;
import fr.passerelle.gateway.soap.MalformedRequest;
import fr.passerelle.gateway.soap.ReadValues;
import java.util.List;
import org.w3c.dom.Element;

/** Reads an XDS.b {@code RetrieveDocumentSetRequest} into a {@link RetrieveRequest}. */
public final class RetrieveRequestReader {

    public RetrieveRequest read(Element request) {
        List<DocumentReference> references = ProtocolModel.XDS.fromDom(request, RetrieveDocumentSetRequestType.class,
                null).getDocumentRequest().stream().map(document -> new DocumentReference(
                        ReadValues.present(document.getHomeCommunityId())
                                .map(s -> s.startsWith("urn:oid:") ? s.substring(8) : s),
                        ReadValues.present(document.getRepositoryUniqueId())
                                .orElseThrow(() -> new MalformedRequest("DocumentRequest has no RepositoryUniqueId")),
                        ReadValues.present(document.getDocumentUniqueId())
                                .orElseThrow(() -> new MalformedRequest("DocumentRequest has no DocumentUniqueId"))))
                .toList();
        if (references.isEmpty()) {
            throw new MalformedRequest("RetrieveDocumentSetRequest has no DocumentRequest");
        }
        return new RetrieveRequest(references);
    }
}
