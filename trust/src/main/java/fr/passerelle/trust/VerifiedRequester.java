package fr.passerelle.trust;

import fr.passerelle.trust.assertion.NextOfKin;
import fr.passerelle.trust.assertion.PurposeOfUse;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A requester whose assertions were all verified: signed by a trusted NCP of {@code country}, in time, not
 * replayed, and allowed to call the transaction.
 *
 * @param practitionerId     HCP {@code Subject/NameID}
 * @param practitionerName   XSPA subject-id
 * @param organisation       XSPA organisation name
 * @param organisationId     XSPA organisation-id
 * @param country            ISO 3166 alpha-2 of the requesting NCP (signer certificate and issuer agree)
 * @param xspaRole           role display name
 * @param roleCode           healthcare-professional role code (ISCO-08)
 * @param purposeOfUse       TREATMENT or EMERGENCY (the TRC's when there is one)
 * @param permissions        HL7 permissions, e.g. {@code PRD-006}
 * @param pointOfCare        XSPA environment locality
 * @param facilityType       eHDSI healthcare facility type (may be empty)
 * @param treatedPatientId   the patient of the TRC assertion, when there is one
 * @param hcpAssertionId     HCP assertion ID
 * @param trcAssertionId     TRC assertion ID, when there is one
 * @param nextOfKin          the next-of-kin assertion's claims, when there is one
 * @param expiry             the earliest {@code NotOnOrAfter} of the assertions: the requester is believed until then
 */
public record VerifiedRequester(
        String practitionerId,
        String practitionerName,
        String organisation,
        String organisationId,
        String country,
        String xspaRole,
        String roleCode,
        PurposeOfUse purposeOfUse,
        Set<String> permissions,
        String pointOfCare,
        String facilityType,
        Optional<String> treatedPatientId,
        String hcpAssertionId,
        Optional<String> trcAssertionId,
        Optional<NextOfKin> nextOfKin,
        Instant expiry) implements Validation {

    public VerifiedRequester {
        permissions = Set.copyOf(permissions);
    }
}
