package fr.passerelle.gateway.fhir.crossborder;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.passerelle.gateway.exchange.RenderedDocument;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Component;

/**
 * IPS document Bundles ready to send: parsed once, given their server id and version, encoded once per format
 * ({@link #encode}, {@code $summary}); {@link #bundle} also gives a read of {@code Bundle/<id>} — an IPS or a
 * laboratory report Bundle — its server id.
 * A document never changes under its uniqueId, so the encoded bytes are valid as long as they are kept; this
 * keeps HAPI's parse and serialisation (the dominant cost of {@code $summary}) off the request path.
 */
@Component
public class SummaryEncodings {

    /** Bytes to send with the entity tag that names them. */
    public record Encoded(byte[] body, String etag, EncodingEnum encoding) {
    }

    private record Key(String uniqueId, String language, EncodingEnum encoding) {
    }

    private final FhirContext context;
    private final Cache<Key, Encoded> cache = Caffeine.newBuilder()
            .maximumWeight(64L * 1024 * 1024)
            .weigher((Key key, Encoded value) -> value.body().length + 64)
            .build();

    public SummaryEncodings(FhirContext context) {
        this.context = context;
    }

    public Encoded encode(RenderedDocument document, EncodingEnum encoding) {
        Key key = new Key(document.entry().uniqueId(), document.language() == null ? "" : document.language(), encoding);
        return cache.get(key, k -> build(document, encoding, k));
    }

    /** The Bundle with its server id, as a resource (for reads that go through HAPI's own encoding). */
    public Bundle bundle(RenderedDocument document) {
        Bundle bundle = context.newJsonParser().parseResource(Bundle.class,
                new String(document.content(), StandardCharsets.UTF_8));
        FhirIds.documentId(document.entry().uniqueId())
                .ifPresent(id -> bundle.setIdElement(new IdType("Bundle", id, "1")));
        bundle.getMeta().setVersionId("1");
        return bundle;
    }

    private Encoded build(RenderedDocument document, EncodingEnum encoding, Key key) {
        Bundle bundle = bundle(document);
        byte[] body = (encoding == EncodingEnum.XML ? context.newXmlParser() : context.newJsonParser())
                .encodeResourceToString(bundle).getBytes(StandardCharsets.UTF_8);
        return new Encoded(body, "W/\"" + tag(key) + "\"", encoding);
    }

    private static String tag(Key key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    (key.uniqueId() + "|" + key.language()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
