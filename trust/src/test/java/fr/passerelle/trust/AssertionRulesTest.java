package fr.passerelle.trust;

import static fr.passerelle.trust.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.trust.assertion.PurposeOfUse;
import fr.passerelle.trust.issue.AssertionIssuer;
import fr.passerelle.trust.issue.HcpClaims;
import fr.passerelle.trust.issue.SigningProfile;
import fr.passerelle.trust.issue.SoapEnvelopes;
import fr.passerelle.trust.issue.TrcClaims;
import fr.passerelle.trust.replay.CachingReplayGuard;
import fr.passerelle.trust.xml.EnvelopedSignatureVerifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The eHDSI assertion rules: counts, binding, patient, times, confirmation, audience, claims, access table. */
class AssertionRulesTest {

    private static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
    private final TrustFixture fixture = new TrustFixture();

    private Validation validate(Document envelope, Transaction transaction, String patient) {
        return fixture.validator().validate(TrustFixture.roundTrip(envelope), transaction, patient);
    }

    private Validation validateAt(Instant at, Document envelope) {
        Clock clock = Clock.fixed(at, ZoneOffset.UTC);
        return new RequestValidator(TrustSettings.ehdsiDefaults(), fixture.trustList,
                new CachingReplayGuard(fixture.replayStore, clock, 100), clock)
                .validate(TrustFixture.roundTrip(envelope), Transaction.XCA_QUERY, TrustFixture.PATIENT);
    }

    /** An envelope with an HCP (claims) and, when trc is non-null, a TRC bound to it. */
    private Document pair(HcpClaims doctor, TrcClaims trc) {
        Document envelope = SoapEnvelopes.envelope(SoapEnvelopes.ACTION_XCA_QUERY);
        Element security = SoapEnvelopes.security(envelope);
        AssertionIssuer issuer = fixture.issuer("ES");
        Element hcp = issuer.hcp(security, doctor);
        if (trc != null) {
            issuer.trc(security, trc, doctor.practitionerId(), hcp.getAttribute("ID"));
        }
        return envelope;
    }

    private static Element nameId(Element assertion) {
        return (Element) assertion.getElementsByTagNameNS(SAML, "NameID").item(0);
    }

    @Test
    void twoHcpAssertions() {
        Document envelope = fixture.validPair();
        fixture.issuer("ES").hcp(SoapEnvelopes.security(envelope), HcpClaims.demoDoctor("ES"));
        assertRefused(validate(envelope, Transaction.XCA_QUERY, TrustFixture.PATIENT),
                EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "structure", "more than one HCP assertion");
    }

    @Test
    void twoTrcAssertions() {
        Document envelope = fixture.validPair();
        Element hcp = TrustFixture.hcpOf(envelope);
        fixture.issuer("ES").trc(SoapEnvelopes.security(envelope), TrcClaims.treating(TrustFixture.PATIENT),
                nameId(hcp).getTextContent(), hcp.getAttribute("ID"));
        assertRefused(validate(envelope, Transaction.XCA_QUERY, TrustFixture.PATIENT),
                EhdsiError.ERROR_NOT_VALID_TRC_ASSERTION, "structure", "more than one TRC assertion");
    }

    @Test
    void trcBoundToAnotherHcpAssertion() {
        Document envelope = SoapEnvelopes.envelope(SoapEnvelopes.ACTION_XCA_QUERY);
        Element security = SoapEnvelopes.security(envelope);
        HcpClaims doctor = HcpClaims.demoDoctor("ES");
        fixture.issuer("ES").hcp(security, doctor);
        fixture.issuer("ES").trc(security, TrcClaims.treating(TrustFixture.PATIENT), doctor.practitionerId(),
                "_some-other-hcp-assertion");
        assertRefused(validate(envelope, Transaction.XCA_QUERY, TrustFixture.PATIENT),
                EhdsiError.ERROR_NOT_VALID_TRC_ASSERTION, "trc-binding", "bound to another HCP assertion");
    }

    @Test
    void trcOfAnotherPractitioner() {
        Document envelope = SoapEnvelopes.envelope(SoapEnvelopes.ACTION_XCA_QUERY);
        Element security = SoapEnvelopes.security(envelope);
        Element hcp = fixture.issuer("ES").hcp(security, HcpClaims.demoDoctor("ES"));
        fixture.issuer("ES").trc(security, TrcClaims.treating(TrustFixture.PATIENT), "someone.else@ncp.es.demo",
                hcp.getAttribute("ID"));
        assertRefused(validate(envelope, Transaction.XCA_QUERY, TrustFixture.PATIENT),
                EhdsiError.ERROR_NOT_VALID_TRC_ASSERTION, "trc-binding", "another practitioner");
    }

    @Test
    void trcForAnotherPatient() {
        assertRefused(validate(fixture.validPair(), Transaction.XCA_QUERY, "999^^^&1.2.250.1.213.1.4.10&ISO"),
                EhdsiError.ERROR_UNKNOWN_PATIENT_IDENTIFIER, "trc-patient", "another patient");
    }

    @Test
    void sameExtensionUnderAnotherAuthorityIsAnotherPatient() {
        assertRefused(validate(fixture.validPair(), Transaction.XCA_QUERY, "1234567890123^^^&1.2.250.1.213.1.4.8&ISO"),
                EhdsiError.ERROR_UNKNOWN_PATIENT_IDENTIFIER, "trc-patient", "another patient");
    }

    @Test
    void requestWithoutPatientCannotUseATrc() {
        assertRefused(validate(fixture.validPair(), Transaction.XCA_QUERY, null),
                EhdsiError.ERROR_UNKNOWN_PATIENT_IDENTIFIER, "trc-patient", "names no patient");
    }

    @Test
    void documentQueryWithoutTrc() {
        assertRefused(validate(pair(HcpClaims.demoDoctor("ES"), null), Transaction.XCA_QUERY, TrustFixture.PATIENT),
                EhdsiError.ERROR_NOT_VALID_TRC_ASSERTION, "trc-required", "XCA_QUERY requires a TRC assertion");
    }

    @Test
    void noAssertionAtAll() {
        assertRefused(validate(SoapEnvelopes.envelope(SoapEnvelopes.ACTION_XCPD), Transaction.XCPD, null),
                EhdsiError.ERROR_HPI_AUTHENTICATION_NOT_RECEIVED, "header", "no SAML assertion");
    }

    @Test
    void noSecurityHeader() {
        Document envelope = SoapEnvelopes.envelope(SoapEnvelopes.ACTION_XCPD);
        Element security = SoapEnvelopes.security(envelope);
        security.getParentNode().removeChild(security);
        assertRefused(validate(envelope, Transaction.XCPD, null), EhdsiError.ERROR_HPI_AUTHENTICATION_NOT_RECEIVED,
                "header", "no WS-Security header");
    }

    @Test
    void onlyATrcWithoutHcp() {
        Document envelope = fixture.validPair();
        Element hcp = TrustFixture.hcpOf(envelope);
        hcp.getParentNode().removeChild(hcp);
        assertRefused(validate(envelope, Transaction.XCA_QUERY, TrustFixture.PATIENT),
                EhdsiError.ERROR_HPI_AUTHENTICATION_NOT_RECEIVED, "structure", "no HCP identity assertion");
    }

    @Test
    void expiredAssertions() {
        assertRefused(validateAt(TrustFixture.NOW.plus(Duration.ofHours(5)), fixture.validPair()),
                EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "validity", "the HCP assertion has expired");
    }

    @Test
    void expiredTrcWhileTheHcpIsStillValid() {
        assertRefused(validateAt(TrustFixture.NOW.plus(Duration.ofHours(2)).plusSeconds(61), fixture.validPair()),
                EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "validity", "the TRC assertion has expired");
    }

    @Test
    void clockSkewToleratesASixtySecondDrift() {
        assertThat(validateAt(TrustFixture.NOW.plus(Duration.ofHours(2)).plusSeconds(59), fixture.validPair()))
                .isInstanceOf(VerifiedRequester.class);
        assertThat(validateAt(TrustFixture.NOW.minusSeconds(59), fixture.validPair()))
                .isInstanceOf(VerifiedRequester.class);
    }

    @Test
    void assertionsIssuedInTheFuture() {
        assertRefused(validateAt(TrustFixture.NOW.minusSeconds(61), fixture.validPair()),
                EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "validity", "the HCP assertion is issued in the future");
    }

    @Test
    void notBeforeInTheFuture() {
        Document envelope = SoapEnvelopes.envelope(SoapEnvelopes.ACTION_XCPD);
        AssertionIssuer issuer = fixture.issuer("ES");
        Element hcp = issuer.buildHcp(SoapEnvelopes.security(envelope), HcpClaims.demoDoctor("ES"));
        Element conditions = (Element) hcp.getElementsByTagNameNS(SAML, "Conditions").item(0);
        conditions.setAttribute("NotBefore", TrustFixture.NOW.plus(Duration.ofMinutes(10)).toString());
        issuer.sign(hcp, SigningProfile.ehdsi());
        assertRefused(validate(envelope, Transaction.XCPD, null), EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED,
                "validity", "not valid yet");
    }

    @Test
    void hcpLivingLongerThanFourHours() {
        assertRefused(validate(pair(HcpClaims.demoDoctor("ES").withLifetime(Duration.ofHours(5)),
                        TrcClaims.treating(TrustFixture.PATIENT)), Transaction.XCA_QUERY, TrustFixture.PATIENT),
                EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "validity", "HCP assertion lives longer than 240 minutes");
    }

    @Test
    void trcLivingLongerThanTwoHours() {
        assertRefused(validate(pair(HcpClaims.demoDoctor("ES"),
                        TrcClaims.treating(TrustFixture.PATIENT).withLifetime(Duration.ofHours(3))),
                        Transaction.XCA_QUERY, TrustFixture.PATIENT),
                EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "validity", "TRC assertion lives longer than 120 minutes");
    }

    @Test
    void bearerSubjectConfirmation() {
        assertRefused(hcpEditedBeforeSigning(hcp -> ((Element) hcp.getElementsByTagNameNS(SAML, "SubjectConfirmation")
                        .item(0)).setAttribute("Method", "urn:oasis:names:tc:SAML:2.0:cm:bearer")),
                EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "subject-confirmation", "sender-vouches");
    }

    @Test
    void secondSubjectConfirmation() {
        assertRefused(hcpEditedBeforeSigning(hcp -> {
                    Element confirmation = (Element) hcp.getElementsByTagNameNS(SAML, "SubjectConfirmation").item(0);
                    Element other = (Element) confirmation.cloneNode(true);
                    other.setAttribute("Method", "urn:oasis:names:tc:SAML:2.0:cm:holder-of-key");
                    confirmation.getParentNode().appendChild(other);
                }), EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "subject-confirmation", "sender-vouches");
    }

    @Test
    void anotherAudience() {
        assertRefused(hcpEditedBeforeSigning(hcp -> hcp.getElementsByTagNameNS(SAML, "Audience").item(0)
                        .setTextContent("urn:some:other:service")),
                EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "subject-confirmation", "cross-border audience");
    }

    @Test
    void unknownAssertionType() {
        assertRefused(hcpEditedBeforeSigning(hcp -> ((Element) hcp.getElementsByTagNameNS(SAML, "Issuer").item(0))
                        .setAttribute("NameQualifier", "urn:ehdsi:assertions:admin")),
                EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "structure", "unknown assertion type");
    }

    @Test
    void samlVersionOther() {
        assertRefused(hcpEditedBeforeSigning(hcp -> hcp.setAttribute("Version", "1.1")),
                EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "structure", "Version 2.0");
    }

    @Test
    void hcpWithoutOrganisationId() {
        assertRefused(hcpEditedBeforeSigning(hcp -> removeAttribute(hcp,
                        "urn:oasis:names:tc:xspa:1.0:subject:organization-id")),
                EhdsiError.ERROR_HPI_INSUFFICIENT_INFORMATION, "hcp-identity", "organization-id is missing");
    }

    @Test
    void hcpWithTwoRoles() {
        assertRefused(hcpEditedBeforeSigning(hcp -> {
                    Element role = attribute(hcp, "urn:oasis:names:tc:xacml:2.0:subject:role");
                    role.getParentNode().appendChild(role.cloneNode(true));
                }), EhdsiError.ERROR_HPI_INSUFFICIENT_INFORMATION, "hcp-identity", "appears twice");
    }

    /** The 2018 comment-injection class: exclusive C14N ignores comments, so the signature still verifies. */
    @Test
    void commentInsideTheNameIdAfterSigning() throws Exception {
        Document envelope = SoapEnvelopes.envelope(SoapEnvelopes.ACTION_XCPD);
        Element hcp = fixture.issuer("ES").hcp(SoapEnvelopes.security(envelope), HcpClaims.demoDoctor("ES"));
        Element nameId = nameId(hcp);
        nameId.setTextContent("dr.demo@ncp.es");
        nameId.appendChild(envelope.createComment(""));
        nameId.appendChild(envelope.createTextNode(".demo"));
        Document received = TrustFixture.roundTrip(envelope);
        // The attack works on the signature: it still verifies with the comment in place...
        new EnvelopedSignatureVerifier().verify(TrustFixture.hcpOf(received), "ID");
        // ...so only refusing comments stops a reader that takes the first text node.
        assertRefused(fixture.validator().validate(received, Transaction.XCPD, null),
                EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "structure", "comments inside an assertion are refused");
    }

    @Test
    void commentInsideAnAttributeValueAfterSigning() {
        Document envelope = SoapEnvelopes.envelope(SoapEnvelopes.ACTION_XCPD);
        Element hcp = fixture.issuer("ES").hcp(SoapEnvelopes.security(envelope), HcpClaims.demoDoctor("ES"));
        Element organisationId = (Element) attribute(hcp, "urn:oasis:names:tc:xspa:1.0:subject:organization-id")
                .getElementsByTagNameNS(SAML, "AttributeValue").item(0);
        organisationId.insertBefore(envelope.createComment("x"), organisationId.getLastChild());
        assertRefused(validate(envelope, Transaction.XCPD, null), EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED,
                "structure", "comments inside an assertion are refused");
    }

    @Test
    void roleNotAllowedForTheTransaction() {
        assertRefused(validate(pair(HcpClaims.demoDoctor("ES"), TrcClaims.treating(TrustFixture.PATIENT)),
                        Transaction.XDR, TrustFixture.PATIENT),
                EhdsiError.ERROR_INSUFFICIENT_RIGHTS, "access-rule", "role 221 may not call XDR");
    }

    @Test
    void pharmacistMayDispense() {
        assertThat(validate(pair(HcpClaims.demoDoctor("ES").withRole("2262", "Pharmacists"),
                TrcClaims.treating(TrustFixture.PATIENT)), Transaction.XDR, TrustFixture.PATIENT))
                .isInstanceOf(VerifiedRequester.class);
    }

    @Test
    void purposeNotAllowedForTheTransaction() {
        assertRefused(validate(pair(HcpClaims.demoDoctor("ES").withRole("2262", "Pharmacists")
                                .withPurpose(PurposeOfUse.EMERGENCY),
                        TrcClaims.treating(TrustFixture.PATIENT).withPurpose(PurposeOfUse.EMERGENCY)),
                        Transaction.XDR, TrustFixture.PATIENT),
                EhdsiError.ERROR_INSUFFICIENT_RIGHTS, "access-rule", "purpose of use EMERGENCY is not allowed for XDR");
    }

    @Test
    void emergencyIsAllowedForReading() {
        Validation validation = validate(pair(HcpClaims.demoDoctor("ES").withPurpose(PurposeOfUse.EMERGENCY),
                TrcClaims.treating(TrustFixture.PATIENT).withPurpose(PurposeOfUse.EMERGENCY)), Transaction.XCA_QUERY,
                TrustFixture.PATIENT);
        assertThat(validation).isInstanceOfSatisfying(VerifiedRequester.class,
                r -> assertThat(r.purposeOfUse()).isEqualTo(PurposeOfUse.EMERGENCY));
    }

    @Test
    void permissionMissingForTheTransaction() {
        HcpClaims d = HcpClaims.demoDoctor("ES");
        HcpClaims prescribeOnly = new HcpClaims(d.practitionerId(), d.practitionerName(), d.roleCode(),
                d.roleDisplayName(), d.organisation(), d.organisationId(), d.facilityType(), d.pointOfCare(),
                d.homeCommunityId(), d.purposeOfUse(), List.of("PRD-003"), d.lifetime());
        assertRefused(validate(pair(prescribeOnly, null),
                        Transaction.XCPD, null),
                EhdsiError.ERROR_INSUFFICIENT_RIGHTS, "access-rule", "none of the permissions [PRD-006]");
    }

    @Test
    void nonClinicalRole() {
        assertRefused(validate(pair(HcpClaims.demoDoctor("ES").withRole("4226", "Receptionists"), null),
                        Transaction.XCPD, null),
                EhdsiError.ERROR_INSUFFICIENT_RIGHTS, "access-rule", "role 4226 may not call XCPD");
    }

    @Test
    void nextOfKinAssertionIsAcceptedAndReported() {
        Document envelope = fixture.validPair();
        Element hcp = TrustFixture.hcpOf(envelope);
        fixture.issuer("ES").nok(SoapEnvelopes.security(envelope), "nok-1",
                Map.of("urn:ehdsi:names:subject:nextofkin:1.0:subject:family", "Martin"), hcp.getAttribute("ID"));
        assertThat(validate(envelope, Transaction.XCA_QUERY, TrustFixture.PATIENT))
                .isInstanceOfSatisfying(VerifiedRequester.class, r -> assertThat(r.nextOfKin()).hasValueSatisfying(
                        kin -> assertThat(kin.attributes()).containsEntry(
                                "urn:ehdsi:names:subject:nextofkin:1.0:subject:family", List.of("Martin"))));
    }

    @Test
    void nextOfKinBoundToAnotherHcp() {
        Document envelope = fixture.validPair();
        fixture.issuer("ES").nok(SoapEnvelopes.security(envelope), "nok-1", Map.of("urn:x", "y"), "_other");
        assertRefused(validate(envelope, Transaction.XCA_QUERY, TrustFixture.PATIENT),
                EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "nok-binding", "bound to another HCP assertion");
    }

    private Validation hcpEditedBeforeSigning(java.util.function.Consumer<Element> edit) {
        Document envelope = SoapEnvelopes.envelope(SoapEnvelopes.ACTION_XCPD);
        AssertionIssuer issuer = fixture.issuer("ES");
        Element hcp = issuer.buildHcp(SoapEnvelopes.security(envelope), HcpClaims.demoDoctor("ES"));
        edit.accept(hcp);
        issuer.sign(hcp, SigningProfile.ehdsi());
        return validate(envelope, Transaction.XCPD, null);
    }

    /** The SAML attribute {@code name} of an assertion (CheckOrderTest edits claims through it too). */
    static Element attribute(Element assertion, String name) {
        var attributes = assertion.getElementsByTagNameNS(SAML, "Attribute");
        for (int i = 0; i < attributes.getLength(); i++) {
            Element attribute = (Element) attributes.item(i);
            if (name.equals(attribute.getAttribute("Name"))) {
                return attribute;
            }
        }
        throw new IllegalArgumentException(name);
    }

    private static void removeAttribute(Element assertion, String name) {
        Element attribute = attribute(assertion, name);
        attribute.getParentNode().removeChild(attribute);
    }
}
