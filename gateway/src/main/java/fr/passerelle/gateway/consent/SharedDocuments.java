package fr.passerelle.gateway.consent;

import fr.passerelle.gateway.healthspace.DocumentKind;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a consent lets a foreign professional see: the Patient Summary, the ePrescriptions, the original clinical
 * documents, or any of them together.
 */
public enum SharedDocuments {
    PATIENT_SUMMARY(EnumSet.of(DocumentKind.PATIENT_SUMMARY)),
    // A dispensation abroad is made against an ePrescription: consenting to ePrescriptions covers recording it.
    EPRESCRIPTIONS(EnumSet.of(DocumentKind.EPRESCRIPTION, DocumentKind.EDISPENSATION)),
    // One choice for the three reports, not one per kind: a patient thinks of "my reports" (lab results, imaging,
    // hospital discharge letters) as one family, and a report they want kept from others they mask, document by
    // document, in Mon Espace Santé — which applies abroad too. See docs/orcd.md.
    ORIGINAL_CLINICAL_DOCUMENTS(DocumentKind.ORIGINAL_CLINICAL_DOCUMENTS);

    private final Set<DocumentKind> kinds;

    SharedDocuments(Set<DocumentKind> kinds) {
        this.kinds = EnumSet.copyOf(kinds);
    }

    public boolean covers(DocumentKind kind) {
        return kinds.contains(kind);
    }

    public static SharedDocuments of(DocumentKind kind) {
        return Arrays.stream(values()).filter(shared -> shared.covers(kind)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No consent scope for " + kind));
    }
}
