package fr.passerelle.gateway.exchange;

import fr.passerelle.gateway.healthspace.DocumentKind;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

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
    FHIR_MPD("application/fhir+json", Set.of(DocumentKind.EPRESCRIPTION)),
    /**
     * FHIR R4 laboratory report document Bundle (MyHealth@EU Laboratory Result shape) of a French CR-BIO with
     * structured results; a PDF-only CR-BIO has none (it leaves as its OrCD only).
     */
    FHIR_LAB("application/fhir+json", Set.of(DocumentKind.LABORATORY_RESULT));

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

    /**
     * The FHIR document Bundle a kind leaves as (FHIR {@code Bundle/<id>}): the IPS of a Patient Summary, the
     * laboratory report of a laboratory result; none for the other kinds.
     */
    public static Optional<Rendering> fhirDocumentOf(DocumentKind kind) {
        return Stream.of(FHIR_IPS, FHIR_LAB).filter(rendering -> rendering.appliesTo(kind)).findFirst();
    }
}
