package fr.passerelle.trust;

import fr.passerelle.trust.assertion.PurposeOfUse;
import java.util.Set;

/**
 * Who may call one transaction.
 *
 * @param anyPermission      the HCP assertion must carry at least one of these HL7 permissions (e.g. {@code PRD-006})
 * @param roleCodes          allowed role codes (ISCO-08); a code also allows its sub-groups ({@code 221} allows {@code 2211})
 * @param purposes           allowed purposes of use
 * @param treatmentConfirmationRequired whether a TRC assertion for the request's patient is required
 */
public record AccessRule(Set<String> anyPermission, Set<String> roleCodes, Set<PurposeOfUse> purposes,
        boolean treatmentConfirmationRequired) {

    public AccessRule {
        anyPermission = Set.copyOf(anyPermission);
        roleCodes = Set.copyOf(roleCodes);
        purposes = Set.copyOf(purposes);
        if (anyPermission.isEmpty() || roleCodes.isEmpty() || purposes.isEmpty()) {
            throw new IllegalArgumentException("an access rule must name permissions, roles and purposes");
        }
    }

    public boolean allowsRole(String roleCode) {
        return roleCode != null && !roleCode.isBlank() && roleCodes.stream().anyMatch(roleCode::startsWith);
    }

    public boolean allowsAnyPermission(Set<String> permissions) {
        return permissions.stream().anyMatch(anyPermission::contains);
    }
}
