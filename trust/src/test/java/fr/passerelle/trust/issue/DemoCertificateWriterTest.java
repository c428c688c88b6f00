package fr.passerelle.trust.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;

/** The demo PKI's certificates, written with the JDK alone and read back by it. */
class DemoCertificateWriterTest {

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    @Test
    void anAuthorityAndTheSignerItIssuesAreWhatTheTrustChecksExpect() throws Exception {
        KeyPair ca = rsa();
        KeyPair ncp = rsa();
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        Instant to = Instant.parse("2060-06-30T12:00:00Z");
        X509Certificate authority = DemoCertificateWriter.certificate(
                DemoCertificateWriter.name("C=EU,O=Passerelle demo,CN=Demo eHDSI CA"), ca.getPublic(),
                DemoCertificateWriter.name("C=EU,O=Passerelle demo,CN=Demo eHDSI CA"), ca.getPrivate(),
                BigInteger.valueOf(7), from, to, true);
        X509Certificate signer = DemoCertificateWriter.certificate(
                DemoCertificateWriter.name("C=ES,O=Demo NCP ES,CN=ncp-signer.es.demo"), ncp.getPublic(),
                authority.getSubjectX500Principal().getEncoded(), ca.getPrivate(), new BigInteger("18446744073709551615"),
                from, Instant.parse("2027-01-01T00:00:00Z"), false);

        authority.verify(ca.getPublic());
        signer.verify(ca.getPublic());
        assertThat(authority.getVersion()).isEqualTo(3);
        assertThat(authority.getSigAlgName()).isEqualTo("SHA256withRSA");
        assertThat(authority.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(signer.getBasicConstraints()).isEqualTo(-1);
        // keyCertSign (5) and cRLSign (6); digitalSignature (0) and nonRepudiation (1); nothing else.
        boolean[] caUsage = authority.getKeyUsage();
        boolean[] signerUsage = signer.getKeyUsage();
        for (int bit = 0; bit < Math.max(caUsage.length, signerUsage.length); bit++) {
            assertThat(bit < caUsage.length && caUsage[bit]).as("CA key usage bit %d", bit).isEqualTo(bit == 5 || bit == 6);
            assertThat(bit < signerUsage.length && signerUsage[bit]).as("signer key usage bit %d", bit)
                    .isEqualTo(bit == 0 || bit == 1);
        }
        assertThat(authority.getCriticalExtensionOIDs()).containsExactlyInAnyOrder("2.5.29.19", "2.5.29.15");
        // The RDNs in the order the demo writes them (C, O, CN), printed most significant last as RFC 2253 does.
        assertThat(signer.getSubjectX500Principal().getName()).isEqualTo("CN=ncp-signer.es.demo,O=Demo NCP ES,C=ES");
        assertThat(signer.getIssuerX500Principal()).isEqualTo(authority.getSubjectX500Principal());
        assertThat(signer.getSerialNumber()).isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(authority.getNotBefore()).isEqualTo(Date.from(from));
        assertThat(authority.getNotAfter()).as("after 2049: GeneralizedTime").isEqualTo(Date.from(to));
        assertThat(signer.getPublicKey()).isEqualTo(ncp.getPublic());
    }

    @Test
    void aNameThatIsNotADistinguishedNameIsRefused() {
        assertThatThrownBy(() -> DemoCertificateWriter.name("not a DN")).isInstanceOf(IllegalArgumentException.class);
    }
}
