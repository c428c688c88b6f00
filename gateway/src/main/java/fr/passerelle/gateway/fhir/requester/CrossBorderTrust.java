package fr.passerelle.gateway.fhir.requester;

import fr.passerelle.trust.RequestValidator;
import fr.passerelle.trust.TrustSettings;
import fr.passerelle.trust.trustlist.TrustList;
import java.time.Clock;

/** What the FHIR road believes requesters with: the assertion validator, the trust list, the access table. */
public record CrossBorderTrust(RequestValidator validator, TrustList trustList, TrustSettings settings, Clock clock) {
}
