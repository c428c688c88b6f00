package fr.passerelle.gateway.access;

import fr.passerelle.gateway.consent.ConsentStatus;
import fr.passerelle.gateway.consent.ConsentTerms;
import fr.passerelle.gateway.consent.ConsentVersion;
import fr.passerelle.gateway.consent.DefaultConsent;
import fr.passerelle.gateway.ehdsi.ExchangeError;
import fr.passerelle.gateway.healthspace.DocumentKind;
import fr.passerelle.gateway.healthspace.PatientControls;
import fr.passerelle.trust.assertion.PurposeOfUse;
import java.time.Instant;
import java.util.Optional;

/**
 * The rules, in the order they apply, as one pure function: the patient's controls in the French health space
 * first (a blocked professional, an opposition to emergency access), then the cross-border consent. Identification
 * needs consent too: answering it tells a foreign country the patient exists in the French health space. What the
 * requester's own role, permission and purpose allow is checked before, by {@code trust.AccessRules}.
 */
public final class PatientRules {

    private final DefaultConsent defaultConsent;

    public PatientRules(DefaultConsent defaultConsent) {
        this.defaultConsent = defaultConsent;
    }

    public AccessDecision decide(AccessRequest request, Optional<ConsentVersion> consent, PatientControls controls,
                                 Instant now) {
        if (controls.blocks(request.requester().professionalId())) {
            return refused(DecidingRule.PROFESSIONAL_BLOCKED, ExchangeError.ERROR_INSUFFICIENT_RIGHTS);
        }
        boolean emergency = request.purpose() == PurposeOfUse.EMERGENCY;
        if (emergency && controls.opposesEmergencyAccess()) {
            return refused(DecidingRule.EMERGENCY_ACCESS_OPPOSED, ExchangeError.ERROR_INSUFFICIENT_RIGHTS);
        }
        boolean maskedVisible = emergency && controls.maskedVisibleInEmergency();
        if (consent.isEmpty()) {
            if (defaultConsent != DefaultConsent.ALL_PARTICIPATING_COUNTRIES) {
                return refused(DecidingRule.NO_CONSENT, ExchangeError.ERROR_NO_CONSENT);
            }
            return request.documents().stream().allMatch(defaultConsent::covers)
                    ? new AccessDecision.Granted(DecidingRule.DEFAULT_ALLOWS, maskedVisible)
                    : refused(DecidingRule.DOCUMENTS_NOT_AUTHORISED, ExchangeError.ERROR_NO_CONSENT);
        }
        ConsentVersion current = consent.get();
        if (current.status() == ConsentStatus.REVOKED) {
            return refused(DecidingRule.CONSENT_REVOKED, ExchangeError.ERROR_NO_CONSENT);
        }
        ConsentTerms terms = current.terms().orElseThrow();
        if (terms.expiredAt(now)) {
            return refused(DecidingRule.CONSENT_EXPIRED, ExchangeError.ERROR_NO_CONSENT);
        }
        if (!terms.countries().covers(request.requester().country())) {
            return refused(DecidingRule.COUNTRY_NOT_AUTHORISED, ExchangeError.ERROR_NO_CONSENT);
        }
        for (DocumentKind kind : request.documents()) {
            if (!terms.covers(request.requester().country(), kind)) {
                return refused(DecidingRule.DOCUMENTS_NOT_AUTHORISED, ExchangeError.ERROR_NO_CONSENT);
            }
        }
        return new AccessDecision.Granted(DecidingRule.CONSENT_COVERS_REQUEST, maskedVisible);
    }

    private static AccessDecision refused(DecidingRule rule, ExchangeError error) {
        return new AccessDecision.Refused(rule, error);
    }
}
