package fr.passerelle.gateway.fhir.requester;

import fr.passerelle.trust.RequestValidator;
import fr.passerelle.trust.TrustSettings;
import fr.passerelle.trust.replay.ReplayGuard;
import fr.passerelle.trust.trustlist.TrustList;
import java.time.Clock;

/**
 * What the FHIR road believes requesters with: the assertion validator, the trust list, the access table, and the
 * replay guard the validator records assertion ids in (bearer tokens are recorded in the same one).
 */
public record CrossBorderTrust(RequestValidator validator, TrustList trustList, TrustSettings settings,
                               ReplayGuard replayGuard, Clock clock) {
}
