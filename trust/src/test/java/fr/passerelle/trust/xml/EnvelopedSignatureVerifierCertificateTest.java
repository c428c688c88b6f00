package fr.passerelle.trust.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.trust.TrustFixture;
import fr.passerelle.trust.issue.AssertionIssuer;
import fr.passerelle.trust.issue.CountrySigner;
import fr.passerelle.trust.issue.HcpClaims;
import fr.passerelle.trust.issue.SigningProfile;
import fr.passerelle.trust.issue.SoapEnvelopes;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * One verifier, many requests: each assertion is checked against the certificate it carries, whatever was verified
 * before (the JDK's certificate factory already reuses parsed certificates by encoding, so the verifier keeps no
 * cache of its own: one was measured at ≈ 15 µs per request, not worth a second cache).
 */
class EnvelopedSignatureVerifierCertificateTest {

    private final TrustFixture fixture = new TrustFixture();
    private final EnvelopedSignatureVerifier verifier = new EnvelopedSignatureVerifier();

    private Element hcpSignedBy(CountrySigner signer) {
        Document envelope = SoapEnvelopes.envelope(SoapEnvelopes.ACTION_XCPD);
        Element hcp = new AssertionIssuer(signer, fixture.clock).hcp(SoapEnvelopes.security(envelope),
                HcpClaims.demoDoctor(signer.country()));
        return TrustFixture.hcpOf(TrustFixture.roundTrip(hcp.getOwnerDocument()));
    }

    private static Element keyInfoCertificate(Element assertion) {
        return (Element) assertion.getElementsByTagNameNS(EnvelopedSignatureVerifier.DSIG_NS, "X509Certificate")
                .item(0);
    }

    @Test
    void eachAssertionGetsTheCertificateItCarries() throws Exception {
        CountrySigner spain = TrustFixture.PKI.signer("ES");
        CountrySigner italy = TrustFixture.PKI.signer("IT");
        for (int round = 0; round < 2; round++) {
            assertThat(verifier.verify(hcpSignedBy(spain), "ID")).isEqualTo(spain.certificate());
            assertThat(verifier.verify(hcpSignedBy(italy), "ID")).isEqualTo(italy.certificate());
        }
    }

    @Test
    void aKnownCertificateOverAnotherKeysSignatureIsStillRefused() throws Exception {
        CountrySigner spain = TrustFixture.PKI.signer("ES");
        verifier.verify(hcpSignedBy(spain), "ID");

        Element forged = hcpSignedBy(spain);
        forged.removeChild(forged.getElementsByTagNameNS(EnvelopedSignatureVerifier.DSIG_NS, "Signature").item(0));
        AssertionIssuer.sign(forged, SigningProfile.ehdsi(),
                new CountrySigner("ES", spain.certificate(), TrustFixture.PKI.signer("IT").privateKey()));

        assertThatThrownBy(() -> verifier.verify(forged, "ID")).isInstanceOf(SignatureRefusedException.class)
                .hasMessageContaining("does not match");
    }

    @Test
    void wrappedBase64IsReadAndABrokenOneRefused() throws Exception {
        CountrySigner spain = TrustFixture.PKI.signer("ES");
        Element wrapped = hcpSignedBy(spain);
        Element certificate = keyInfoCertificate(wrapped);
        String text = certificate.getTextContent().replaceAll("\\s", "");
        certificate.setTextContent("\n  " + text.substring(0, 64) + "\r\n\t" + text.substring(64) + " \n");
        assertThat(verifier.verify(wrapped, "ID")).isEqualTo(spain.certificate());

        Element broken = hcpSignedBy(spain);
        Element brokenCertificate = keyInfoCertificate(broken);
        brokenCertificate.setTextContent(brokenCertificate.getTextContent() + "\u00a0");
        assertThatThrownBy(() -> verifier.verify(broken, "ID")).isInstanceOf(SignatureRefusedException.class)
                .hasMessageContaining("cannot be read");
    }
}
