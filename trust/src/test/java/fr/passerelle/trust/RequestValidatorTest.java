package fr.passerelle.trust;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.trust.assertion.PurposeOfUse;
import fr.passerelle.trust.issue.SoapEnvelopes;
import fr.passerelle.trust.replay.CachingReplayGuard;
import fr.passerelle.trust.replay.InMemoryReplayStore;
import fr.passerelle.trust.trustlist.DirectoryTrustList;
import fr.passerelle.trust.xml.HardenedXml;
import fr.passerelle.trust.xml.XmlLimits;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class RequestValidatorTest {

    private final TrustFixture fixture = new TrustFixture();

    @Test
    void acceptsAValidPairAndYieldsTheRequester() {
        Document envelope = TrustFixture.roundTrip(fixture.validPair());

        Validation validation = fixture.validator().validate(envelope, Transaction.XCA_QUERY, TrustFixture.PATIENT);

        assertThat(validation).isInstanceOf(VerifiedRequester.class);
        VerifiedRequester requester = (VerifiedRequester) validation;
        assertThat(requester.country()).isEqualTo("ES");
        assertThat(requester.practitionerId()).isEqualTo("dr.demo@ncp.es.demo");
        assertThat(requester.practitionerName()).isEqualTo("Demo Doctor");
        assertThat(requester.roleCode()).isEqualTo("221");
        assertThat(requester.xspaRole()).isEqualTo("Medical Doctors");
        assertThat(requester.organisation()).isEqualTo("Demo Hospital ES");
        assertThat(requester.organisationId()).isEqualTo("urn:hl7ii:1.2.3.4:ES-HOSP-1");
        assertThat(requester.pointOfCare()).isEqualTo("Demo Emergency Department ES");
        assertThat(requester.purposeOfUse()).isEqualTo(PurposeOfUse.TREATMENT);
        assertThat(requester.permissions()).contains("PRD-006", "PRD-003", "PPD-046");
        assertThat(requester.treatedPatientId()).contains(TrustFixture.PATIENT);
        assertThat(requester.hcpAssertionId()).isEqualTo(TrustFixture.hcpOf(envelope).getAttribute("ID"));
        assertThat(requester.trcAssertionId()).contains(TrustFixture.trcOf(envelope).getAttribute("ID"));
        // The TRC lives 2 h, the HCP 4 h: the requester is believed until the earlier end.
        assertThat(requester.expiry()).isEqualTo(TrustFixture.NOW.plus(Duration.ofHours(2)));
    }

    @Test
    void acceptsThePairGivenAsHeaderSecurityOrBareContainer() {
        Document envelope = TrustFixture.roundTrip(fixture.validPair());
        Validation fromSecurity = fixture.validator().validate(SoapEnvelopes.security(envelope), Transaction.XCA_QUERY,
                TrustFixture.PATIENT);
        assertThat(fromSecurity).isInstanceOf(VerifiedRequester.class);

        Document other = TrustFixture.roundTrip(fixture.validPair());
        Validation fromHeader = fixture.validator().validate(
                (org.w3c.dom.Element) other.getDocumentElement().getFirstChild(), Transaction.XCA_QUERY,
                "'1234567890123^^^&1.2.250.1.213.1.4.10&ISO'");
        assertThat(fromHeader).isInstanceOf(VerifiedRequester.class);
    }

    @Test
    void identificationNeedsNoTrcAndNoPatient() {
        Document envelope = SoapEnvelopes.envelope(SoapEnvelopes.ACTION_XCPD);
        fixture.issuer("IT").hcp(SoapEnvelopes.security(envelope), fr.passerelle.trust.issue.HcpClaims.demoDoctor("IT"));
        Validation validation = fixture.validator().validate(TrustFixture.roundTrip(envelope), Transaction.XCPD, null);
        assertThat(validation).isInstanceOfSatisfying(VerifiedRequester.class, r -> {
            assertThat(r.country()).isEqualTo("IT");
            assertThat(r.treatedPatientId()).isEmpty();
            assertThat(r.trcAssertionId()).isEmpty();
        });
    }

    @Test
    void diagnosisListsEveryCheckInOrder() {
        Diagnosis diagnosis = fixture.validator().diagnose(TrustFixture.roundTrip(fixture.validPair()).getDocumentElement(),
                Transaction.XCA_QUERY, Optional.empty());
        assertThat(diagnosis.validation()).isInstanceOf(VerifiedRequester.class);
        assertThat(diagnosis.checks()).extracting(Check::name).containsSubsequence("header", "structure", "unique-id",
                "signature", "trust-list", "validity", "subject-confirmation", "hcp-identity", "trc-binding",
                "trc-patient", "access-rule", "replay");
        assertThat(diagnosis.checks()).allMatch(Check::passed);
    }

    /** A header an OpenNCP-based NCP really sent: its original signatures must verify and the pair be accepted. */
    @Test
    void acceptsARealOpenNcpHeader() throws Exception {
        Document header;
        try (InputStream in = getClass().getResourceAsStream("/real-world/dk-openncp-xca-header.xml")) {
            header = new HardenedXml(XmlLimits.ENVELOPE).parse(in);
        }
        Clock atThatTime = Clock.fixed(Instant.parse("2025-09-01T13:00:00Z"), ZoneOffset.UTC);
        DirectoryTrustList dk = new DirectoryTrustList(Path.of("src/test/resources/real-world/trust-list"), atThatTime,
                Duration.ofSeconds(5));
        RequestValidator validator = new RequestValidator(TrustSettings.ehdsiDefaults(), dk,
                new CachingReplayGuard(new InMemoryReplayStore(), atThatTime, 100), atThatTime);

        Diagnosis diagnosis = validator.diagnose(header.getDocumentElement(), Transaction.XCA_QUERY,
                Optional.of("0410009234^^^&1.2.208.176.1.2&ISO"));

        assertThat(diagnosis.validation()).as(diagnosis.checks().toString()).isInstanceOfSatisfying(
                VerifiedRequester.class, r -> {
                    assertThat(r.country()).isEqualTo("DK");
                    assertThat(r.practitionerId()).isEqualTo("house@ehdsi.eu");
                    assertThat(r.practitionerName()).isEqualTo("John House");
                    assertThat(r.roleCode()).isEqualTo("221");
                    assertThat(r.organisationId()).isEqualTo("urn:hl7ii:1.2.3.4:ABCD");
                    assertThat(r.pointOfCare()).isEqualTo("eHDSI EU Testing MedCare Center");
                    assertThat(r.treatedPatientId()).contains("0410009234^^^&1.2.208.176.1.2&ISO");
                    assertThat(r.hcpAssertionId()).isEqualTo("_c82b7e98-a5db-41ad-bb97-9073c60e0b06");
                });
    }

    /** The same real header with the TRC's patient changed: its original signature no longer verifies. */
    @Test
    void refusesTheRealHeaderOnceAltered() throws Exception {
        byte[] original;
        try (InputStream in = getClass().getResourceAsStream("/real-world/dk-openncp-xca-header.xml")) {
            original = in.readAllBytes();
        }
        String altered = new String(original, java.nio.charset.StandardCharsets.UTF_8)
                .replace("0410009234^^^", "0410009999^^^");
        Document header = new HardenedXml(XmlLimits.ENVELOPE).parse(altered.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Clock atThatTime = Clock.fixed(Instant.parse("2025-09-01T13:00:00Z"), ZoneOffset.UTC);
        RequestValidator validator = new RequestValidator(TrustSettings.ehdsiDefaults(),
                new DirectoryTrustList(Path.of("src/test/resources/real-world/trust-list"), atThatTime,
                        Duration.ofSeconds(5)),
                new CachingReplayGuard(new InMemoryReplayStore(), atThatTime, 100), atThatTime);

        Validation validation = validator.validate(header.getDocumentElement(), Transaction.XCA_QUERY,
                "0410009999^^^&1.2.208.176.1.2&ISO");

        Refusals.assertRefused(validation, EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "signature",
                "TRC assertion: the signature value or the digest does not match");
    }

    /** The real header two hours after the TRC ended: refused for time, not for shape. */
    @Test
    void refusesTheRealHeaderAfterItsValidity() throws Exception {
        Document header;
        try (InputStream in = getClass().getResourceAsStream("/real-world/dk-openncp-xca-header.xml")) {
            header = new HardenedXml(XmlLimits.ENVELOPE).parse(in);
        }
        Clock later = Clock.fixed(Instant.parse("2025-09-01T17:00:00Z"), ZoneOffset.UTC);
        RequestValidator validator = new RequestValidator(TrustSettings.ehdsiDefaults(),
                new DirectoryTrustList(Path.of("src/test/resources/real-world/trust-list"), later, Duration.ofSeconds(5)),
                new CachingReplayGuard(new InMemoryReplayStore(), later, 100), later);
        Refusals.assertRefused(validator.validate(header.getDocumentElement(), Transaction.XCA_QUERY,
                        "0410009234^^^&1.2.208.176.1.2&ISO"),
                EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "validity", "the HCP assertion has expired");
    }

    @Test
    void issuedAssertionsHaveTheOpenNcpShape() {
        String xml = new String(fr.passerelle.trust.xml.XmlSerializer.toBytes(fixture.validPair()),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(xml).contains("NameQualifier=\"urn:ehdsi:assertions:hcp\"", "NameQualifier=\"urn:ehdsi:assertions:trc\"",
                "PrefixList=\"xsd\"", "urn:ehdsi:assertions.audience:x-border", "<PurposeOfUse xmlns=\"urn:hl7-org:v3\"",
                "urn:oasis:names:tc:SAML:2.0:cm:sender-vouches", "urn:idp:ES:countryB", "&#13;\n");
    }
}
