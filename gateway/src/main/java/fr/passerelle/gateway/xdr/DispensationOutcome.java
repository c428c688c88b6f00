package fr.passerelle.gateway.xdr;

import fr.passerelle.gateway.soap.BusinessRefusal;
import fr.passerelle.gateway.soap.SecurityRefusal;

/** What the road answers to an XDR submission. */
public sealed interface DispensationOutcome {

    /** Handed to the French health space (or already was: a resubmission is answered the same way). */
    record Stored() implements DispensationOutcome {
    }

    /** Refused (not dispensable, already dispensed, no consent…): a Failure RegistryResponse with the code. */
    record Refused(BusinessRefusal refusal) implements DispensationOutcome {
    }

    /** Trust did not believe the requester: a SOAP fault. */
    record Untrusted(SecurityRefusal refusal) implements DispensationOutcome {
    }
}
