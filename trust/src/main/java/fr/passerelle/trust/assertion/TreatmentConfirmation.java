package fr.passerelle.trust.assertion;

/**
 * What a TRC assertion claims: the practitioner {@code practitionerId} treats patient {@code patientId}, for the
 * HCP assertion {@code hcpAssertionId}.
 */
public record TreatmentConfirmation(String patientId, String practitionerId, String hcpAssertionId,
        PurposeOfUse purposeOfUse) {

    public static TreatmentConfirmation from(SamlAssertion trc) throws MalformedAssertionException {
        if (trc.kind() != AssertionKind.TRC) {
            throw new MalformedAssertionException("not a TRC assertion");
        }
        if (trc.adviceReferences().size() != 1) {
            throw new MalformedAssertionException("the TRC assertion must reference exactly one HCP assertion, not "
                    + trc.adviceReferences().size());
        }
        // OpenNCP 7+ names the patient with resource-id; earlier NCPs (and some today) with XSPA subject-id.
        String patient = trc.optional(EhdsiAttributes.RESOURCE_ID).map(AttributeValue::text).orElse(null);
        if (patient == null) {
            patient = trc.optional(EhdsiAttributes.XSPA_SUBJECT).map(AttributeValue::text)
                    .orElseThrow(() -> new MalformedAssertionException("the TRC assertion names no patient"));
        }
        if (patient.isBlank()) {
            throw new MalformedAssertionException("the TRC assertion names no patient");
        }
        return new TreatmentConfirmation(patient, trc.subjectNameId(), trc.adviceReferences().get(0),
                HcpIdentity.purpose(trc));
    }
}
