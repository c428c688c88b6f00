package fr.passerelle.trust;

import static fr.passerelle.trust.Refusals.assertRefused;

import fr.passerelle.trust.issue.AssertionIssuer;
import fr.passerelle.trust.issue.CountrySigner;
import fr.passerelle.trust.issue.DemoPki;
import fr.passerelle.trust.issue.HcpClaims;
import fr.passerelle.trust.issue.SoapEnvelopes;
import fr.passerelle.trust.issue.TrcClaims;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Signers that must not be believed: untrusted, self-signed, out of validity, or of another country. */
class SignerTrustRulesTest {

    private static final Instant NOW = TrustFixture.NOW;
    private final TrustFixture fixture = new TrustFixture();

    private Validation hcpSignedBy(CountrySigner signer) {
        Document envelope = SoapEnvelopes.envelope(SoapEnvelopes.ACTION_XCPD);
        new AssertionIssuer(signer, fixture.clock).hcp(SoapEnvelopes.security(envelope),
                HcpClaims.demoDoctor(signer.country()));
        return fixture.validator().validate(TrustFixture.roundTrip(envelope), Transaction.XCPD, null);
    }

    @Test
    void signerFromAnotherPki() {
        DemoPki other = DemoPki.generate(NOW, Duration.ofDays(30), java.util.List.of("ES"));
        assertRefused(hcpSignedBy(other.signer("ES")), EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "trust-list",
                "not in, nor issued by, the trust list of ES");
    }

    @Test
    void selfSignedSigner() {
        CountrySigner self = DemoPki.selfSigned("ES", DemoPki.signerSubject("ES"), NOW.minusSeconds(60),
                NOW.plus(Duration.ofDays(1)));
        assertRefused(hcpSignedBy(self), EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "trust-list",
                "not in, nor issued by, the trust list of ES");
    }

    @Test
    void expiredSigner() {
        CountrySigner expired = TrustFixture.PKI.issueSigner("ES", DemoPki.signerSubject("ES"),
                NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(1)));
        assertRefused(hcpSignedBy(expired), EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "trust-list",
                "the signer certificate has expired");
    }

    @Test
    void notYetValidSigner() {
        CountrySigner future = TrustFixture.PKI.issueSigner("ES", DemoPki.signerSubject("ES"),
                NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(400)));
        assertRefused(hcpSignedBy(future), EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "trust-list",
                "the signer certificate is not yet valid");
    }

    @Test
    void signerCertificateOfAnotherCountryThanClaimed() {
        // A genuine, trusted German NCP key signs an assertion whose issuer claims Spain.
        CountrySigner german = TrustFixture.PKI.signer("DE");
        assertRefused(hcpSignedBy(new CountrySigner("ES", german.certificate(), german.privateKey())),
                EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "trust-list",
                "belongs to DE, not to the claimed country ES");
    }

    @Test
    void countryNamedOnlyInsideTheCommonNameIsNotTheCountry() {
        // A substring search for "C=ES" would find it in the CN; parsing the DN finds C=DE.
        CountrySigner tricky = TrustFixture.PKI.issueSigner("ES", "C=DE,O=Demo NCP DE,CN=C\\=ES", NOW.minusSeconds(60),
                NOW.plus(Duration.ofDays(1)));
        assertRefused(hcpSignedBy(tricky), EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "trust-list",
                "belongs to DE, not to the claimed country ES");
    }

    @Test
    void twoCountriesInTheSubjectAreAmbiguous() {
        CountrySigner ambiguous = TrustFixture.PKI.issueSigner("ES", "C=ES,C=DE,CN=ncp", NOW.minusSeconds(60),
                NOW.plus(Duration.ofDays(1)));
        assertRefused(hcpSignedBy(ambiguous), EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "trust-list",
                "names no single country");
    }

    @Test
    void countryWithoutTrustListEntry() {
        CountrySigner french = TrustFixture.PKI.issueSigner("FR", DemoPki.signerSubject("FR"), NOW.minusSeconds(60),
                NOW.plus(Duration.ofDays(1)));
        assertRefused(hcpSignedBy(french), EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "trust-list",
                "country FR has no trust-list entry");
    }

    @Test
    void hcpAndTrcFromDifferentCountries() {
        Document envelope = SoapEnvelopes.envelope(SoapEnvelopes.ACTION_XCA_QUERY);
        Element security = SoapEnvelopes.security(envelope);
        HcpClaims doctor = HcpClaims.demoDoctor("ES");
        Element hcp = fixture.issuer("ES").hcp(security, doctor);
        fixture.issuer("IT").trc(security, TrcClaims.treating(TrustFixture.PATIENT), doctor.practitionerId(),
                hcp.getAttribute("ID"));
        assertRefused(fixture.validator().validate(TrustFixture.roundTrip(envelope), Transaction.XCA_QUERY,
                TrustFixture.PATIENT), EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "trust-list",
                "different countries (ES, IT)");
    }
}
