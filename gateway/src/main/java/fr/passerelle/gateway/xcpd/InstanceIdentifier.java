package fr.passerelle.gateway.xcpd;

import java.util.Objects;
import java.util.Optional;

/** An HL7v3 {@code II} of a message or query (root, optional extension). */
public record InstanceIdentifier(String root, Optional<String> extension) {

    public InstanceIdentifier {
        Objects.requireNonNull(root, "root");
        extension = extension == null ? Optional.empty() : extension;
    }
}
