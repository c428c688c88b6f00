package fr.passerelle.gateway.healthspace;

/** The kinds of French documents the NCP exchanges, with the LOINC class code the XDS metadata carries. */
public enum DocumentKind {
    PATIENT_SUMMARY("60591-5"),
    EPRESCRIPTION("57833-6"),
    EDISPENSATION("60593-1");

    private final String loincClassCode;

    DocumentKind(String loincClassCode) {
        this.loincClassCode = loincClassCode;
    }

    public String loincClassCode() {
        return loincClassCode;
    }
}
