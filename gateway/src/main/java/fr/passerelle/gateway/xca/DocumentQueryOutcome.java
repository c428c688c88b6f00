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
     * @param notSent  the documents listed but not sent (their translation failed or the enforced eHDSI check
     *                 refused it): a PartialSuccess response with a RegistryError (Error) each, located at the
     *                 document's uniqueId
     */
    record Found(List<DocumentEntry> entries, List<BusinessRefusal> withheld, List<BusinessRefusal> unserved,
                 List<NotSent> notSent) implements DocumentQueryOutcome {
        public Found {
            entries = List.copyOf(entries);
            withheld = List.copyOf(withheld);
            unserved = List.copyOf(unserved);
            notSent = List.copyOf(notSent);
        }

        public Found(List<DocumentEntry> entries, List<BusinessRefusal> withheld, List<BusinessRefusal> unserved) {
            this(entries, withheld, unserved, List.of());
        }
    }

    /** A document that exists for the requester but is not sent, and why. */
    record NotSent(String uniqueId, BusinessRefusal refusal) {
    }

    /** A business refusal (no consent, unknown patient…): a Failure response with one RegistryError. */
    record Refused(BusinessRefusal refusal) implements DocumentQueryOutcome {
    }

    /** Trust did not believe the requester: a SOAP fault. */
    record Untrusted(SecurityRefusal refusal) implements DocumentQueryOutcome {
    }
}
