package fr.passerelle.trust;

import static fr.passerelle.trust.AssertionRulesTest.attribute;
import static fr.passerelle.trust.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.trust.issue.AssertionIssuer;
import fr.passerelle.trust.issue.DemoPki;
import fr.passerelle.trust.issue.HcpClaims;
import fr.passerelle.trust.issue.SigningProfile;
import fr.passerelle.trust.issue.SoapEnvelopes;
import fr.passerelle.trust.issue.TrcClaims;
import fr.passerelle.trust.replay.CachingReplayGuard;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The order of the validator's checks is security behaviour: a request that fails two checks is refused by the
 * earlier one, with its code. Each pair below first shows that each fault alone is refused by its own check, so
 * the pair really fails both.
 */
class CheckOrderTest {

    private static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
    private static final DemoPki OTHER_PKI = DemoPki.generate(TrustFixture.NOW, Duration.ofDays(30), List.of("ES"));
    private final TrustFixture fixture = new TrustFixture();

    /** What can be wrong with an otherwise valid ES HCP + TRC XCA query for {@link TrustFixture#PATIENT}. */
    private enum Fault {
        /** 300,000 characters of text in the Security header. */
        OVERSIZED_HEADER,
        /** The HCP assertion says SAML 1.1 (signed so). */
        SAML_11,
        /** An element of the Body carries the HCP assertion's ID. */
        DUPLICATE_ID,
        /** The HCP's subject-id value changed after signing. */
        HCP_ALTERED,
        /** The TRC's patient changed after signing. */
        TRC_ALTERED,
        /** The HCP is signed by a signer of another PKI than the trust list's. */
        HCP_SIGNER_UNTRUSTED,
        /** Validated 5 hours after issue: both assertions have expired. */
        EXPIRED,
        /** The HCP has no organisation-id attribute (signed so). */
        NO_ORGANISATION_ID,
        /** The TRC references another HCP assertion. */
        TRC_BOUND_ELSEWHERE,
        /** The request is about another patient than the TRC's. */
        OTHER_PATIENT,
        /** The HCP is a receptionist. */
        NON_CLINICAL_ROLE
    }

    @Test
    void theHeaderSizeIsRefusedBeforeAnyAssertionIsRead() {
        assertRefused(validate(Fault.OVERSIZED_HEADER), EhdsiError.ERROR_SEC_GENERIC, "header", "exceeds 262144");
        assertRefused(validate(Fault.SAML_11), EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "structure",
                "Version 2.0");
        assertRefused(validate(Fault.OVERSIZED_HEADER, Fault.SAML_11), EhdsiError.ERROR_SEC_GENERIC, "header",
                "exceeds 262144");
    }

    @Test
    void aDuplicateIdIsRefusedBeforeTheSignatureIsChecked() {
        assertRefused(validate(Fault.DUPLICATE_ID), EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "unique-id",
                "the HCP assertion ID occurs 2 times");
        assertRefused(validate(Fault.HCP_ALTERED), EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "signature",
                "HCP assertion");
        assertRefused(validate(Fault.DUPLICATE_ID, Fault.HCP_ALTERED), EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED,
                "unique-id", "the HCP assertion ID occurs 2 times");
    }

    /** An unsigned claim is never looked at: the missing claim and the bad role lose to the signature. */
    @Test
    void theSignatureIsCheckedBeforeAnyClaimIsBelieved() {
        assertRefused(validate(Fault.NO_ORGANISATION_ID), EhdsiError.ERROR_HPI_INSUFFICIENT_INFORMATION,
                "hcp-identity", "organization-id is missing");
        assertRefused(validate(Fault.NON_CLINICAL_ROLE), EhdsiError.ERROR_INSUFFICIENT_RIGHTS, "access-rule",
                "role 4226 may not call XCA_QUERY");
        assertRefused(validate(Fault.HCP_ALTERED, Fault.NO_ORGANISATION_ID),
                EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "signature", "HCP assertion");
        assertRefused(validate(Fault.HCP_ALTERED, Fault.NON_CLINICAL_ROLE),
                EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "signature", "HCP assertion");
    }

    /** Signature then signer, assertion by assertion: the HCP's untrusted signer before the TRC's signature. */
    @Test
    void signatureAndSignerAreCheckedAssertionByAssertion() {
        assertRefused(validate(Fault.HCP_SIGNER_UNTRUSTED), EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED,
                "trust-list", "HCP assertion: ");
        assertRefused(validate(Fault.TRC_ALTERED), EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "signature",
                "TRC assertion");
        assertRefused(validate(Fault.HCP_SIGNER_UNTRUSTED, Fault.TRC_ALTERED),
                EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "trust-list", "HCP assertion: ");
        assertRefused(validate(Fault.HCP_SIGNER_UNTRUSTED, Fault.HCP_ALTERED),
                EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "signature", "HCP assertion");
    }

    @Test
    void theSignerIsTrustedBeforeTheTimesAndTheTimesBeforeTheIdentity() {
        assertRefused(validate(Fault.EXPIRED), EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "validity",
                "the HCP assertion has expired");
        assertRefused(validate(Fault.HCP_SIGNER_UNTRUSTED, Fault.EXPIRED),
                EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "trust-list", "HCP assertion: ");
        assertRefused(validate(Fault.EXPIRED, Fault.NO_ORGANISATION_ID),
                EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "validity", "the HCP assertion has expired");
    }

    /** A TRC bound to another practitioner's assertion says nothing about the patient: 1002, not 4206. */
    @Test
    void theTrcBindingIsCheckedBeforeItsPatientAndThePatientBeforeTheRole() {
        assertRefused(validate(Fault.TRC_BOUND_ELSEWHERE), EhdsiError.ERROR_NOT_VALID_TRC_ASSERTION, "trc-binding",
                "bound to another HCP assertion");
        assertRefused(validate(Fault.OTHER_PATIENT), EhdsiError.ERROR_UNKNOWN_PATIENT_IDENTIFIER, "trc-patient",
                "another patient");
        assertRefused(validate(Fault.TRC_BOUND_ELSEWHERE, Fault.OTHER_PATIENT),
                EhdsiError.ERROR_NOT_VALID_TRC_ASSERTION, "trc-binding", "bound to another HCP assertion");
        assertRefused(validate(Fault.OTHER_PATIENT, Fault.NON_CLINICAL_ROLE),
                EhdsiError.ERROR_UNKNOWN_PATIENT_IDENTIFIER, "trc-patient", "another patient");
    }

    /** The replay guard comes last: a request refused by any other check spends none of its ids. */
    @Test
    void aRefusedRequestSpendsNoIdSoTheReplayGuardIsLast() {
        Document envelope = TrustFixture.roundTrip(fixture.validPair());
        RequestValidator validator = fixture.validator();
        assertRefused(validator.validate(envelope, Transaction.XDR, TrustFixture.PATIENT),
                EhdsiError.ERROR_INSUFFICIENT_RIGHTS, "access-rule", "role 221 may not call XDR");
        assertThat(validator.validate(envelope, Transaction.XCA_QUERY, TrustFixture.PATIENT))
                .isInstanceOf(VerifiedRequester.class);
        assertRefused(validator.validate(envelope, Transaction.XDR, TrustFixture.PATIENT),
                EhdsiError.ERROR_INSUFFICIENT_RIGHTS, "access-rule", "role 221 may not call XDR");
        assertRefused(validator.validate(envelope, Transaction.XCA_QUERY, TrustFixture.PATIENT),
                EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "replay", "the message id was already used");
    }

    @Test
    void withoutFaultTheRequestIsBelieved() {
        assertThat(validate()).isInstanceOf(VerifiedRequester.class);
    }

    private Validation validate(Fault... faults) {
        Set<Fault> set = faults.length == 0 ? EnumSet.noneOf(Fault.class) : EnumSet.of(faults[0], faults);
        Clock clock = set.contains(Fault.EXPIRED)
                ? Clock.fixed(TrustFixture.NOW.plus(Duration.ofHours(5)), ZoneOffset.UTC) : fixture.clock;
        RequestValidator validator = new RequestValidator(TrustSettings.ehdsiDefaults(), fixture.trustList,
                new CachingReplayGuard(fixture.replayStore, clock, 100), clock);
        String patient = set.contains(Fault.OTHER_PATIENT) ? "999^^^&1.2.250.1.213.1.4.10&ISO" : TrustFixture.PATIENT;
        return validator.validate(TrustFixture.roundTrip(envelope(set)), Transaction.XCA_QUERY, patient);
    }

    private Document envelope(Set<Fault> faults) {
        Document envelope = SoapEnvelopes.envelope(SoapEnvelopes.ACTION_XCA_QUERY);
        Element security = SoapEnvelopes.security(envelope);
        AssertionIssuer issuer = fixture.issuer("ES");
        HcpClaims doctor = faults.contains(Fault.NON_CLINICAL_ROLE)
                ? HcpClaims.demoDoctor("ES").withRole("4226", "Receptionists") : HcpClaims.demoDoctor("ES");
        Element hcp = issuer.buildHcp(security, doctor);
        if (faults.contains(Fault.SAML_11)) {
            hcp.setAttribute("Version", "1.1");
        }
        if (faults.contains(Fault.NO_ORGANISATION_ID)) {
            Element attribute = attribute(hcp, "urn:oasis:names:tc:xspa:1.0:subject:organization-id");
            attribute.getParentNode().removeChild(attribute);
        }
        AssertionIssuer.sign(hcp, SigningProfile.ehdsi(),
                faults.contains(Fault.HCP_SIGNER_UNTRUSTED) ? OTHER_PKI.signer("ES") : TrustFixture.PKI.signer("ES"));
        Element trc = issuer.trc(security, TrcClaims.treating(TrustFixture.PATIENT), doctor.practitionerId(),
                faults.contains(Fault.TRC_BOUND_ELSEWHERE) ? "_another" : hcp.getAttribute("ID"));
        if (faults.contains(Fault.HCP_ALTERED)) {
            value(attribute(hcp, "urn:oasis:names:tc:xspa:1.0:subject:subject-id")).setTextContent("Mallory");
        }
        if (faults.contains(Fault.TRC_ALTERED)) {
            value(attribute(trc, "urn:oasis:names:tc:xacml:1.0:resource:resource-id")).setTextContent("1^^^&1.2&ISO");
        }
        if (faults.contains(Fault.DUPLICATE_ID)) {
            Element decoy = envelope.createElementNS("urn:decoy", "d:decoy");
            decoy.setAttribute("ID", hcp.getAttribute("ID"));
            security.getParentNode().getNextSibling().appendChild(decoy);
        }
        if (faults.contains(Fault.OVERSIZED_HEADER)) {
            security.appendChild(envelope.createTextNode("x".repeat(300_000)));
        }
        return envelope;
    }

    private static Element value(Element attribute) {
        return (Element) attribute.getElementsByTagNameNS(SAML, "AttributeValue").item(0);
    }
}
