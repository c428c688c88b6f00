package fr.passerelle.trust.issue;

import fr.passerelle.trust.assertion.PurposeOfUse;
import java.time.Duration;

/** What an issued TRC assertion says: the patient treated (HL7 CX, e.g. {@code 123^^^&1.2.250.1.213.1.4.10&ISO}). */
public record TrcClaims(String patientId, PurposeOfUse purposeOfUse, Duration lifetime) {

    public static TrcClaims treating(String patientId) {
        return new TrcClaims(patientId, PurposeOfUse.TREATMENT, Duration.ofHours(2));
    }

    public TrcClaims withLifetime(Duration duration) {
        return new TrcClaims(patientId, purposeOfUse, duration);
    }

    public TrcClaims withPurpose(PurposeOfUse purpose) {
        return new TrcClaims(patientId, purpose, lifetime);
    }
}
