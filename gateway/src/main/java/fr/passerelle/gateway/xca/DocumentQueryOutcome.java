package fr.passerelle.gateway.xca;

import fr.passerelle.gateway.soap.BusinessRefusal;
import fr.passerelle.gateway.soap.SecurityRefusal;
import java.util.List;

/** What the road answers to an XCA query. */
public sealed interface DocumentQueryOutcome {

    /**
     * The documents the requester may see (possibly none).
     *
     * @param withheld one refusal per asked class the patient's consent does not cover while the others are
     *                 answered: a PartialSuccess response with a RegistryError (Error) each
     * @param unserved the asked class codes France does not serve over XCA, beside served ones: a PartialSuccess
     *                 response with a RegistryError (Warning) naming them
     */
    record Found(List<DocumentEntry> entries, List<BusinessRefusal> withheld, List<BusinessRefusal> unserved)
            implements DocumentQueryOutcome {
        public Found {
            entries = List.copyOf(entries);
            withheld = List.copyOf(withheld);
            unserved = List.copyOf(unserved);
        }
    }

    /** A business refusal (no consent, unknown patient…): a Failure response with one RegistryError. */
    record Refused(BusinessRefusal refusal) implements DocumentQueryOutcome {
    }

    /** Trust did not believe the requester: a SOAP fault. */
    record Untrusted(SecurityRefusal refusal) implements DocumentQueryOutcome {
    }
}
