package fr.passerelle.gateway.xca;

import static fr.passerelle.gateway.soap.Namespaces.XDS;

import fr.passerelle.gateway.soap.MalformedRequest;
import fr.passerelle.gateway.soap.XmlTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/** Reads an XDS.b {@code RetrieveDocumentSetRequest} into a {@link RetrieveRequest}. */
public final class RetrieveRequestReader {

    public RetrieveRequest read(Element request) {
        List<DocumentReference> references = new ArrayList<>();
        for (Element document : XmlTree.children(request, XDS, "DocumentRequest")) {
            Optional<String> community = XmlTree.child(document, XDS, "HomeCommunityId").map(XmlTree::text)
                    .filter(s -> !s.isEmpty()).map(s -> s.startsWith("urn:oid:") ? s.substring(8) : s);
            String repository = XmlTree.child(document, XDS, "RepositoryUniqueId").map(XmlTree::text)
                    .filter(s -> !s.isEmpty())
                    .orElseThrow(() -> new MalformedRequest("DocumentRequest has no RepositoryUniqueId"));
            String uniqueId = XmlTree.child(document, XDS, "DocumentUniqueId").map(XmlTree::text)
                    .filter(s -> !s.isEmpty())
                    .orElseThrow(() -> new MalformedRequest("DocumentRequest has no DocumentUniqueId"));
            references.add(new DocumentReference(community, repository, uniqueId));
        }
        if (references.isEmpty()) {
            throw new MalformedRequest("RetrieveDocumentSetRequest has no DocumentRequest");
        }
        return new RetrieveRequest(references);
    }
}
