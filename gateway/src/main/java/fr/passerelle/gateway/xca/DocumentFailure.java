package fr.passerelle.gateway.xca;

import fr.passerelle.gateway.soap.BusinessRefusal;
import java.util.Objects;

/** A requested document that is not returned, and why (reported as a RegistryError located at its uniqueId). */
public record DocumentFailure(DocumentReference reference, BusinessRefusal refusal) {

    public DocumentFailure {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(refusal, "refusal");
    }
}
