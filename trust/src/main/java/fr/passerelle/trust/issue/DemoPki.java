package fr.passerelle.trust.issue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEParameterSpec;

/**
 * A demo eHDSI PKI: one CA (standing for the eHDSI CA) and one NCP signer per country, RSA 2048 / SHA-256.
 * Generated fresh for tests and at the gateway's first start; the keys live only in memory or in the
 * gateway's data directory, never in the repository.
 */
public final class DemoPki {

    private static final String CA_ALIAS = "demo-ehdsi-ca";
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * PBKDF2 rounds protecting each key in the saved store. One: the store's password is a constant of the demo's
     * source code, so stretching it protects nothing, while the default 10,000 rounds per key were a visible part of
     * the gateway's first start (issue 21). The store holds demo keys only, never a production key.
     */
    private static final int DEMO_KEY_PBE_ROUNDS = 1;

    private final X509Certificate authority;
    private final PrivateKey authorityKey;
    private final Map<String, CountrySigner> signers;

    private DemoPki(X509Certificate authority, PrivateKey authorityKey, Map<String, CountrySigner> signers) {
        this.authority = authority;
        this.authorityKey = authorityKey;
        this.signers = Map.copyOf(signers);
    }

    /** A CA and one signer per country, valid from {@code now} minus a day for {@code validity}. */
    public static DemoPki generate(Instant now, Duration validity, List<String> countries) {
        Instant from = now.minus(Duration.ofDays(1));
        Instant to = now.plus(validity);
        KeyPair caKeys = rsa();
        X509Certificate ca = certificate("C=EU,O=Passerelle demo,CN=Demo eHDSI CA", caKeys.getPublic(),
                DemoCertificateWriter.name("C=EU,O=Passerelle demo,CN=Demo eHDSI CA"), caKeys.getPrivate(), from, to,
                true);
        Map<String, CountrySigner> signers = new LinkedHashMap<>();
        DemoPki pki = new DemoPki(ca, caKeys.getPrivate(), Map.of());
        for (String country : countries) {
            signers.put(country, pki.issueSigner(country, signerSubject(country), from, to));
        }
        return new DemoPki(ca, caKeys.getPrivate(), signers);
    }

    public static String signerSubject(String country) {
        return "C=" + country + ",O=Demo NCP " + country + ",CN=ncp-signer." + country.toLowerCase(Locale.ROOT)
                + ".demo";
    }

    public X509Certificate authority() {
        return authority;
    }

    public CountrySigner signer(String country) {
        CountrySigner signer = signers.get(country);
        if (signer == null) {
            throw new IllegalArgumentException("the demo PKI has no signer for " + country);
        }
        return signer;
    }

    public Map<String, CountrySigner> signers() {
        return signers;
    }

    /** A further signer certificate issued by the demo CA (tests: other countries, expired, misleading DNs). */
    public CountrySigner issueSigner(String country, String subject, Instant notBefore, Instant notAfter) {
        KeyPair keys = rsa();
        X509Certificate certificate = certificate(subject, keys.getPublic(),
                authority.getSubjectX500Principal().getEncoded(), authorityKey, notBefore,
                notAfter, false);
        return new CountrySigner(country, certificate, keys.getPrivate());
    }

    /** A self-signed signer, trusted by nobody unless put in a trust list. */
    public static CountrySigner selfSigned(String country, String subject, Instant notBefore, Instant notAfter) {
        KeyPair keys = rsa();
        return new CountrySigner(country, certificate(subject, keys.getPublic(), DemoCertificateWriter.name(subject),
                keys.getPrivate(), notBefore, notAfter, false), keys.getPrivate());
    }

    /** Writes the CA certificate into {@code <dir>/<country>/demo-ehdsi-ca.pem} for each demo country. */
    public void writeTrustList(Path directory) throws IOException {
        for (String country : signers.keySet()) {
            Path folder = directory.resolve(country);
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("demo-ehdsi-ca.pem"), pem(authority), StandardCharsets.US_ASCII);
        }
    }

    /** Saves the CA and the signers in a PKCS#12 key store, so a restarted gateway keeps the same demo PKI. */
    public void save(Path keyStore, char[] password) throws IOException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setEntry(CA_ALIAS, new KeyStore.PrivateKeyEntry(authorityKey, new Certificate[] {authority}),
                    protection(password));
            for (CountrySigner signer : signers.values()) {
                store.setEntry("signer-" + signer.country(), new KeyStore.PrivateKeyEntry(signer.privateKey(),
                        new Certificate[] {signer.certificate(), authority}), protection(password));
            }
            Files.createDirectories(keyStore.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(keyStore)) {
                store.store(out, password);
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot write the demo key store", e);
        }
    }

    public static DemoPki load(Path keyStore, char[] password) throws IOException {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            X509Certificate ca = (X509Certificate) store.getCertificate(CA_ALIAS);
            PrivateKey caKey = (PrivateKey) store.getKey(CA_ALIAS, password);
            Map<String, CountrySigner> signers = new LinkedHashMap<>();
            for (String alias : java.util.Collections.list(store.aliases())) {
                if (alias.startsWith("signer-")) {
                    String country = alias.substring("signer-".length()).toUpperCase(Locale.ROOT);
                    signers.put(country, new CountrySigner(country, (X509Certificate) store.getCertificate(alias),
                            (PrivateKey) store.getKey(alias, password)));
                }
            }
            return new DemoPki(ca, caKey, signers);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the demo key store", e);
        }
    }

    public static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encode a certificate", e);
        }
    }

    private static KeyStore.ProtectionParameter protection(char[] password) {
        byte[] salt = new byte[16];
        byte[] iv = new byte[16];
        RANDOM.nextBytes(salt);
        RANDOM.nextBytes(iv);
        return new KeyStore.PasswordProtection(password, "PBEWithHmacSHA256AndAES_256",
                new PBEParameterSpec(salt, DEMO_KEY_PBE_ROUNDS, new IvParameterSpec(iv)));
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is always available", e);
        }
    }

    private static X509Certificate certificate(String subject, PublicKey key, byte[] issuer, PrivateKey issuerKey,
            Instant notBefore, Instant notAfter, boolean authority) {
        return DemoCertificateWriter.certificate(DemoCertificateWriter.name(subject), key, issuer, issuerKey,
                new BigInteger(64, RANDOM).abs().add(BigInteger.ONE), notBefore, notAfter, authority);
    }
}
