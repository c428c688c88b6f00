package fr.passerelle.trust;

/** The cross-border transaction a request calls; the access rules are per transaction. */
public enum Transaction {
    /** IHE XCPD patient identification (ITI-55). */
    XCPD,
    /** IHE XCA Cross Gateway Query (ITI-38). */
    XCA_QUERY,
    /** IHE XCA Cross Gateway Retrieve (ITI-39). */
    XCA_RETRIEVE,
    /** IHE XDR Provide and Register (ITI-41): eDispensation. */
    XDR,
    /** FHIR patient search ($match / Patient search). */
    FHIR_PATIENT_SEARCH,
    /** FHIR document read (Patient Summary, ePrescription). */
    FHIR_DOCUMENT
}
