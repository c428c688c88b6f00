package fr.passerelle.gateway.fhir.crossborder;

import fr.passerelle.gateway.healthspace.Ins;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A patient's FHIR logical id: the INS sealed under the installation's key, so no INS travels in a URL, a
 * {@code Patient/<id>} reference or an access log, while any node turns the id back into the INS without shared
 * state. Deterministic authenticated encryption in the SIV manner (RFC 5297's construction, with HMAC-SHA256 for
 * the synthetic IV): the first 12 bytes of an HMAC of the plaintext are both the AES-CTR counter block and the tag,
 * so a patient always has the same id (stable across searches and nodes), and an id altered or made under another
 * key opens to nothing ({@link #insOf} empty; the road answers 404). Layout before encoding: one byte (version 1 in
 * the high nibble, the INS OID's index in the low), the 12-byte tag, the INS value encrypted; written in a base64
 * alphabet whose two extra symbols are {@code -} and {@code .} (FHIR ids are {@code [A-Za-z0-9\-\.]{1,64}}): at most
 * 60 characters for a 32-character INS, 38 for a NIR.
 */
public final class PatientIds {

    private static final int VERSION = 1;
    private static final int TAG = 12;
    private static final List<String> OIDS = List.of(Ins.NIR, Ins.NIA, Ins.TEST_NIR, Ins.DEMO_NIR);
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-.";
    private static final int MAX_ID = 64;

    private final SecretKeySpec macKey;
    private final SecretKeySpec encryptionKey;

    /** @param secret the installation's 32 random bytes; two keys are derived from it, one per use */
    public PatientIds(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the patient id key has 32 bytes or more");
        }
        this.macKey = new SecretKeySpec(derive(secret, "passerelle fhir patient id: tag"), "HmacSHA256");
        this.encryptionKey = new SecretKeySpec(Arrays.copyOf(derive(secret, "passerelle fhir patient id: cipher"), 16),
                "AES");
    }

    /** The FHIR id of a patient. */
    public String idOf(Ins ins) {
        int oid = OIDS.indexOf(ins.oid());
        if (oid < 0) {
            throw new IllegalArgumentException("not an INS OID");
        }
        byte header = (byte) (VERSION << 4 | oid);
        byte[] value = ins.value().getBytes(StandardCharsets.US_ASCII);
        byte[] tag = tag(header, value);
        byte[] sealed = new byte[1 + TAG + value.length];
        sealed[0] = header;
        System.arraycopy(tag, 0, sealed, 1, TAG);
        System.arraycopy(ctr(tag, value), 0, sealed, 1 + TAG, value.length);
        return encode(sealed);
    }

    /** The INS an id was made from, or empty for anything this installation did not make (altered, foreign, junk). */
    public Optional<Ins> insOf(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_ID) {
            return Optional.empty();
        }
        Optional<byte[]> decoded = decode(id);
        if (decoded.isEmpty() || decoded.get().length <= 1 + TAG) {
            return Optional.empty();
        }
        byte[] sealed = decoded.get();
        byte header = sealed[0];
        int oid = header & 0x0F;
        if ((header & 0xF0) >>> 4 != VERSION || oid >= OIDS.size()) {
            return Optional.empty();
        }
        byte[] tag = Arrays.copyOfRange(sealed, 1, 1 + TAG);
        byte[] value = ctr(tag, Arrays.copyOfRange(sealed, 1 + TAG, sealed.length));
        if (!MessageDigest.isEqual(tag, tag(header, value))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Ins(OIDS.get(oid), new String(value, StandardCharsets.US_ASCII)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] tag(byte header, byte[] value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(macKey);
            mac.update(header);
            return Arrays.copyOf(mac.doFinal(value), TAG);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is mandatory in every JRE", e);
        }
    }

    private byte[] ctr(byte[] tag, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new IvParameterSpec(Arrays.copyOf(tag, 16)));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CTR is mandatory in every JRE", e);
        }
    }

    private static byte[] derive(byte[] secret, String use) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(use.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is mandatory in every JRE", e);
        }
    }

    private static String encode(byte[] bytes) {
        StringBuilder out = new StringBuilder((bytes.length * 4 + 2) / 3);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = buffer << 8 | (b & 0xFF);
            bits += 8;
            while (bits >= 6) {
                bits -= 6;
                out.append(ALPHABET.charAt(buffer >>> bits & 0x3F));
            }
        }
        if (bits > 0) {
            out.append(ALPHABET.charAt(buffer << (6 - bits) & 0x3F));
        }
        return out.toString();
    }

    private static Optional<byte[]> decode(String text) {
        if (text.length() % 4 == 1) {
            return Optional.empty();
        }
        byte[] out = new byte[text.length() * 6 / 8];
        int buffer = 0;
        int bits = 0;
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            int v = ALPHABET.indexOf(text.charAt(i));
            if (v < 0) {
                return Optional.empty();
            }
            buffer = buffer << 6 | v;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out[n++] = (byte) (buffer >>> bits);
            }
        }
        // Only the canonical spelling opens: leftover bits must be zero, so one id has one spelling.
        if ((buffer & ((1 << bits) - 1)) != 0) {
            return Optional.empty();
        }
        return Optional.of(out);
    }
}
