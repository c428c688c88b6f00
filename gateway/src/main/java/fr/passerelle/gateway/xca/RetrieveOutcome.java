package fr.passerelle.gateway.xca;

import fr.passerelle.gateway.soap.BusinessRefusal;
import fr.passerelle.gateway.soap.SecurityRefusal;
import java.util.List;

/** What the road answers to an XCA retrieve. */
public sealed interface RetrieveOutcome {

    /** Per-document result: returned documents and failures (Success, PartialSuccess or Failure). */
    record Retrieved(List<RetrievedDocument> documents, List<DocumentFailure> failures) implements RetrieveOutcome {
        public Retrieved {
            documents = List.copyOf(documents);
            failures = List.copyOf(failures);
        }
    }

    /** The whole request is refused (no consent, unknown patient…). */
    record Refused(BusinessRefusal refusal) implements RetrieveOutcome {
    }

    /** Trust did not believe the requester: a SOAP fault. */
    record Untrusted(SecurityRefusal refusal) implements RetrieveOutcome {
    }
}
