package fr.passerelle.gateway.exchange;

import fr.passerelle.gateway.healthspace.DocumentEntry;
import java.util.List;

/** What a document listing answers. */
public sealed interface ListingOutcome {

    /** The documents this requester may see, newest first (possibly none). */
    record Listed(List<DocumentEntry> documents) implements ListingOutcome {
        public Listed {
            documents = List.copyOf(documents);
        }
    }

    record Refused(ExchangeRefusal refusal) implements ListingOutcome {
    }
}
