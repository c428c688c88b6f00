package fr.passerelle.gateway.exchange;

import fr.passerelle.gateway.healthspace.DocumentKind;
import java.util.Set;

/** The forms a French document can leave in, each for the kinds it applies to. */
public enum Rendering {
    /** eHDSI pivot CDA level 3 (XCA retrieve, FHIR Binary). */
    PIVOT_CDA("application/xml", Set.of(DocumentKind.PATIENT_SUMMARY, DocumentKind.EPRESCRIPTION)),
    /** eHDSI pivot CDA level 1: the PDF the French document embeds, in a CDA wrapper. */
    PIVOT_PDF("application/xml", Set.of(DocumentKind.PATIENT_SUMMARY, DocumentKind.EPRESCRIPTION)),
    /** HL7 IPS document Bundle (FHIR R4 JSON). */
    FHIR_IPS("application/fhir+json", Set.of(DocumentKind.PATIENT_SUMMARY)),
    /** HL7 Europe MPD MedicationRequests (FHIR R4 JSON Bundle). */
    FHIR_MPD("application/fhir+json", Set.of(DocumentKind.EPRESCRIPTION));

    private final String mediaType;
    private final Set<DocumentKind> kinds;

    Rendering(String mediaType, Set<DocumentKind> kinds) {
        this.mediaType = mediaType;
        this.kinds = kinds;
    }

    public String mediaType() {
        return mediaType;
    }

    public boolean appliesTo(DocumentKind kind) {
        return kinds.contains(kind);
    }
}
