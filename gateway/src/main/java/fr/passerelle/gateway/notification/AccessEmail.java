package fr.passerelle.gateway.notification;

import fr.passerelle.gateway.audit.AuditRecord;
import fr.passerelle.gateway.patient.AccessNarrative;
import fr.passerelle.gateway.patient.PatientLanguage;

/** The subject and body of the e-mail about one access, in the patient's language. */
public record AccessEmail(String subject, String body) {

    public static AccessEmail about(AuditRecord record, PatientLanguage language) {
        String sentence = AccessNarrative.tell(record, language);
        if (language == PatientLanguage.FR) {
            return new AccessEmail("Accès à votre dossier depuis l'étranger",
                    "Bonjour,\n\n" + sentence + "\n\nVous pouvez consulter l'historique des accès et modifier votre "
                            + "accord au partage à l'étranger dans Mon Espace Santé.\n\nCe message est automatique, "
                            + "merci de ne pas y répondre.\n");
        }
        return new AccessEmail("Access to your health record from abroad",
                "Hello,\n\n" + sentence + "\n\nYou can see the access history and change your consent to "
                        + "sharing abroad in Mon Espace Santé.\n\nThis message is automatic, please do not reply.\n");
    }
}
