package fr.passerelle.gateway.exchange;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.passerelle.gateway.conformance.PivotConformance;
import fr.passerelle.gateway.healthspace.StoredDocument;
import fr.passerelle.translation.DocumentTranslator;
import fr.passerelle.translation.TranslationFailure;
import fr.passerelle.translation.TranslationOutcome;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Translates French documents and keeps the results. A document never changes under its uniqueId (a new version
 * is a new document), so a translation is valid for as long as it is kept: the cache is bounded by bytes, not
 * by time. Failures are not kept. A pivot passes the optional eHDSI conformance check once, before it is first
 * kept or sent ({@link PivotConformance}).
 */
public final class TranslatedDocuments {

    private final DocumentTranslator translator;
    private final PivotConformance conformance;
    private final Cache<Key, byte[]> cache;

    public TranslatedDocuments(DocumentTranslator translator, long maximumBytes) {
        this(translator, maximumBytes, PivotConformance.off());
    }

    public TranslatedDocuments(DocumentTranslator translator, long maximumBytes, PivotConformance conformance) {
        this.translator = translator;
        this.conformance = conformance;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maximumBytes)
                .weigher((Key key, byte[] value) -> value.length + 64)
                .recordStats()
                .build();
    }

    /** The outcome of one translation: the bytes, or why not. */
    public sealed interface Translation {
    }

    public record Done(byte[] content) implements Translation {
    }

    public record Failed(ExchangeRefusal refusal) implements Translation {
    }

    private record Key(String uniqueId, Rendering rendering, String language) {
    }

    public Translation translate(StoredDocument document, Rendering rendering, Optional<String> language) {
        return translate(document.entry().uniqueId(), rendering, language, document::content);
    }

    /** Reads the French bytes ({@code source}) only when the translation is not kept already. */
    public Translation translate(String uniqueId, Rendering rendering, Optional<String> language,
                                 Supplier<byte[]> source) {
        Key key = new Key(uniqueId, rendering, language.orElse(""));
        byte[] cached = cache.getIfPresent(key);
        if (cached != null) {
            return new Done(cached);
        }
        Translation fresh = run(source.get(), rendering, language.orElse(null));
        if (fresh instanceof Done done) {
            cache.put(key, done.content());
        }
        return fresh;
    }

    public long cachedEntries() {
        return cache.estimatedSize();
    }

    public double hitRate() {
        return cache.stats().hitRate();
    }

    private Translation run(byte[] cda, Rendering rendering, String language) {
        Optional<TranslationOutcome> answered = TranslationDefects.guarded(rendering.name(), () -> switch (rendering) {
            case PIVOT_CDA, PIVOT_PDF -> translator.toPivot(cda, language);
            case FHIR_IPS -> translator.toFhirIps(cda, language);
            case FHIR_MPD -> translator.toFhirMpd(cda, language);
        });
        if (answered.isEmpty()) {
            return new Failed(TranslationDefects.refusal());
        }
        TranslationOutcome outcome = answered.get();
        if (outcome instanceof TranslationOutcome.Rejected rejected) {
            return new Failed(new ExchangeRefusal(ExchangeError.ERROR_TRANSCODING_ERROR, reason(rejected.failure())));
        }
        TranslationOutcome.Translated translated = (TranslationOutcome.Translated) outcome;
        if (rendering == Rendering.PIVOT_PDF) {
            return translated.levelOne()
                    .map(l1 -> checked(l1.getBytes(StandardCharsets.UTF_8)))
                    .orElseGet(() -> new Failed(ExchangeRefusal.of(ExchangeError.ERROR_PS_PDF_FORMAT_NOT_PROVIDED)));
        }
        byte[] content = translated.document().getBytes(StandardCharsets.UTF_8);
        return rendering == Rendering.PIVOT_CDA ? checked(content) : new Done(content);
    }

    /** A pivot the enforced eHDSI check refuses is answered as the transcoding error a failed translation gets. */
    private Translation checked(byte[] pivot) {
        if (conformance.check(pivot) instanceof PivotConformance.Refuse refuse) {
            return new Failed(new ExchangeRefusal(ExchangeError.ERROR_TRANSCODING_ERROR, refuse.reason()));
        }
        return new Done(pivot);
    }

    /** The failure's own words are safe (no clinical content); the XPath helps the French publisher. */
    private static String reason(TranslationFailure failure) {
        return "the French document cannot be translated: " + failure.message();
    }
}
