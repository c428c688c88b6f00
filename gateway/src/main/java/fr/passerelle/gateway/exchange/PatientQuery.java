package fr.passerelle.gateway.exchange;

import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.healthspace.PatientSearch;
import java.util.List;
import java.util.Optional;

/**
 * Who the requester looks for: INS identifiers, demographic traits, or both (then the traits must agree with the
 * patient the INS names).
 */
public record PatientQuery(List<Ins> identifiers, Optional<PatientSearch> demographics) {

    public PatientQuery {
        identifiers = List.copyOf(identifiers);
        demographics = demographics == null ? Optional.empty() : demographics;
        if (identifiers.isEmpty() && demographics.isEmpty()) {
            throw new IllegalArgumentException("A patient query needs an INS or demographic traits");
        }
    }

    @Override
    public String toString() {
        return "PatientQuery[" + identifiers.size() + " INS, demographics " + demographics.isPresent() + "]";
    }
}
