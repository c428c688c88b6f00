package fr.passerelle.gateway.healthspace;

import java.util.EnumSet;
import java.util.Set;

/** The kinds of French documents the NCP exchanges, with the LOINC class code the XDS metadata carries. */
public enum DocumentKind {
    PATIENT_SUMMARY("60591-5"),
    EPRESCRIPTION("57833-6"),
    EDISPENSATION("60593-1"),
    /** Original Clinical Document: a laboratory report (French CR-BIO). */
    LABORATORY_RESULT("11502-2"),
    /** Original Clinical Document: a hospital discharge report (French LDL-SES). */
    HOSPITAL_DISCHARGE_REPORT("34105-7"),
    /** Original Clinical Document: a medical imaging report (French CR-IMG). */
    MEDICAL_IMAGING_REPORT("18748-4");

    /** The eHDSI Original Clinical Documents: served abroad as the original (PDF) under an eHDSI header. */
    public static final Set<DocumentKind> ORIGINAL_CLINICAL_DOCUMENTS = EnumSet.of(LABORATORY_RESULT,
            HOSPITAL_DISCHARGE_REPORT, MEDICAL_IMAGING_REPORT);

    private final String loincClassCode;

    DocumentKind(String loincClassCode) {
        this.loincClassCode = loincClassCode;
    }

    public String loincClassCode() {
        return loincClassCode;
    }

    public boolean originalClinicalDocument() {
        return ORIGINAL_CLINICAL_DOCUMENTS.contains(this);
    }
}
