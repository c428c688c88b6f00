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
     *                 answered: a PartialSuccess response with a RegistryError each
     */
    record Found(List<DocumentEntry> entries, List<BusinessRefusal> withheld) implements DocumentQueryOutcome {
        public Found {
            entries = List.copyOf(entries);
            withheld = List.copyOf(withheld);
        }

        public Found(List<DocumentEntry> entries) {
            this(entries, List.of());
        }
    }

    /** A business refusal (no consent, unknown patient…): a Failure response with one RegistryError. */
    record Refused(BusinessRefusal refusal) implements DocumentQueryOutcome {
    }

    /** Trust did not believe the requester: a SOAP fault. */
    record Untrusted(SecurityRefusal refusal) implements DocumentQueryOutcome {
    }
}
