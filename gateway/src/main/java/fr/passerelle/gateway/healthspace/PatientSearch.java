package fr.passerelle.gateway.healthspace;

import java.time.LocalDate;

/**
 * Demographic traits to find patients by (an XCPD query without an INS); null traits are not constrained. At least
 * one of family name or birth date must be given, so a search can never list the whole health space.
 */
public record PatientSearch(String familyName, String givenName, LocalDate birthDate,
                            AdministrativeGender gender) {

    public PatientSearch {
        if ((familyName == null || familyName.isBlank()) && birthDate == null) {
            throw new IllegalArgumentException("A patient search needs at least a family name or a birth date");
        }
    }

    @Override
    public String toString() {
        return "PatientSearch[traits withheld]";
    }
}
