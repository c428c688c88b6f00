package fr.passerelle.trust.issue;

import fr.passerelle.trust.assertion.PurposeOfUse;
import java.time.Duration;
import java.util.List;

/** What an issued HCP identity assertion says. */
public record HcpClaims(
        String practitionerId,
        String practitionerName,
        String roleCode,
        String roleDisplayName,
        String organisation,
        String organisationId,
        String facilityType,
        String pointOfCare,
        String homeCommunityId,
        PurposeOfUse purposeOfUse,
        List<String> permissions,
        Duration lifetime) {

    public HcpClaims {
        permissions = List.copyOf(permissions);
    }

    /** A demo doctor of {@code country} with every eHDSI permission, valid 4 hours. */
    public static HcpClaims demoDoctor(String country) {
        return new HcpClaims("dr.demo@ncp." + country.toLowerCase(java.util.Locale.ROOT) + ".demo", "Demo Doctor",
                "221", "Medical Doctors", "Demo Hospital " + country, "urn:hl7ii:1.2.3.4:" + country + "-HOSP-1",
                "Hospital", "Demo Emergency Department " + country, "urn:oid:1.2.3.4." + country.hashCode(),
                PurposeOfUse.TREATMENT,
                List.of("PRD-003", "PRD-004", "PRD-005", "PRD-006", "PRD-010", "PRD-016", "PPD-032", "PPD-033",
                        "PPD-046"),
                Duration.ofHours(4));
    }

    public HcpClaims withRole(String code, String displayName) {
        return new HcpClaims(practitionerId, practitionerName, code, displayName, organisation, organisationId,
                facilityType, pointOfCare, homeCommunityId, purposeOfUse, permissions, lifetime);
    }

    public HcpClaims withPurpose(PurposeOfUse purpose) {
        return new HcpClaims(practitionerId, practitionerName, roleCode, roleDisplayName, organisation, organisationId,
                facilityType, pointOfCare, homeCommunityId, purpose, permissions, lifetime);
    }

    public HcpClaims withLifetime(Duration duration) {
        return new HcpClaims(practitionerId, practitionerName, roleCode, roleDisplayName, organisation, organisationId,
                facilityType, pointOfCare, homeCommunityId, purposeOfUse, permissions, duration);
    }
}
