package fr.passerelle.gateway.patient;

import fr.passerelle.gateway.access.CrossBorderTransaction;
import fr.passerelle.gateway.audit.AuditRecord;
import fr.passerelle.gateway.healthspace.DocumentKind;
import fr.passerelle.trust.assertion.PurposeOfUse;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One audit record told in plain language, in French or English: "Le 12 mars 2026 à 14:05, un médecin généraliste
 * de l'Hôpital X en Espagne a consulté votre synthèse médicale pour des soins." Times are French time.
 */
public final class AccessNarrative {

    private static final ZoneId FRANCE = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter FR_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH:mm",
            Locale.FRENCH);
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm",
            Locale.ENGLISH);

    /** ISCO-08 codes eHDSI assertions carry for the professional's role. */
    private static final Map<String, String[]> ROLES = Map.of(
            "221", new String[] {"un médecin", "a doctor"},
            "2211", new String[] {"un médecin généraliste", "a general practitioner"},
            "2212", new String[] {"un médecin spécialiste", "a specialist doctor"},
            "222", new String[] {"un infirmier", "a nurse"},
            "2221", new String[] {"un infirmier", "a nurse"},
            "2261", new String[] {"un dentiste", "a dentist"},
            "2262", new String[] {"un pharmacien", "a pharmacist"},
            "3213", new String[] {"un préparateur en pharmacie", "a pharmacy technician"});

    /** Countries whose French name takes "au", "aux" or "à" instead of "en". */
    private static final Map<String, String> FR_PREPOSITION = Map.of(
            "PT", "au", "LU", "au", "DK", "au", "LI", "au", "NL", "aux", "MT", "à", "CY", "à");

    private AccessNarrative() {
    }

    public static String tell(AuditRecord record, PatientLanguage language) {
        return language == PatientLanguage.FR ? french(record) : english(record);
    }

    private static String french(AuditRecord r) {
        String when = FR_DATE.format(ZonedDateTime.ofInstant(r.recordedAt(), FRANCE));
        String who = role(r.professionalRole(), 0, "un professionnel de santé");
        String where = (r.organisation().isBlank() ? "" : " de " + r.organisation()) + " " + frenchCountry(
                r.requestingCountry());
        String what = switch (r.transaction()) {
            case PATIENT_IDENTIFICATION -> "recherché votre dossier";
            case DOCUMENT_LIST -> "consulté la liste de " + frenchDocuments(r, true);
            case DOCUMENT_RETRIEVE -> "consulté " + frenchDocuments(r, false);
            case DISPENSATION -> "enregistré la délivrance de médicaments de votre ordonnance électronique";
        };
        String why = r.purpose().orElse(null) == PurposeOfUse.EMERGENCY ? "en urgence" : "pour des soins";
        String sentence = "Le " + when + ", " + who + where;
        return switch (r.outcome()) {
            case SUCCESS -> sentence + " a " + what + " " + why + ".";
            case REFUSED -> sentence + " a demandé à " + infinitiveFr(r) + " " + why
                    + ". L'accès a été refusé (" + frenchRefusal(r) + ").";
            case FAILED -> sentence + " a demandé à " + infinitiveFr(r) + " " + why
                    + ". La demande n'a pas pu aboutir.";
        };
    }

    private static String english(AuditRecord r) {
        String when = EN_DATE.format(ZonedDateTime.ofInstant(r.recordedAt(), FRANCE));
        String who = role(r.professionalRole(), 1, "a health professional");
        String country = new Locale("", r.requestingCountry().equals("EL") ? "GR" : r.requestingCountry())
                .getDisplayCountry(Locale.ENGLISH);
        String where = (r.organisation().isBlank() ? "" : " of " + r.organisation()) + " in " + country;
        String what = switch (r.transaction()) {
            case PATIENT_IDENTIFICATION -> "looked up your record";
            case DOCUMENT_LIST -> "viewed the list of " + englishDocuments(r, true);
            case DOCUMENT_RETRIEVE -> "viewed " + englishDocuments(r, false);
            case DISPENSATION -> "recorded the dispensing of medicines from your ePrescription";
        };
        String why = r.purpose().orElse(null) == PurposeOfUse.EMERGENCY ? "in an emergency" : "for treatment";
        String sentence = "On " + when + " " + who + where;
        return switch (r.outcome()) {
            case SUCCESS -> sentence + " " + what + " " + why + ".";
            case REFUSED -> sentence + " asked to access your record " + why + ". Access was refused ("
                    + englishRefusal(r) + ").";
            case FAILED -> sentence + " asked to access your record " + why + ". The request could not be completed.";
        };
    }

    private static String infinitiveFr(AuditRecord r) {
        return r.transaction() == CrossBorderTransaction.DISPENSATION
                ? "enregistrer une délivrance de médicaments" : "consulter votre dossier";
    }

    private static String frenchDocuments(AuditRecord r, boolean list) {
        boolean ps = r.documentKinds().contains(DocumentKind.PATIENT_SUMMARY);
        boolean ep = r.documentKinds().contains(DocumentKind.EPRESCRIPTION);
        List<String> parts = new ArrayList<>();
        if (ps && ep) {
            parts.add(list ? "vos synthèses médicales et ordonnances électroniques"
                    : "votre synthèse médicale et vos ordonnances électroniques");
        } else if (ep) {
            parts.add("vos ordonnances électroniques");
        } else if (ps) {
            parts.add(list ? "vos synthèses médicales" : "votre synthèse médicale");
        }
        if (r.documentKinds().contains(DocumentKind.LABORATORY_RESULT)) {
            parts.add(list ? "vos comptes rendus d'analyses de biologie" : "votre compte rendu d'analyses de biologie");
        }
        if (r.documentKinds().contains(DocumentKind.MEDICAL_IMAGING_REPORT)) {
            parts.add(list ? "vos comptes rendus d'imagerie" : "votre compte rendu d'imagerie");
        }
        if (r.documentKinds().contains(DocumentKind.HOSPITAL_DISCHARGE_REPORT)) {
            parts.add(list ? "vos lettres de sortie d'hospitalisation" : "votre lettre de sortie d'hospitalisation");
        }
        if (parts.isEmpty()) {
            return list ? "vos synthèses médicales" : "votre synthèse médicale";
        }
        return joined(parts, " et ");
    }

    private static String englishDocuments(AuditRecord r, boolean list) {
        boolean ps = r.documentKinds().contains(DocumentKind.PATIENT_SUMMARY);
        boolean ep = r.documentKinds().contains(DocumentKind.EPRESCRIPTION);
        List<String> parts = new ArrayList<>();
        if (ps && ep) {
            parts.add("your Patient Summary and ePrescriptions");
        } else if (ep) {
            parts.add("your ePrescriptions");
        } else if (ps) {
            parts.add("your Patient Summary");
        }
        if (r.documentKinds().contains(DocumentKind.LABORATORY_RESULT)) {
            parts.add(list ? "your laboratory reports" : "your laboratory report");
        }
        if (r.documentKinds().contains(DocumentKind.MEDICAL_IMAGING_REPORT)) {
            parts.add(list ? "your imaging reports" : "your imaging report");
        }
        if (r.documentKinds().contains(DocumentKind.HOSPITAL_DISCHARGE_REPORT)) {
            parts.add(list ? "your hospital discharge letters" : "your hospital discharge letter");
        }
        return parts.isEmpty() ? "your Patient Summary" : joined(parts, " and ");
    }

    /** "a, b and c". */
    private static String joined(List<String> parts, String lastSeparator) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + lastSeparator + parts.get(parts.size() - 1);
    }

    private static String frenchRefusal(AuditRecord r) {
        return switch (r.decidingRule()) {
            case "PROFESSIONAL_BLOCKED" -> "vous avez bloqué ce professionnel";
            case "EMERGENCY_ACCESS_OPPOSED" -> "vous vous opposez à l'accès en urgence";
            case "CONSENT_REVOKED" -> "vous avez retiré votre accord";
            case "CONSENT_EXPIRED" -> "votre accord a expiré";
            case "COUNTRY_NOT_AUTHORISED" -> "vous n'avez pas autorisé ce pays";
            case "DOCUMENTS_NOT_AUTHORISED" -> "vous n'avez pas autorisé ces documents";
            default -> "vous n'avez pas donné votre accord au partage à l'étranger";
        };
    }

    private static String englishRefusal(AuditRecord r) {
        return switch (r.decidingRule()) {
            case "PROFESSIONAL_BLOCKED" -> "you blocked this professional";
            case "EMERGENCY_ACCESS_OPPOSED" -> "you oppose emergency access";
            case "CONSENT_REVOKED" -> "you withdrew your consent";
            case "CONSENT_EXPIRED" -> "your consent has expired";
            case "COUNTRY_NOT_AUTHORISED" -> "you did not authorise this country";
            case "DOCUMENTS_NOT_AUTHORISED" -> "you did not authorise these documents";
            default -> "you have not agreed to sharing abroad";
        };
    }

    private static String role(String code, int language, String unknown) {
        String[] names = ROLES.get(code);
        return names == null ? unknown : names[language];
    }

    private static String frenchCountry(String code) {
        String iso = code.equals("EL") ? "GR" : code;
        String name = new Locale("", iso).getDisplayCountry(Locale.FRENCH);
        String preposition = FR_PREPOSITION.getOrDefault(iso, "en");
        if (preposition.equals("au")) {
            return "au " + name.replaceFirst("^(le |Le )", "");
        }
        if (preposition.equals("aux")) {
            return "aux " + name.replaceFirst("^(les |Les )", "");
        }
        return preposition + " " + name;
    }
}
