package fr.passerelle.gateway.xca;

import fr.passerelle.gateway.ihe.ProtocolModel;
import fr.passerelle.gateway.ihe.ebxml.rs.RegistryResponseType;
import fr.passerelle.gateway.ihe.xds.ObjectFactory;
import fr.passerelle.gateway.ihe.xds.RetrieveDocumentSetResponseType;
import fr.passerelle.gateway.soap.BusinessRefusal;
import fr.passerelle.gateway.soap.OutboundAttachment;
import fr.passerelle.gateway.soap.BeforeRegistryErrors;
import fr.passerelle.gateway.soap.RegistryStatus;
import jakarta.activation.DataHandler;
import jakarta.xml.bind.attachment.AttachmentMarshaller;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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
public final class BeforeRetrieveResponseWriter {

    private static final ObjectFactory XDS = new ObjectFactory();

    private final ProtocolModel model;

    /** Takes the model's context (built once, when the endpoint is). */
    public BeforeRetrieveResponseWriter(ProtocolModel model) {
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
                List.of(new BeforeRegistryErrors.Line(refusal, "")));
        return new RetrieveReply(model.toDom(XDS.createRetrieveDocumentSetResponse(response)), List.of());
    }

    private RetrieveReply retrieved(RetrieveOutcome.Retrieved retrieved) {
        RegistryStatus status = retrieved.failures().isEmpty() ? RegistryStatus.SUCCESS
                : retrieved.documents().isEmpty() ? RegistryStatus.FAILURE : RegistryStatus.PARTIAL_SUCCESS;
        RetrieveDocumentSetResponseType response = response(status, retrieved.failures().stream()
                .map(f -> new BeforeRegistryErrors.Line(f.refusal(), f.reference().documentUniqueId())).toList());
        MtomParts parts = new MtomParts();
        for (RetrievedDocument document : retrieved.documents()) {
            RetrieveDocumentSetResponseType.DocumentResponse entry = new RetrieveDocumentSetResponseType.DocumentResponse();
            entry.setHomeCommunityId("urn:oid:" + document.homeCommunityId());
            entry.setRepositoryUniqueId(document.reference().repositoryUniqueId());
            entry.setDocumentUniqueId(document.reference().documentUniqueId());
            entry.setMimeType(document.mimeType());
            entry.setDocument(document.content());
            parts.expect(document);
            response.getDocumentResponse().add(entry);
        }
        Element body = model.toDom(XDS.createRetrieveDocumentSetResponse(response), parts);
        return new RetrieveReply(body, parts.written);
    }

    private static RetrieveDocumentSetResponseType response(RegistryStatus status, List<BeforeRegistryErrors.Line> errors) {
        RegistryResponseType registry = new RegistryResponseType();
        registry.setStatus(status.urn());
        registry.setRegistryErrorList(BeforeRegistryErrors.list(errors));
        RetrieveDocumentSetResponseType response = new RetrieveDocumentSetResponseType();
        response.setRegistryResponse(registry);
        return response;
    }

    /**
     * Takes each document's bytes out of the body as an MTOM part (never inline base64): the marshaller hands over
     * the very array set on the model, so its media type is found by identity.
     */
    private static final class MtomParts extends AttachmentMarshaller {
        private final Map<byte[], String> mimeTypes = new IdentityHashMap<>();
        private final List<OutboundAttachment> written = new ArrayList<>();

        void expect(RetrievedDocument document) {
            mimeTypes.put(document.content(), document.mimeType());
        }

        @Override
        public boolean isXOPPackage() {
            return true;
        }

        @Override
        public String addMtomAttachment(byte[] data, int offset, int length, String mimeType, String namespace,
                                        String localName) {
            String documentType = mimeTypes.get(data);
            if (documentType == null) {
                throw new IllegalStateException("Only a retrieved document's bytes are sent as an MTOM part");
            }
            String contentId = UUID.randomUUID() + "@passerelle";
            byte[] content = offset == 0 && length == data.length ? data : Arrays.copyOfRange(data, offset,
                    offset + length);
            written.add(new OutboundAttachment(contentId, documentType, content));
            return "cid:" + URLEncoder.encode(contentId, StandardCharsets.UTF_8);
        }

        @Override
        public String addMtomAttachment(DataHandler data, String namespace, String localName) {
            throw new IllegalStateException("The retrieve model carries documents as bytes");
        }

        @Override
        public String addSwaRefAttachment(DataHandler data) {
            throw new IllegalStateException("The retrieve model carries documents as bytes");
        }
    }
}
