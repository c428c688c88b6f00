package fr.passerelle.gateway.access;

import fr.passerelle.gateway.consent.ConsentProperties;
import fr.passerelle.gateway.consent.ConsentStore;
import fr.passerelle.gateway.healthspace.PatientControls;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * The one access decision of both roads. The road passes the patient's controls it read from the national health
 * space (it talks to the health space anyway); the consent is read here, fresh from the database every time.
 */
@Component
public class AccessPolicy {

    private final ConsentStore consents;
    private final PatientRules rules;
    private final Clock clock;

    public AccessPolicy(ConsentStore consents, ConsentProperties properties, Clock clock) {
        this.consents = consents;
        this.rules = new PatientRules(properties.defaultAccess());
        this.clock = clock;
    }

    public AccessDecision decide(AccessRequest request, PatientControls controls) {
        return rules.decide(request, consents.current(request.patient()), controls, clock.instant());
    }
}
