package fr.passerelle.gateway.healthspace;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A patient of the French health space, with the identity traits cross-border identification uses.
 *
 * @param givenNames  given names in birth-certificate order (the first is the usual one)
 * @param familyName  birth family name
 * @param birthPlace  INSEE code of the birth municipality (or country for people born abroad), may be null
 * @param address     home address, may be null
 */
public record FrenchPatient(Ins ins, List<String> givenNames, String familyName, LocalDate birthDate,
                            AdministrativeGender gender, String birthPlace, PostalAddress address) {

    public FrenchPatient {
        Objects.requireNonNull(ins, "ins");
        givenNames = List.copyOf(givenNames);
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(gender, "gender");
    }

    /** Identity traits stay out of logs. */
    @Override
    public String toString() {
        return "FrenchPatient[" + ins + "]";
    }
}
