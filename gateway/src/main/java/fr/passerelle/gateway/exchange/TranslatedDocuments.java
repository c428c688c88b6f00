package fr.passerelle.gateway.exchange;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.passerelle.gateway.conformance.PivotConformance;
import fr.passerelle.gateway.ehdsi.ExchangeError;
import fr.passerelle.gateway.healthspace.StoredDocument;
import fr.passerelle.translation.DocumentTranslator;
import fr.passerelle.translation.TranslationException;
import fr.passerelle.translation.cda.CdaDocument;
import fr.passerelle.translation.TranslationFailure;
import fr.passerelle.translation.TranslationOutcome;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Translates French documents and keeps the results. A document never changes under its uniqueId (a new version
 * is a new document), so a translation is valid for as long as it is kept: the cache is bounded by bytes, not
 * by time. Failures are not kept, except an ePrescription item the enforced conformance check refused. A pivot
 * passes the optional eHDSI conformance check once, before it is first kept or sent ({@link PivotConformance}). The
 * pivot of a French ePrescription with several items is also kept item by item: eHDSI allows one item per
 * ePrescription document, so the roads serve each item as its own document.
 */
public final class TranslatedDocuments {

    private final DocumentTranslator translator;
    private final PivotConformance conformance;
    private final Cache<Key, Kept> cache;

    public TranslatedDocuments(DocumentTranslator translator, long maximumBytes, PivotConformance conformance) {
        this.translator = translator;
        this.conformance = conformance;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maximumBytes)
                .weigher((Key key, Kept value) -> value.content().length + 64)
                .build();
    }

    /** The outcome of one translation: the bytes, or why not. */
    public sealed interface Translation {
    }

    /**
     * @param items how many eHDSI ePrescription item documents the French document becomes when it has more than
     *              one item (each served with {@link #translateItem}), 0 otherwise
     */
    public record Done(byte[] content, int items) implements Translation {
        public Done(byte[] content) {
            this(content, 0);
        }
    }

    public record Failed(ExchangeRefusal refusal) implements Translation {
    }

    /** Item 0 is the whole document. */
    private record Key(String uniqueId, Rendering rendering, String language, int item) {
    }

    /** A translation kept, or an item the enforced check refused ({@code refused} set, no content). */
    private record Kept(byte[] content, int items, ExchangeRefusal refused) {
        Translation translation() {
            return refused != null ? new Failed(refused) : new Done(content, items);
        }
    }

    public Translation translate(StoredDocument document, Rendering rendering, Optional<String> language) {
        return translate(document.entry().uniqueId(), rendering, language, document::content);
    }

    /** Reads the French bytes ({@code source}) only when the translation is not kept already. */
    public Translation translate(String uniqueId, Rendering rendering, Optional<String> language,
                                 Supplier<byte[]> source) {
        // The lab report Bundle keeps the lab's words whatever the language asked: one translation per version.
        String kept = rendering == Rendering.FHIR_LAB ? "" : language.orElse("");
        return translate(new Key(uniqueId, rendering, kept, 0), source);
    }

    /**
     * The eHDSI ePrescription document of one item ({@code item} from 1) of a French ePrescription with several;
     * an item beyond the document's is missing.
     */
    public Translation translateItem(String uniqueId, int item, Optional<String> language, Supplier<byte[]> source) {
        if (item < 1) {
            throw new IllegalArgumentException("an item position starts at 1");
        }
        return translate(new Key(uniqueId, Rendering.PIVOT_CDA, language.orElse(""), item), source);
    }

    private Translation translate(Key key, Supplier<byte[]> source) {
        Kept cached = cache.getIfPresent(key);
        if (cached != null) {
            return cached.translation();
        }
        return run(source.get(), key);
    }

    public long cachedEntries() {
        return cache.estimatedSize();
    }

    /** Translates, keeps the whole document and its items, and answers what {@code asked} names. */
    private Translation run(byte[] cda, Key asked) {
        Rendering rendering = asked.rendering();
        String language = asked.language().isEmpty() ? null : asked.language();
        Key whole = new Key(asked.uniqueId(), rendering, asked.language(), 0);
        Optional<TranslationOutcome> answered = TranslationDefects.guarded(rendering.name(), () -> switch (rendering) {
            case PIVOT_CDA -> pivot(cda, language);
            case PIVOT_PDF -> translator.toPivot(cda, language);
            case FHIR_IPS -> translator.toFhirIps(cda, language);
            case FHIR_MPD -> translator.toFhirMpd(cda, language);
            // LOINC is international and the lab's displays stay as written: no language.
            case FHIR_LAB -> translator.toLabReportBundle(cda);
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
                    .map(l1 -> keep(whole, checked(l1.getBytes(StandardCharsets.UTF_8))))
                    .orElseGet(() -> new Failed(ExchangeRefusal.of(ExchangeError.ERROR_PS_PDF_FORMAT_NOT_PROVIDED)));
        }
        byte[] content = translated.document().getBytes(StandardCharsets.UTF_8);
        if (rendering != Rendering.PIVOT_CDA) {
            return keep(whole, new Done(content));
        }
        List<String> items = translated.items().size() > 1 ? translated.items() : List.of();
        if (items.isEmpty()) {
            Translation answer = keep(whole, checked(content));
            return asked.item() == 0 || answer instanceof Failed ? answer
                    : new Failed(ExchangeRefusal.of(ExchangeError.ERROR_GENERIC_DOCUMENT_MISSING));
        }
        // Several items: each is served as its own document, so each is checked; the whole is never sent (eHDSI
        // allows one item per ePrescription, and the roads refuse it), so its own check would only withhold the
        // items that pass. A refused item is kept as refused: its pivot and the check are the same at every read.
        Translation answer = null;
        for (int i = 0; i < items.size(); i++) {
            Translation item = checked(items.get(i).getBytes(StandardCharsets.UTF_8));
            cache.put(new Key(whole.uniqueId(), rendering, whole.language(), i + 1), item instanceof Done done
                    ? new Kept(done.content(), 0, null) : new Kept(new byte[0], 0, ((Failed) item).refusal()));
            if (asked.item() == i + 1) {
                answer = item;
            }
        }
        Translation wholeDone = keep(whole, new Done(content, items.size()));
        return asked.item() == 0 ? wholeDone
                : answer != null ? answer : new Failed(ExchangeRefusal.of(ExchangeError.ERROR_GENERIC_DOCUMENT_MISSING));
    }

    /**
     * The pivot of the French document's own format: a French report (CR-BIO, LDL-SES, CR-IMG) becomes the eHDSI
     * original clinical document, anything else the level-3 pivot. Chosen by the document, not by the kind its
     * metadata claims, so a mis-filed document is translated for what it is (or refused).
     */
    private TranslationOutcome pivot(byte[] cda, String language) {
        CdaDocument source;
        try {
            source = translator.read(cda);
        } catch (TranslationException e) {
            return new TranslationOutcome.Rejected(e.failure());
        }
        return source.format() != null && source.format().isOriginalClinicalDocument()
                ? translator.toOrcd(cda, language) : translator.toPivot(source, language);
    }

    private Translation keep(Key key, Translation translation) {
        if (translation instanceof Done done) {
            cache.put(key, new Kept(done.content(), done.items(), null));
        }
        return translation;
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
