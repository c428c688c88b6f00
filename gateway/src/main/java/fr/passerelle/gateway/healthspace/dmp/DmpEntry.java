package fr.passerelle.gateway.healthspace.dmp;

import fr.passerelle.gateway.healthspace.DocumentEntry;
import java.util.Objects;

/**
 * A DMP document entry: the port's metadata plus where the document lives (for ITI-43), its registry id (for ITI-57)
 * and its availability status ({@code Approved}, or the CI-SIS {@code Deleted} / {@code Archived}; null when the
 * answer does not say).
 */
record DmpEntry(DocumentEntry entry, String entryUuid, String repositoryUniqueId, String availabilityStatus) {

    DmpEntry {
        Objects.requireNonNull(entry, "entry");
    }

    /** Whether the DMP already holds this entry as deleted (TD3.3c). */
    boolean deleted() {
        return DeletionMessage.DELETED.equals(availabilityStatus);
    }
}
