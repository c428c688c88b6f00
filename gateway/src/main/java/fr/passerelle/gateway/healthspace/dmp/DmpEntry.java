package fr.passerelle.gateway.healthspace.dmp;

import fr.passerelle.gateway.healthspace.DocumentEntry;
import java.util.Objects;

/** A DMP document entry: the port's metadata plus where the document lives (for ITI-43). */
record DmpEntry(DocumentEntry entry, String entryUuid, String repositoryUniqueId) {

    DmpEntry {
        Objects.requireNonNull(entry, "entry");
    }
}
