package fr.passerelle.gateway.exchange;

import fr.passerelle.gateway.healthspace.FrenchPatient;

/** What a patient identification answers. */
public sealed interface IdentificationOutcome {

    /** Exactly one patient matches and the policy lets them be disclosed to this requester. */
    record Identified(FrenchPatient patient) implements IdentificationOutcome {
    }

    /** Nobody matches. */
    record NoMatch() implements IdentificationOutcome {
    }

    /** Several match (French matching policy: never guess), or the policy refuses. */
    record Refused(ExchangeRefusal refusal) implements IdentificationOutcome {
    }
}
