package fr.passerelle.gateway.xca;

import fr.passerelle.gateway.ihe.BytePartMarshaller;
import fr.passerelle.gateway.ihe.ProtocolModel;
import fr.passerelle.gateway.ihe.ebxml.rs.RegistryResponseType;
import fr.passerelle.gateway.ihe.xds.ObjectFactory;
import fr.passerelle.gateway.ihe.xds.RetrieveDocumentSetResponseType;
import fr.passerelle.gateway.ihe.xds.RetrieveDocumentSetResponseType.DocumentResponse;
import fr.passerelle.gateway.soap.BusinessRefusal;
import fr.passerelle.gateway.soap.OutboundAttachment;
import fr.passerelle.gateway.soap.RegistryErrors;
import fr.passerelle.gateway.soap.RegistryStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.w3c.dom.Element;

/**
 * Writes the ITI-39 {@code RetrieveDocumentSetResponse} with the generated protocol model: status Success /
 * PartialSuccess / Failure, a {@code RegistryError} per document not returned (located at its uniqueId), and each
 * returned document as an MTOM part referenced by {@code xop:Include}.
 */
public final class RetrieveResponseWriter {

    private static final ObjectFactory XDS = new ObjectFactory();

    private final ProtocolModel model;

    /** Takes the model's context (built once, when the endpoint is). */
    public RetrieveResponseWriter(ProtocolModel model) {
        this.model = model;
    }

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
        RetrieveDocumentSetResponseType response = response(RegistryStatus.FAILURE,
                List.of(new RegistryErrors.Line(refusal, "")));
        return new RetrieveReply(model.toDom(XDS.createRetrieveDocumentSetResponse(response)), List.of());
    }

    private RetrieveReply retrieved(RetrieveOutcome.Retrieved retrieved) {
        RegistryStatus status = retrieved.failures().isEmpty() ? RegistryStatus.SUCCESS
                : retrieved.documents().isEmpty() ? RegistryStatus.FAILURE : RegistryStatus.PARTIAL_SUCCESS;
        RetrieveDocumentSetResponseType response = response(status, retrieved.failures().stream()
                .map(f -> new RegistryErrors.Line(f.refusal(), f.reference().documentUniqueId())).toList());
        MtomParts parts = new MtomParts();
        for (RetrievedDocument document : retrieved.documents()) {
            parts.documents.put(document.content(), document);
            response.withDocumentResponse(new DocumentResponse()
                    .withHomeCommunityId("urn:oid:" + document.homeCommunityId())
                    .withRepositoryUniqueId(document.reference().repositoryUniqueId())
                    .withDocumentUniqueId(document.reference().documentUniqueId()).withMimeType(document.mimeType())
                    .withDocument(document.content()));
        }
        Element body = model.toDom(XDS.createRetrieveDocumentSetResponse(response), parts);
        return new RetrieveReply(body, parts.written);
    }

    private static RetrieveDocumentSetResponseType response(RegistryStatus status, List<RegistryErrors.Line> errors) {
        return new RetrieveDocumentSetResponseType().withRegistryResponse(new RegistryResponseType()
                .withStatus(status.urn()).withRegistryErrorList(RegistryErrors.list(errors)));
    }

    /**
     * Takes each document's bytes out of the body as an MTOM part (never inline base64): the marshaller hands over
     * the very array set on the model, whole, so its document is found by identity.
     */
    private static final class MtomParts extends BytePartMarshaller {
        private final Map<byte[], RetrievedDocument> documents = new IdentityHashMap<>();
        private final List<OutboundAttachment> written = new ArrayList<>();

        @Override
        public String addMtomAttachment(byte[] data, int offset, int length, String mimeType, String namespace,
                                        String localName) {
            RetrievedDocument document = documents.get(data);
            if (document == null || offset != 0 || length != data.length) {
                throw new IllegalStateException("Only a retrieved document's bytes, whole, are sent as an MTOM part");
            }
            String contentId = UUID.randomUUID() + "@passerelle";
            written.add(new OutboundAttachment(contentId, document.mimeType(), data));
            return "cid:" + URLEncoder.encode(contentId, StandardCharsets.UTF_8);
        }
    }
}
