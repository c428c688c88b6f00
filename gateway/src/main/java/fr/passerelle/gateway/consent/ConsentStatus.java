package fr.passerelle.gateway.consent;

/** Whether a consent version authorises access or withdraws it. */
public enum ConsentStatus {
    AUTHORISED,
    REVOKED
}
