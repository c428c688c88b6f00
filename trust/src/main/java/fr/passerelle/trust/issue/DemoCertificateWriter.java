package fr.passerelle.trust.issue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/**
 * Writes the demo PKI's X.509 v3 certificates with the JDK alone (the JDK parses and verifies certificates but has no
 * public builder; a cryptography library of 9 MB in the gateway jar for this one demo use was not worth it): the
 * DER of RFC 5280's TBSCertificate — serial, SHA256withRSA, issuer, validity, subject, the key's own
 * SubjectPublicKeyInfo, critical basicConstraints and keyUsage — signed with {@link Signature}, then read back by the
 * JDK's {@link CertificateFactory}, which rejects anything malformed.
 */
final class DemoCertificateWriter {

    /** sha256WithRSAEncryption, RFC 4055. */
    private static final byte[] SHA256_WITH_RSA = {0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01,
        0x0b};
    private static final byte[] BASIC_CONSTRAINTS = {0x55, 0x1d, 0x13};
    private static final byte[] KEY_USAGE = {0x55, 0x1d, 0x0f};
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter GENERALIZED_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Instant UTC_TIME_END = Instant.parse("2050-01-01T00:00:00Z");

    private DemoCertificateWriter() {
    }

    /**
     * The DER of a distinguished name written as the demo writes them ({@code C=EU,O=…,CN=…}): its RDNs in the
     * string's order, as the demo's certificates have always carried them.
     */
    static byte[] name(String distinguishedName) {
        try {
            List<Rdn> rdns = new ArrayList<>(new LdapName(distinguishedName).getRdns());
            // LdapName lists the rightmost RDN first; X500Principal puts the leftmost last: reversing keeps the order.
            Collections.reverse(rdns);
            return new X500Principal(new LdapName(rdns).toString()).getEncoded();
        } catch (InvalidNameException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a distinguished name: " + distinguishedName, e);
        }
    }

    static X509Certificate certificate(byte[] subject, PublicKey key, byte[] issuer, PrivateKey issuerKey,
                                       BigInteger serial, Instant notBefore, Instant notAfter, boolean authority) {
        byte[] algorithm = sequence(tlv(0x06, SHA256_WITH_RSA), tlv(0x05, new byte[0]));
        byte[] basicConstraints = authority ? sequence(tlv(0x01, new byte[] {(byte) 0xff})) : sequence();
        // keyUsage bits: keyCertSign (5) + cRLSign (6), or digitalSignature (0) + nonRepudiation (1).
        byte[] keyUsage = authority ? tlv(0x03, new byte[] {0x01, 0x06}) : tlv(0x03, new byte[] {0x06, (byte) 0xc0});
        byte[] extensions = tlv(0xa3, sequence(extension(BASIC_CONSTRAINTS, basicConstraints),
                extension(KEY_USAGE, keyUsage)));
        byte[] tbs = sequence(tlv(0xa0, tlv(0x02, new byte[] {0x02})), tlv(0x02, serial.toByteArray()), algorithm,
                issuer, sequence(time(notBefore), time(notAfter)), subject, key.getEncoded(), extensions);
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(issuerKey);
            signer.update(tbs);
            byte[] signature = signer.sign();
            byte[] bits = new byte[signature.length + 1];
            System.arraycopy(signature, 0, bits, 1, signature.length);
            byte[] der = sequence(tbs, algorithm, tlv(0x03, bits));
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create a demo certificate", e);
        }
    }

    private static byte[] extension(byte[] oid, byte[] value) {
        return sequence(tlv(0x06, oid), tlv(0x01, new byte[] {(byte) 0xff}), tlv(0x04, value));
    }

    private static byte[] time(Instant t) {
        return t.isBefore(UTC_TIME_END)
                ? tlv(0x17, UTC_TIME.format(t).getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                : tlv(0x18, GENERALIZED_TIME.format(t).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private static byte[] sequence(byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            content.writeBytes(part);
        }
        return tlv(0x30, content.toByteArray());
    }

    /** DER tag, definite length, content. */
    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }
}
