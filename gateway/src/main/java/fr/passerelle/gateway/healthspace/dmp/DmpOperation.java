package fr.passerelle.gateway.healthspace.dmp;

/** The DMP transactions Passerelle performs, with their SOAP action and whether a retry is harmless. */
public enum DmpOperation {
    /** TD0.2-style patient check (HL7v3 PRPA_IN201307UV02): does a DMP exist for this INS, what is its status. */
    PATIENT_CHECK("urn:hl7-org:v3:PRPA_IN201307UV02", true),
    /** ITI-18 Registry Stored Query, FindDocuments. */
    FIND_DOCUMENTS("urn:ihe:iti:2007:RegistryStoredQuery", true),
    /** ITI-18 Registry Stored Query, GetDocuments. */
    GET_DOCUMENTS("urn:ihe:iti:2007:RegistryStoredQuery", true),
    /** ITI-43 Retrieve Document Set (MTOM). */
    RETRIEVE_DOCUMENT("urn:ihe:iti:2007:RetrieveDocumentSet", true),
    /** ITI-41 Provide and Register Document Set-b: never retried, a second submission is not harmless. */
    PROVIDE_AND_REGISTER("urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b", false),
    /**
     * ITI-57 Update Document Set (the DMP's TD3.3c "suppression": a DocumentEntry to status Deleted). Not retried:
     * a status change sent twice is refused the second time (the original status no longer holds).
     */
    UPDATE_DOCUMENT_SET("urn:ihe:iti:2010:UpdateDocumentSet", false);

    private final String soapAction;
    private final boolean idempotent;

    DmpOperation(String soapAction, boolean idempotent) {
        this.soapAction = soapAction;
        this.idempotent = idempotent;
    }

    public String soapAction() {
        return soapAction;
    }

    public boolean idempotent() {
        return idempotent;
    }

    /** The metric tag value, e.g. {@code find_documents}. */
    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
