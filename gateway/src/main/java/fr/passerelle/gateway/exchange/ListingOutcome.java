package fr.passerelle.gateway.exchange;

import fr.passerelle.gateway.healthspace.DocumentEntry;
import fr.passerelle.gateway.healthspace.DocumentKind;
import java.util.List;
import java.util.Map;

/** What a document listing answers. */
public sealed interface ListingOutcome {

    /**
     * The documents this requester may see, newest first (possibly none).
     *
     * @param withheld the kinds asked for that the patient's consent does not cover, each with its refusal (4701),
     *                 while the listed ones are covered: a road answers them beside the documents
     */
    record Listed(List<DocumentEntry> documents, Map<DocumentKind, ExchangeRefusal> withheld)
            implements ListingOutcome {
        public Listed {
            documents = List.copyOf(documents);
            withheld = Map.copyOf(withheld);
        }
    }

    record Refused(ExchangeRefusal refusal) implements ListingOutcome {
    }
}
