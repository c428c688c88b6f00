package fr.passerelle.gateway.access;

/**
 * The eHDSI error codes a refusal reports to the requesting NCP (MyHealth@EU error list, as OpenNCP numbers them).
 */
public enum EhdsiErrorCode {
    /** The patient has not given consent to the requested service. */
    NO_CONSENT("4701", "The patient has not given consent to the requested service."),
    /** A privacy policy of the patient, or the security policy of country A, does not allow the operation. */
    INSUFFICIENT_RIGHTS("4703", "Either the security policy of country A or a privacy policy of the patient "
            + "(that was given in country A) does not allow the requested operation to be performed by the HP"),
    /** The request breaks a policy of country A. */
    POLICY_VIOLATION("4705", "Policy violation");

    private final String code;
    private final String description;

    EhdsiErrorCode(String code, String description) {
        this.code = code;
        this.description = description;
    }

    public String code() {
        return code;
    }

    public String description() {
        return description;
    }
}
