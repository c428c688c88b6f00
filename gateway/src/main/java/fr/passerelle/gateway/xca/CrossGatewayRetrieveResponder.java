package fr.passerelle.gateway.xca;

import fr.passerelle.gateway.exchange.CrossBorderCall;
import fr.passerelle.gateway.exchange.DocumentRetrieval;
import fr.passerelle.gateway.exchange.RetrievalOutcome;
import fr.passerelle.gateway.exchange.RetrievalRequest;
import fr.passerelle.gateway.soap.BusinessRefusal;
import fr.passerelle.gateway.ehdsi.ExchangeError;
import fr.passerelle.gateway.soap.RequestSecurity;
import fr.passerelle.gateway.soap.SoapProperties;
import fr.passerelle.gateway.soap.XuaServiceProvider;
import fr.passerelle.trust.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The XCA retrieve road: trust once for the request, then the exchange's retrieval per document (health space →
 * TRC patient = document's patient → access policy → masked filter → translation, cached → audit). Documents of
 * another community or repository are reported missing; each failure is reported at its uniqueId.
 */
@Component
public class CrossGatewayRetrieveResponder implements DocumentRetrieveRoad {

    private final XuaServiceProvider trust;
    private final DocumentRetrieval retrieval;
    private final SoapProperties properties;

    public CrossGatewayRetrieveResponder(XuaServiceProvider trust, DocumentRetrieval retrieval, SoapProperties properties) {
        this.trust = trust;
        this.retrieval = retrieval;
        this.properties = properties;
    }

    @Override
    public RetrieveOutcome respond(RequestSecurity security, RetrieveRequest request) {
        return trust.check(security, Transaction.XCA_RETRIEVE, Optional.empty())
                .fold(RetrieveOutcome.Untrusted::new, RetrieveOutcome.Refused::new, call -> retrieve(call, request));
    }

    private RetrieveOutcome retrieve(CrossBorderCall call, RetrieveRequest request) {
        List<RetrievedDocument> documents = new ArrayList<>();
        List<DocumentFailure> failures = new ArrayList<>();
        for (DocumentReference reference : request.documents()) {
            if (!ours(reference)) {
                failures.add(new DocumentFailure(reference, new BusinessRefusal(
                        ExchangeError.ERROR_GENERIC_DOCUMENT_MISSING, "Unknown home community or repository")));
                continue;
            }
            PivotDocumentId id = PivotDocumentId.parse(reference.documentUniqueId());
            RetrievalOutcome outcome = retrieval.retrieve(call,
                    new RetrievalRequest(id.frenchUniqueId(), Optional.empty(), id.rendering(), Optional.empty()));
            if (outcome instanceof RetrievalOutcome.Retrieved retrieved) {
                documents.add(new RetrievedDocument(reference, properties.homeCommunityId(), "text/xml",
                        retrieved.document().content()));
            } else {
                failures.add(new DocumentFailure(reference,
                        XuaServiceProvider.refusalOf(((RetrievalOutcome.Refused) outcome).refusal())));
            }
        }
        return new RetrieveOutcome.Retrieved(documents, failures);
    }

    private boolean ours(DocumentReference reference) {
        return reference.homeCommunityId().map(properties.homeCommunityId()::equals).orElse(true)
                && properties.homeCommunityId().equals(reference.repositoryUniqueId());
    }
}
