package fr.passerelle.gateway.xca;

import fr.passerelle.gateway.exchange.CrossBorderCall;
import fr.passerelle.gateway.exchange.DocumentRetrieval;
import fr.passerelle.gateway.exchange.RetrievalOutcome;
import fr.passerelle.gateway.exchange.RetrievalRequest;
import fr.passerelle.gateway.partner.Leniency;
import fr.passerelle.gateway.partner.PartnerConformance;
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
 * TRC patient = document's patient → access policy → masked filter → translation, cached → audit). A document
 * request without HomeCommunityId is refused {@code XDSMissingHomeCommunityId}, one of another community
 * {@code XDSUnknownCommunity}, one of another repository {@code XDSUnknownRepositoryId} (ITI TF-2b 3.39.4.1.3);
 * each failure at its uniqueId.
 */
@Component
public class CrossGatewayRetrieveResponder implements DocumentRetrieveRoad {

    private final XuaServiceProvider trust;
    private final DocumentRetrieval retrieval;
    private final SoapProperties properties;
    private final PartnerConformance partners;

    public CrossGatewayRetrieveResponder(XuaServiceProvider trust, DocumentRetrieval retrieval,
                                         SoapProperties properties, PartnerConformance partners) {
        this.trust = trust;
        this.retrieval = retrieval;
        this.properties = properties;
        this.partners = partners;
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
            Optional<BusinessRefusal> misaddressed = misaddressed(call, reference);
            if (misaddressed.isPresent()) {
                failures.add(new DocumentFailure(reference, misaddressed.get()));
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

    /**
     * A DocumentRequest not addressed to France: without HomeCommunityId (ITI TF-2b 3.39.4.1.2 requires it; taken as
     * France's only from a country granted the leniency), of another community, or of another repository.
     */
    private Optional<BusinessRefusal> misaddressed(CrossBorderCall call, DocumentReference reference) {
        if (reference.homeCommunityId().isEmpty()
                && !partners.tolerates(call.requester().country(), Leniency.RETRIEVE_WITHOUT_HOME_COMMUNITY_ID)) {
            return Optional.of(new BusinessRefusal(ExchangeError.XDS_MISSING_HOME_COMMUNITY_ID,
                    "DocumentRequest has no HomeCommunityId; France's is urn:oid:" + properties.homeCommunityId()));
        }
        if (reference.homeCommunityId().filter(community -> !community.equals(properties.homeCommunityId()))
                .isPresent()) {
            return Optional.of(new BusinessRefusal(ExchangeError.XDS_UNKNOWN_COMMUNITY,
                    "This responding gateway answers for urn:oid:" + properties.homeCommunityId() + " only"));
        }
        if (!properties.homeCommunityId().equals(reference.repositoryUniqueId())) {
            return Optional.of(new BusinessRefusal(ExchangeError.XDS_UNKNOWN_REPOSITORY_ID,
                    "France's only repository is " + properties.homeCommunityId()));
        }
        return Optional.empty();
    }
}
