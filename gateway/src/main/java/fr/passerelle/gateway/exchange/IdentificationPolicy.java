package fr.passerelle.gateway.exchange;

import fr.passerelle.gateway.healthspace.PatientSearch;

/**
 * What a query must carry for Passerelle to say who someone is, on every road (XCPD, FHIR search and
 * {@code $match}): an INS — the identifier the French health space itself keys patients by — or demographic traits
 * strong enough to single out one person: family name, a given name and the full birth date (the gender, when
 * given, must agree). A family name alone, or a name and a year, would let a partner walk the population and
 * collect INS and birth dates; such a query is refused before the health space is searched.
 */
public final class IdentificationPolicy {

    /** The requirement, in the words a refusal gives it. */
    public static final String REQUIREMENT = "an INS, or the family name, a given name and the birth date together";

    private IdentificationPolicy() {
    }

    public static boolean sufficient(PatientQuery query) {
        return !query.identifiers().isEmpty() || query.demographics().map(IdentificationPolicy::strong).orElse(false);
    }

    static boolean strong(PatientSearch traits) {
        return present(traits.familyName()) && present(traits.givenName()) && traits.birthDate() != null;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
