package fr.passerelle.gateway.xcpd;

import java.util.Objects;

/**
 * The one patient a discovery matched: the identifier the following XCA calls and the TRC assertion use, and the
 * demographics returned to the requesting NCP so that the professional can confirm the identity.
 */
public record IdentifiedPatient(PatientIdentifier id, Demographics demographics) {

    public IdentifiedPatient {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(demographics, "demographics");
    }
}
