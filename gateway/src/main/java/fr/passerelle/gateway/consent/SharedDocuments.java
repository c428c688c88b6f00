package fr.passerelle.gateway.consent;

import fr.passerelle.gateway.healthspace.DocumentKind;
import java.util.EnumSet;
import java.util.Set;

/** What a consent lets a foreign professional see: the Patient Summary, the ePrescriptions, or both. */
public enum SharedDocuments {
    PATIENT_SUMMARY(EnumSet.of(DocumentKind.PATIENT_SUMMARY)),
    // A dispensation abroad is made against an ePrescription: consenting to ePrescriptions covers recording it.
    EPRESCRIPTIONS(EnumSet.of(DocumentKind.EPRESCRIPTION, DocumentKind.EDISPENSATION));

    private final Set<DocumentKind> kinds;

    SharedDocuments(Set<DocumentKind> kinds) {
        this.kinds = kinds;
    }

    public boolean covers(DocumentKind kind) {
        return kinds.contains(kind);
    }

    public static SharedDocuments of(DocumentKind kind) {
        for (SharedDocuments shared : values()) {
            if (shared.covers(kind)) {
                return shared;
            }
        }
        throw new IllegalArgumentException("No consent scope for " + kind);
    }
}
