package fr.passerelle.gateway.consent;

import fr.passerelle.gateway.healthspace.DocumentKind;

/**
 * What applies to a patient who never decided anything. The legal basis for cross-border sharing is national
 * policy, so the deployment chooses; Passerelle ships {@link #NO_ACCESS} (opt-in).
 */
public enum DefaultConsent {
    /** No cross-border access until the patient authorises it (opt-in). */
    NO_ACCESS,
    /**
     * Patient Summary and ePrescriptions to every participating country until the patient revokes (opt-out). The
     * original clinical documents are not shared by default: they were added after patients were told what the
     * default shares, so they take the patient's own consent.
     */
    ALL_PARTICIPATING_COUNTRIES;

    /** Whether a patient who never decided shares this kind of document. */
    public boolean covers(DocumentKind kind) {
        return this == ALL_PARTICIPATING_COUNTRIES && !kind.originalClinicalDocument();
    }
}
