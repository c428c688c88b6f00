package fr.passerelle.gateway.exchange;

import fr.passerelle.gateway.healthspace.DocumentKind;
import java.util.Set;

/** The forms a French document can leave in, each for the kinds it applies to. */
public enum Rendering {
    /**
     * The eHDSI pivot CDA (XCA retrieve, FHIR Binary): level 3 for a Patient Summary or ePrescription; for an
     * original clinical document, the eHDSI OrCD (level 1: the original as PDF under the eHDSI header).
     */
    PIVOT_CDA("application/xml", Set.of(DocumentKind.PATIENT_SUMMARY, DocumentKind.EPRESCRIPTION,
            DocumentKind.LABORATORY_RESULT, DocumentKind.HOSPITAL_DISCHARGE_REPORT,
            DocumentKind.MEDICAL_IMAGING_REPORT)),
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
