package fr.passerelle.gateway.console.me;

import fr.passerelle.gateway.patient.PatientLanguage;

/** The page's language from {@code ?lang=}: French unless English is asked for; anything else reads as French. */
final class MeLanguage {

    private MeLanguage() {
    }

    static PatientLanguage of(String lang) {
        try {
            return PatientLanguage.parse(lang);
        } catch (IllegalArgumentException e) {
            return PatientLanguage.FR;
        }
    }

    static boolean french(String lang) {
        return of(lang) == PatientLanguage.FR;
    }

    static String code(String lang) {
        return french(lang) ? "fr" : "en";
    }
}
