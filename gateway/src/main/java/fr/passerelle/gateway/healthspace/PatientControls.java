package fr.passerelle.gateway.healthspace;

import java.util.Objects;
import java.util.Set;

/**
 * What the patient decided about access to their health space.
 *
 * @param blockedProfessionals       identifiers of professionals the patient blocked (e.g. RPPS {@code 810001234567}
 *                                   as {@code 1.2.250.1.71.4.2.1^810001234567}, or a foreign HCP id as presented)
 * @param opposesEmergencyAccess     the patient refuses "bris de glace" (emergency) access
 * @param maskedVisibleInEmergency   masked documents may be shown in an emergency access
 */
public record PatientControls(Set<String> blockedProfessionals, boolean opposesEmergencyAccess,
                              boolean maskedVisibleInEmergency) {

    public static final PatientControls NONE = new PatientControls(Set.of(), false, false);

    public PatientControls {
        blockedProfessionals = Set.copyOf(Objects.requireNonNull(blockedProfessionals, "blockedProfessionals"));
    }

    public boolean blocks(String professionalId) {
        return professionalId != null && blockedProfessionals.contains(professionalId);
    }
}
