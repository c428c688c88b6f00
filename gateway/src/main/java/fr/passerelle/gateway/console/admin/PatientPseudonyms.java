package fr.passerelle.gateway.console.admin;

import fr.passerelle.gateway.healthspace.Ins;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How the console shows a patient: {@code P-} and twelve hex digits of an HMAC-SHA256 of the INS, never the INS.
 * The key is drawn at random once and kept in {@code console_pseudonym_key} (V7), so every node and every restart
 * shows the same pseudonym for the same patient; without the key, a pseudonym cannot be turned back into an INS by
 * trying every NIR.
 */
@Component
public class PatientPseudonyms {

    private final JdbcClient jdbc;
    private volatile byte[] key;

    public PatientPseudonyms(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    public String of(Ins patient) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            byte[] digest = mac.doFinal((patient.oid() + "|" + patient.value()).getBytes(StandardCharsets.UTF_8));
            return "P-" + HexFormat.of().withUpperCase().formatHex(digest, 0, 6);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is mandatory in every JRE", e);
        }
    }

    private byte[] key() {
        byte[] known = key;
        if (known != null) {
            return known;
        }
        String stored = jdbc.sql("SELECT secret FROM console_pseudonym_key WHERE id = 1").query(String.class)
                .optional().orElse(null);
        if (stored == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            try {
                jdbc.sql("INSERT INTO console_pseudonym_key (id, secret) VALUES (1, ?)")
                        .param(HexFormat.of().formatHex(fresh)).update();
            } catch (DuplicateKeyException anotherNodeWasFirst) {
                // fall through: read the key that node stored
            }
            stored = jdbc.sql("SELECT secret FROM console_pseudonym_key WHERE id = 1").query(String.class).single();
        }
        key = HexFormat.of().parseHex(stored);
        return key;
    }
}
