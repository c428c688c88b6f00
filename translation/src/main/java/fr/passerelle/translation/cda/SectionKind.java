package fr.passerelle.translation.cda;

import java.util.Arrays;

/** The clinical sections the translators understand, by their LOINC section code; {@link #OTHER} for the rest. */
public enum SectionKind {
    ALLERGIES("48765-2", "Allergies and intolerances"),
    MEDICATIONS("10160-0", "History of medication use"),
    PROBLEMS("11450-4", "Problem list"),
    PAST_ILLNESS("11348-0", "History of past illness"),
    PROCEDURES("47519-4", "History of procedures"),
    DEVICES("46264-8", "History of medical device use"),
    IMMUNIZATIONS("11369-6", "History of immunizations"),
    SOCIAL_HISTORY("29762-2", "Social history"),
    PREGNANCY("10162-6", "History of pregnancies"),
    VITAL_SIGNS("8716-3", "Vital signs"),
    RESULTS("30954-2", "Relevant diagnostic tests/laboratory data"),
    FUNCTIONAL_STATUS("47420-5", "Functional status assessment"),
    ADVANCE_DIRECTIVES("42348-3", "Advance directives"),
    PLAN_OF_CARE("18776-5", "Plan of care"),
    PRESCRIPTIONS("57828-6", "Prescriptions"),
    DISPENSED("60590-7", "Medication dispensed"),
    /**
     * A section none of the others names (family history, attached documents, adverse drug effects, alerts…):
     * its own code is in {@link ClinicalSection#code()}; the writers carry its narrative where the target allows.
     */
    OTHER(null, "Other section");

    private final String loinc;
    private final String englishTitle;

    SectionKind(String loinc, String englishTitle) {
        this.loinc = loinc;
        this.englishTitle = englishTitle;
    }

    public String loinc() {
        return loinc;
    }

    public String englishTitle() {
        return englishTitle;
    }

    public static SectionKind fromLoinc(String code) {
        return Arrays.stream(values()).filter(k -> k.loinc != null && k.loinc.equals(code)).findFirst().orElse(null);
    }
}
