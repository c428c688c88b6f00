package fr.passerelle.gateway.audit;

import fr.passerelle.gateway.healthspace.DocumentKind;
import fr.passerelle.gateway.healthspace.Ins;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The canonical encoding of a record and its SHA-256. Each field is written as {@code <length>:<value>} in a fixed
 * order, so no value can be shifted into its neighbour; lists are joined the same way. The predecessor's hash is
 * part of the encoding, which is what chains the records.
 */
public final class AuditHashing {

    public static final String GENESIS = "0".repeat(64);

    private AuditHashing() {
    }

    public static String hash(AuditRecord record) {
        StringBuilder canonical = new StringBuilder(512);
        field(canonical, "v1");
        field(canonical, Long.toString(record.seq()));
        field(canonical, record.recordedAt().toString());
        field(canonical, record.transaction().name());
        field(canonical, record.requestingCountry());
        field(canonical, record.requestingNcp());
        field(canonical, record.professionalId());
        field(canonical, record.professionalRole());
        field(canonical, record.organisation());
        // An unattributed record hashes empty strings, exactly what its row stores (so v1 hashes are unchanged).
        field(canonical, record.purpose().map(Enum::name).orElse(""));
        field(canonical, record.patient().map(Ins::oid).orElse(""));
        field(canonical, record.patient().map(Ins::value).orElse(""));
        field(canonical, record.documentKinds().stream().map(DocumentKind::name).sorted()
                .collect(Collectors.joining(",")));
        list(canonical, record.documentIds());
        field(canonical, record.outcome().name());
        field(canonical, record.decidingRule());
        field(canonical, record.errorCode());
        field(canonical, record.correlationId());
        list(canonical, record.assertionIds());
        field(canonical, record.previousHash());
        return sha256(canonical.toString());
    }

    private static void list(StringBuilder out, List<String> values) {
        StringBuilder nested = new StringBuilder();
        values.forEach(value -> field(nested, value));
        field(out, nested.toString());
    }

    private static void field(StringBuilder out, String value) {
        out.append(value.length()).append(':').append(value);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JRE", e);
        }
    }
}
