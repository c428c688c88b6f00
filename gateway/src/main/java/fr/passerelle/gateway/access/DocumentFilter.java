package fr.passerelle.gateway.access;

import fr.passerelle.gateway.healthspace.DocumentEntry;
import java.util.List;

/**
 * Keeps out of an answer what a foreign professional may not see: documents the patient masked (unless this is an
 * emergency and the patient let masked documents be seen then) and documents hidden from the patient themself.
 * Used for the list and again for the retrieve, so a masked document is never returned even by its id.
 */
public final class DocumentFilter {

    private DocumentFilter() {
    }

    public static List<DocumentEntry> visible(AccessDecision.Granted decision, List<DocumentEntry> documents) {
        return documents.stream().filter(document -> isVisible(decision, document)).toList();
    }

    public static boolean isVisible(AccessDecision.Granted decision, DocumentEntry document) {
        if (document.invisibleToPatient()) {
            return false;
        }
        return !document.masked() || decision.maskedDocumentsVisible();
    }
}
