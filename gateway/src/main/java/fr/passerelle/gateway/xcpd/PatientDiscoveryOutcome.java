package fr.passerelle.gateway.xcpd;

import fr.passerelle.gateway.soap.BusinessRefusal;
import fr.passerelle.gateway.soap.SecurityRefusal;

/** What the road answers to a patient discovery. */
public sealed interface PatientDiscoveryOutcome {

    /** Exactly one patient matches and may be disclosed. */
    record Identified(IdentifiedPatient patient) implements PatientDiscoveryOutcome {
    }

    /** Nobody matches (ERROR_PI_NO_MATCH, queryResponseCode NF). */
    record NoMatch() implements PatientDiscoveryOutcome {
    }

    /** A business refusal: several matches, no consent, insufficient rights… (queryResponseCode AE). */
    record Refused(BusinessRefusal refusal) implements PatientDiscoveryOutcome {
    }

    /** Trust did not believe the requester: a SOAP fault, nothing else is said. */
    record Untrusted(SecurityRefusal refusal) implements PatientDiscoveryOutcome {
    }
}
