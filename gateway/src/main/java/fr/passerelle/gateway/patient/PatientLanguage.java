package fr.passerelle.gateway.patient;

import java.util.Locale;

/** The languages the patient-facing texts are written in. */
public enum PatientLanguage {
    FR,
    EN;

    /** {@code fr}/{@code en} (any case); anything else is an error the caller reports. */
    public static PatientLanguage parse(String language) {
        if (language == null || language.isBlank()) {
            return FR;
        }
        return switch (language.toLowerCase(Locale.ROOT)) {
            case "fr" -> FR;
            case "en" -> EN;
            default -> throw new IllegalArgumentException("lang must be fr or en");
        };
    }
}
