package fr.passerelle.gateway.exchange;

import fr.passerelle.gateway.healthspace.FrenchPatient;

/** What a patient identification answers. */
public sealed interface IdentificationOutcome {

    /** Exactly one patient matches and the policy lets them be disclosed to this requester. */
    record Identified(FrenchPatient patient) implements IdentificationOutcome {
    }

    /**
     * Nobody matches — or the one person who does may not be disclosed to this requester (no consent, the
     * professional blocked, another patient than the TRC's): both get the same answer, so an identification never
     * tells a partner that someone exists whose data is not shared with them. The real reason is in the audit trail.
     */
    record NoMatch() implements IdentificationOutcome {
    }

    /**
     * The query cannot identify anyone under {@link IdentificationPolicy}: refused before any search, whoever exists.
     */
    record Insufficient(String reason) implements IdentificationOutcome {
    }

    /** Several match (French matching policy: never guess), or the health space cannot answer. */
    record Refused(ExchangeRefusal refusal) implements IdentificationOutcome {
    }
}
