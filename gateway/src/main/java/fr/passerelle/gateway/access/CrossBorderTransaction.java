package fr.passerelle.gateway.access;

/** The cross-border transactions Passerelle answers, with their IHE transaction code (same on the FHIR road). */
public enum CrossBorderTransaction {
    /** XCPD Cross Gateway Patient Discovery, or a FHIR Patient search. */
    PATIENT_IDENTIFICATION("ITI-55"),
    /** XCA Cross Gateway Query, or a FHIR search for documents. */
    DOCUMENT_LIST("ITI-38"),
    /** XCA Cross Gateway Retrieve, or a FHIR read of a document. */
    DOCUMENT_RETRIEVE("ITI-39"),
    /** XDR Provide and Register (eDispensation), or its FHIR equivalent. */
    DISPENSATION("ITI-41");

    private final String iheCode;

    CrossBorderTransaction(String iheCode) {
        this.iheCode = iheCode;
    }

    public String iheCode() {
        return iheCode;
    }
}
