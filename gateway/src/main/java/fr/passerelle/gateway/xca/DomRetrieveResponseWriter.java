package fr.passerelle.gateway.xca;

import static fr.passerelle.gateway.soap.Namespaces.RS;
import static fr.passerelle.gateway.soap.Namespaces.XDS;
import static fr.passerelle.gateway.soap.Namespaces.XOP;

import fr.passerelle.gateway.soap.BusinessRefusal;
import fr.passerelle.gateway.soap.OutboundAttachment;
import fr.passerelle.gateway.soap.RegistryErrors;
import fr.passerelle.gateway.soap.RegistryStatus;
import fr.passerelle.gateway.soap.XmlTree;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes the ITI-39 {@code RetrieveDocumentSetResponse}: status Success / PartialSuccess / Failure, a
 * {@code RegistryError} per document not returned (located at its uniqueId), and each returned document as an
 * MTOM part referenced by {@code xop:Include}.
 */
final class DomRetrieveResponseWriter {

    public RetrieveReply write(RetrieveOutcome outcome) {
        if (outcome instanceof RetrieveOutcome.Retrieved retrieved) {
            return retrieved(retrieved);
        }
        if (outcome instanceof RetrieveOutcome.Refused refused) {
            return refused(refused.refusal());
        }
        throw new IllegalArgumentException("An untrusted request is answered with a SOAP fault, not a message");
    }

    public RetrieveReply refused(BusinessRefusal refusal) {
        Element response = root();
        Element registry = registryResponse(response, RegistryStatus.FAILURE);
        RegistryErrors.append(registry, List.of(new RegistryErrors.Line(refusal, "")));
        return new RetrieveReply(response, List.of());
    }

    private RetrieveReply retrieved(RetrieveOutcome.Retrieved retrieved) {
        RegistryStatus status = retrieved.failures().isEmpty() ? RegistryStatus.SUCCESS
                : retrieved.documents().isEmpty() ? RegistryStatus.FAILURE : RegistryStatus.PARTIAL_SUCCESS;
        Element response = root();
        Element registry = registryResponse(response, status);
        RegistryErrors.append(registry, retrieved.failures().stream()
                .map(f -> new RegistryErrors.Line(f.refusal(), f.reference().documentUniqueId())).toList());
        List<OutboundAttachment> parts = new ArrayList<>();
        for (RetrievedDocument document : retrieved.documents()) {
            Element entry = XmlTree.append(response, XDS, "xds:DocumentResponse");
            XmlTree.append(entry, XDS, "xds:HomeCommunityId").setTextContent("urn:oid:" + document.homeCommunityId());
            XmlTree.append(entry, XDS, "xds:RepositoryUniqueId")
                    .setTextContent(document.reference().repositoryUniqueId());
            XmlTree.append(entry, XDS, "xds:DocumentUniqueId").setTextContent(document.reference().documentUniqueId());
            XmlTree.append(entry, XDS, "xds:mimeType").setTextContent(document.mimeType());
            String contentId = UUID.randomUUID() + "@passerelle";
            Element include = XmlTree.append(XmlTree.append(entry, XDS, "xds:Document"), XOP, "xop:Include");
            include.setAttribute("href", "cid:" + URLEncoder.encode(contentId, StandardCharsets.UTF_8));
            parts.add(new OutboundAttachment(contentId, document.mimeType(), document.content()));
        }
        return new RetrieveReply(response, parts);
    }

    private static Element root() {
        Document document = XmlTree.newDocument();
        Element response = document.createElementNS(XDS, "xds:RetrieveDocumentSetResponse");
        response.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:xds", XDS);
        response.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:rs", RS);
        response.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:xop", XOP);
        document.appendChild(response);
        return response;
    }

    private static Element registryResponse(Element response, RegistryStatus status) {
        Element registry = XmlTree.append(response, RS, "rs:RegistryResponse");
        registry.setAttribute("status", status.urn());
        return registry;
    }
}
