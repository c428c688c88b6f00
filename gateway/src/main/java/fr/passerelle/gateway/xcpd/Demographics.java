package fr.passerelle.gateway.xcpd;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Demographic traits of a patient discovery query or of an identified patient. */
public record Demographics(List<String> familyNames, List<String> givenNames, Optional<LocalDate> birthDate,
                           Optional<AdministrativeGender> gender) {

    public Demographics {
        familyNames = List.copyOf(familyNames);
        givenNames = List.copyOf(givenNames);
        birthDate = birthDate == null ? Optional.empty() : birthDate;
        gender = gender == null ? Optional.empty() : gender;
    }

    public static Demographics none() {
        return new Demographics(List.of(), List.of(), Optional.empty(), Optional.empty());
    }

    public boolean isEmpty() {
        return familyNames.isEmpty() && givenNames.isEmpty() && birthDate.isEmpty() && gender.isEmpty();
    }

    /** Never the traits themselves: logs must not identify patients. */
    @Override
    public String toString() {
        return "Demographics[***]";
    }
}
