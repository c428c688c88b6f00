package fr.passerelle.gateway.healthspace.dmp;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Throw-away certificates for the tests, written as PKCS12 files: the NCP's organisation certificate (TLS client and
 * VIHF signer), a DMP server certificate for localhost, and trust stores holding each side's certificate.
 */
public final class DmpTestPki {

    public static final String PASSWORD = "changeit";

    public final Path organisationKeyStore;
    public final Path organisationTrustStore;
    final Path serverKeyStore;
    final Path serverTrustStore;
    final X509Certificate organisationCertificate;

    private DmpTestPki(Path dir) throws Exception {
        KeyPair organisationKeys = rsa();
        organisationCertificate = selfSigned(organisationKeys,
                "CN=NCPeH France Passerelle,OU=3180036000012,O=Passerelle,C=FR", false);
        KeyPair serverKeys = rsa();
        X509Certificate serverCertificate = selfSigned(serverKeys, "CN=localhost,O=DMP test,C=FR", true);
        organisationKeyStore = keyStore(dir.resolve("organisation.p12"), "organisation", organisationKeys,
                organisationCertificate);
        serverKeyStore = keyStore(dir.resolve("server.p12"), "server", serverKeys, serverCertificate);
        organisationTrustStore = trustStore(dir.resolve("organisation-trust.p12"), serverCertificate);
        serverTrustStore = trustStore(dir.resolve("server-trust.p12"), organisationCertificate);
    }

    public static DmpTestPki create(Path dir) {
        try {
            return new DmpTestPki(dir);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key store holding a fresh key the server does not trust. */
    static Path strangerKeyStore(Path dir) throws Exception {
        KeyPair keys = rsa();
        return keyStore(dir.resolve("stranger.p12"), "stranger", keys,
                selfSigned(keys, "CN=Stranger,O=Nobody,C=FR", false));
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static X509Certificate selfSigned(KeyPair keys, String subject, boolean localhost) throws Exception {
        Instant now = Instant.now();
        X500Name name = new X500Name(subject);
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(2))), name, keys.getPublic());
        if (localhost) {
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName[] {new GeneralName(GeneralName.dNSName, "localhost"),
                            new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
        }
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    }

    private static Path keyStore(Path file, String alias, KeyPair keys, X509Certificate certificate)
            throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(alias, keys.getPrivate(), PASSWORD.toCharArray(), new Certificate[] {certificate});
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD.toCharArray());
        }
        return file;
    }

    private static Path trustStore(Path file, X509Certificate certificate) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("trusted", certificate);
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD.toCharArray());
        }
        return file;
    }
}
