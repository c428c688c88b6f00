package fr.passerelle.gateway.fhir.crossborder;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import fr.passerelle.gateway.exchange.DocumentRetrieval;
import fr.passerelle.gateway.exchange.Rendering;
import fr.passerelle.gateway.exchange.RenderedDocument;
import fr.passerelle.gateway.exchange.RetrievalOutcome;
import fr.passerelle.gateway.exchange.RetrievalRequest;
import fr.passerelle.gateway.fhir.outcome.FhirRefusal;
import fr.passerelle.gateway.fhir.requester.RequesterInterceptor;
import java.util.Optional;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Reads of documents by id: {@code GET /Bundle/<id>} (the FHIR document: IPS of a Patient Summary, laboratory
 * report of a CR-BIO with structured results) and {@code GET /Binary/cda-<id>},
 * {@code /Binary/pdf-<id>} (eHDSI pivot CDA level 3 and level 1); {@code cda-<item id>} is one item of a multi-line
 * ePrescription ({@link FhirIds}), refused like an unknown document once dispensed, as on XCA. A document is
 * immutable under its id: version 1. An id that no document can have is 400 before anything is read.
 */
@Configuration(proxyBeanMethods = false)
public class DocumentReadProviders {

    @Bean
    BundleProvider fhirBundleProvider(DocumentRetrieval retrieval, SummaryEncodings encodings) {
        return new BundleProvider(retrieval, encodings);
    }

    @Bean
    BinaryProvider fhirBinaryProvider(DocumentRetrieval retrieval) {
        return new BinaryProvider(retrieval);
    }

    static RenderedDocument retrieve(DocumentRetrieval retrieval, String documentId, Rendering rendering,
                                     RequestDetails request) {
        checkDocumentId(documentId);
        return retrieved(retrieval.retrieve(RequesterInterceptor.callOf(request),
                new RetrievalRequest(FhirIds.uniqueIdOf(documentId), Optional.empty(), rendering,
                        Requests.language(request))));
    }

    private static void checkDocumentId(String documentId) {
        if (!FhirIds.isDocumentId(documentId)) {
            throw FhirRefusal.invalid("not a document id: an OID with '-' and the extension, and '-' and the "
                    + "position for a prescription item (at most 60 characters)");
        }
    }

    private static RenderedDocument retrieved(RetrievalOutcome outcome) {
        if (outcome instanceof RetrievalOutcome.Refused refused) {
            throw FhirRefusal.of(refused.refusal());
        }
        return ((RetrievalOutcome.Retrieved) outcome).document();
    }

    public static final class BundleProvider implements IResourceProvider {
        private final DocumentRetrieval retrieval;
        private final SummaryEncodings encodings;

        BundleProvider(DocumentRetrieval retrieval, SummaryEncodings encodings) {
            this.retrieval = retrieval;
            this.encodings = encodings;
        }

        @Override
        public Class<Bundle> getResourceType() {
            return Bundle.class;
        }

        /** The document's FHIR document: the IPS of a Patient Summary, the laboratory report of a CR-BIO. */
        @Read
        public Bundle read(@IdParam IdType id, RequestDetails request) {
            checkDocumentId(id.getIdPart());
            return encodings.bundle(retrieved(retrieval.retrieveFhirDocument(RequesterInterceptor.callOf(request),
                    FhirIds.uniqueIdOf(id.getIdPart()), Requests.language(request))));
        }
    }

    public static final class BinaryProvider implements IResourceProvider {
        private final DocumentRetrieval retrieval;

        BinaryProvider(DocumentRetrieval retrieval) {
            this.retrieval = retrieval;
        }

        @Override
        public Class<Binary> getResourceType() {
            return Binary.class;
        }

        @Read
        public Binary read(@IdParam IdType id, RequestDetails request) {
            String value = id.getIdPart();
            Rendering rendering = value.startsWith("cda-") ? Rendering.PIVOT_CDA
                    : value.startsWith("pdf-") ? Rendering.PIVOT_PDF : null;
            if (rendering == null) {
                throw FhirRefusal.invalid("a Binary id is cda-<document id>, cda-<prescription item id> or "
                        + "pdf-<document id>");
            }
            RenderedDocument document = retrieve(retrieval, value.substring(4), rendering, request);
            Binary binary = new Binary();
            binary.setId(new IdType("Binary", value, "1"));
            binary.setContentType("text/xml");
            binary.setData(document.content());
            return binary;
        }
    }
}
