package fr.passerelle.gateway.consent;

/**
 * What applies to a patient who never decided anything. The legal basis for cross-border sharing is national
 * policy, so the deployment chooses; Passerelle ships {@link #NO_ACCESS} (opt-in).
 */
public enum DefaultConsent {
    /** No cross-border access until the patient authorises it (opt-in). */
    NO_ACCESS,
    /** Patient Summary and ePrescriptions to every participating country until the patient revokes (opt-out). */
    ALL_PARTICIPATING_COUNTRIES
}
