package fr.passerelle.gateway.consent;

import fr.passerelle.gateway.healthspace.Ins;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of a patient's cross-border consent, as stored.
 *
 * @param terms     what is authorised; empty for a revocation
 * @param changedBy who made the change (the patient's INS "self", or an operator's name)
 */
public record ConsentVersion(Ins patient, long version, ConsentStatus status, Optional<ConsentTerms> terms,
                             Instant changedAt, String changedBy, ConsentChannel channel) {

    public ConsentVersion {
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(changedAt, "changedAt");
        Objects.requireNonNull(changedBy, "changedBy");
        Objects.requireNonNull(channel, "channel");
        if ((status == ConsentStatus.AUTHORISED) != terms.isPresent()) {
            throw new IllegalArgumentException("An authorisation has terms, a revocation has none");
        }
    }
}
