package fr.passerelle.gateway.access;

/** The rule that settled an access decision; recorded in the audit trail and shown to the patient. */
public enum DecidingRule {
    CONSENT_COVERS_REQUEST("the patient's cross-border consent covers this country and these documents"),
    DEFAULT_ALLOWS("no decision of the patient; the deployment's default allows cross-border access"),
    NO_CONSENT("no decision of the patient; the deployment's default is no cross-border access"),
    CONSENT_REVOKED("the patient revoked their cross-border consent"),
    CONSENT_EXPIRED("the patient's cross-border consent has expired"),
    COUNTRY_NOT_AUTHORISED("the patient did not authorise this country"),
    DOCUMENTS_NOT_AUTHORISED("the patient did not authorise these documents"),
    PROFESSIONAL_BLOCKED("the patient blocked this professional"),
    EMERGENCY_ACCESS_OPPOSED("the patient opposes emergency (break-the-glass) access");

    private final String description;

    DecidingRule(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
