package fr.passerelle.gateway.exchange;

import fr.passerelle.gateway.access.Requester;
import fr.passerelle.trust.VerifiedRequester;
import fr.passerelle.trust.assertion.PurposeOfUse;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One cross-border request as every use case sees it: who asks (already verified by {@code trust}), through which
 * NCP, and the correlation id that ties the audit record to the protocol message.
 *
 * @param requestingNcp  the requesting gateway: SOAP home community id, or the JWT/assertion issuer on FHIR
 * @param correlationId  SOAP MessageID or the HTTP X-Correlation-Id
 */
public record CrossBorderCall(VerifiedRequester requester, String requestingNcp, String correlationId) {

    public CrossBorderCall {
        Objects.requireNonNull(requester, "requester");
        requestingNcp = Objects.requireNonNullElse(requestingNcp, "");
        correlationId = Objects.requireNonNullElse(correlationId, "");
    }

    /** The requester in the access policy's words. */
    public Requester asAccessRequester() {
        return new Requester(requester.country(), requestingNcp, requester.practitionerId(), requester.roleCode(),
                requester.organisation());
    }

    public PurposeOfUse purpose() {
        return requester.purposeOfUse();
    }

    /** Ids of the assertions (or token) the request carried, for the audit trail. */
    public List<String> assertionIds() {
        List<String> ids = new ArrayList<>();
        ids.add(requester.hcpAssertionId());
        requester.trcAssertionId().ifPresent(ids::add);
        return List.copyOf(ids);
    }
}
