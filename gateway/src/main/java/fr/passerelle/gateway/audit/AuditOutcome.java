package fr.passerelle.gateway.audit;

/** How a cross-border transaction ended, with the RFC 3881 EventOutcomeIndicator the ATNA export uses. */
public enum AuditOutcome {
    /** Access granted and answered. */
    SUCCESS(0),
    /** Refused by the access policy (consent, patient controls). */
    REFUSED(4),
    /** Granted but not answered (health space or translation failure). */
    FAILED(8);

    private final int rfc3881Indicator;

    AuditOutcome(int rfc3881Indicator) {
        this.rfc3881Indicator = rfc3881Indicator;
    }

    public int rfc3881Indicator() {
        return rfc3881Indicator;
    }
}
