package fr.passerelle.gateway.healthspace.dmp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Objects;

/** The organisation certificate and its key, read from the configured key store (TLS client and VIHF signer). */
public record SigningCredential(X509Certificate certificate, PrivateKey privateKey) {

    public SigningCredential {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
    }

    /** Loads the key store; the alias may be null when it holds exactly one key entry. */
    public static KeyStore loadKeyStore(String path, String type, String password) {
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, password == null ? null : password.toCharArray());
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the DMP key store " + path + ": " + e.getMessage(), e);
        }
    }

    public static SigningCredential from(KeyStore store, String alias, String keyPassword) {
        try {
            String chosen = alias;
            if (chosen == null || chosen.isBlank()) {
                var keyAliases = Collections.list(store.aliases()).stream().filter(a -> isKey(store, a)).toList();
                if (keyAliases.size() != 1) {
                    throw new IllegalStateException("the DMP key store holds " + keyAliases.size()
                            + " keys: set passerelle.dmp.tls.key-alias");
                }
                chosen = keyAliases.get(0);
            }
            PrivateKey key = (PrivateKey) store.getKey(chosen, keyPassword == null ? new char[0]
                    : keyPassword.toCharArray());
            if (key == null || !(store.getCertificate(chosen) instanceof X509Certificate certificate)) {
                throw new IllegalStateException("the DMP key store has no key entry " + chosen);
            }
            return new SigningCredential(certificate, key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the DMP signing key: " + e.getMessage(), e);
        }
    }

    private static boolean isKey(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "SigningCredential[" + certificate.getSubjectX500Principal().getName() + "]";
    }
}
