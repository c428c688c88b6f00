package fr.passerelle.gateway.access;

import fr.passerelle.gateway.healthspace.DocumentKind;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.trust.assertion.PurposeOfUse;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What the policy decides on. Built by the SOAP and FHIR roads from the verified requester of the trust module.
 *
 * @param documents the kinds of document asked for; may be empty for a patient identification
 */
public record AccessRequest(Requester requester, PurposeOfUse purpose, Ins patient, Set<DocumentKind> documents,
                            CrossBorderTransaction transaction) {

    public AccessRequest {
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(transaction, "transaction");
        documents = documents == null || documents.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(documents));
    }
}
