package fr.passerelle.trust.assertion;

import fr.passerelle.trust.ClaimLimits;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What an HCP identity assertion claims about the practitioner.
 *
 * @param practitionerId   {@code Subject/NameID}
 * @param practitionerName XSPA subject-id (the practitioner's name as the foreign NCP gives it)
 * @param xspaRole         the role's display name (or text, in the older string form)
 * @param roleCode         the role's code (ISCO-08 in eHDSI), empty when only text was sent
 * @param organisation     XSPA organisation name
 * @param organisationId   XSPA organisation-id
 * @param facilityType     eHDSI healthcare facility type
 * @param pointOfCare      XSPA environment locality: where the treatment happens
 * @param purposeOfUse     TREATMENT or EMERGENCY
 * @param permissions      HL7 permission codes without their URN prefix, e.g. {@code PRD-006}
 */
public record HcpIdentity(
        String practitionerId,
        String practitionerName,
        String xspaRole,
        String roleCode,
        String organisation,
        String organisationId,
        String facilityType,
        String pointOfCare,
        Optional<String> homeCommunityId,
        PurposeOfUse purposeOfUse,
        Set<String> permissions) {

    public HcpIdentity {
        permissions = Set.copyOf(permissions);
    }

    public static HcpIdentity from(SamlAssertion hcp) throws MalformedAssertionException {
        if (hcp.kind() != AssertionKind.HCP) {
            throw new MalformedAssertionException("not an HCP identity assertion");
        }
        AttributeValue name = hcp.optional(EhdsiAttributes.XSPA_SUBJECT)
                .or(() -> optionalUnchecked(hcp, EhdsiAttributes.XACML_SUBJECT))
                .orElseThrow(() -> new MalformedAssertionException("the practitioner's subject-id is missing"));
        AttributeValue role = hcp.required(EhdsiAttributes.ROLE);
        String roleCode = role.coded().map(CodedValue::code).orElse("");
        String xspaRole = role.coded().map(CodedValue::displayName).filter(s -> !s.isBlank()).orElse(role.text());
        if (roleCode.isBlank() && xspaRole.isBlank()) {
            throw new MalformedAssertionException("the practitioner's role is empty");
        }
        if (!ClaimLimits.fits(roleCode, ClaimLimits.CODE) || !ClaimLimits.fits(xspaRole, ClaimLimits.CODE)) {
            throw new MalformedAssertionException("the practitioner's role is longer than " + ClaimLimits.CODE
                    + " characters");
        }
        String organisation = hcp.required(EhdsiAttributes.ORGANISATION).text();
        String organisationId = hcp.required(EhdsiAttributes.ORGANISATION_ID).text();
        String facilityType = hcp.optional(EhdsiAttributes.FACILITY_TYPE).map(AttributeValue::text).orElse("");
        String pointOfCare = hcp.required(EhdsiAttributes.LOCALITY).text();
        if (organisation.isBlank() || organisationId.isBlank() || pointOfCare.isBlank()) {
            throw new MalformedAssertionException("the organisation or point of care is empty");
        }
        PurposeOfUse purpose = purpose(hcp);
        Set<String> permissions = new LinkedHashSet<>();
        Optional<SamlAttribute> permissionAttribute = hcp.attribute(EhdsiAttributes.PERMISSION);
        if (permissionAttribute.isPresent()) {
            for (AttributeValue value : permissionAttribute.get().values()) {
                String permission = value.text();
                String code = permission.startsWith(EhdsiAttributes.PERMISSION_PREFIX)
                        ? permission.substring(EhdsiAttributes.PERMISSION_PREFIX.length()) : permission;
                if (!ClaimLimits.fits(code, ClaimLimits.CODE)) {
                    throw new MalformedAssertionException("a permission is longer than " + ClaimLimits.CODE
                            + " characters");
                }
                permissions.add(code);
            }
        }
        return new HcpIdentity(hcp.subjectNameId(), name.text(), xspaRole, roleCode, organisation, organisationId,
                facilityType, pointOfCare, hcp.optional(EhdsiAttributes.HOME_COMMUNITY_ID).map(AttributeValue::text),
                purpose, permissions);
    }

    static PurposeOfUse purpose(SamlAssertion assertion) throws MalformedAssertionException {
        AttributeValue value = assertion.required(EhdsiAttributes.PURPOSE_OF_USE);
        return PurposeOfUse.parse(value.codeOrText())
                .orElseThrow(() -> new MalformedAssertionException("purpose of use is neither TREATMENT nor EMERGENCY"));
    }

    private static Optional<AttributeValue> optionalUnchecked(SamlAssertion assertion, String name) {
        try {
            return assertion.optional(name);
        } catch (MalformedAssertionException e) {
            return Optional.empty();
        }
    }
}
