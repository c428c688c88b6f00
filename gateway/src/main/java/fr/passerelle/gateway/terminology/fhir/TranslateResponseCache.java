package fr.passerelle.gateway.terminology.fhir;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.passerelle.terminology.TerminologyCatalogue;
import fr.passerelle.terminology.catalogue.CatalogueIndex;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The encoded answers of {@code GET ConceptMap/$translate}, exactly as the FHIR server wrote them, per request
 * (query string, {@code Accept}, scheme) and per catalogue. A catalogue never changes between reloads, so an
 * answer stays true until the next reload; a reload swaps in a new {@link CatalogueIndex}, which starts a new
 * generation: keys carry the generation, and the old entries are dropped when the swap is first seen.
 * Bounded by entry count; hits, misses and evictions are exported as {@code cache_*{cache="fhir.translate"}}.
 */
public final class TranslateResponseCache {

    static final String METRIC_NAME = "fhir.translate";

    /** Status, headers (in order, repeated names kept) and body of one answer. */
    public record Answer(int status, List<Map.Entry<String, String>> headers, byte[] body) {
    }

    /** What the answer depends on besides the catalogue; {@code generation} ties it to one catalogue. */
    public record Key(long generation, String query, String accept, boolean secure) {
    }

    private record Generation(CatalogueIndex index, long number) {
    }

    private final TerminologyCatalogue catalogue;
    private final Cache<Key, Answer> answers;
    private final AtomicReference<Generation> generation;

    public TranslateResponseCache(TerminologyCatalogue catalogue, long maximumEntries, MeterRegistry meters) {
        this.catalogue = catalogue;
        this.answers = Caffeine.newBuilder().maximumSize(maximumEntries).recordStats().build();
        this.generation = new AtomicReference<>(new Generation(catalogue.index(), 0));
        CaffeineCacheMetrics.monitor(meters, answers, METRIC_NAME);
    }

    /** The key of a request under the catalogue answering now. */
    public Key key(String query, String accept, boolean secure) {
        return new Key(current().number(), query, accept == null ? "" : accept, secure);
    }

    public Answer get(Key key) {
        return answers.getIfPresent(key);
    }

    /**
     * Keeps an answer computed under {@code key}'s generation, unless the catalogue was reloaded meanwhile (the
     * answer may then come from either catalogue, so it is not kept).
     */
    public void put(Key key, Answer answer) {
        if (current().number() == key.generation()) {
            answers.put(key, answer);
        }
    }

    public long size() {
        return answers.estimatedSize();
    }

    /** Requests answered from the cache since start. */
    public long hits() {
        return answers.stats().hitCount();
    }

    private Generation current() {
        CatalogueIndex live = catalogue.index();
        Generation seen = generation.get();
        while (seen.index() != live) {
            Generation next = new Generation(live, seen.number() + 1);
            if (generation.compareAndSet(seen, next)) {
                answers.invalidateAll(); // the previous catalogue's answers can never be asked for again
                return next;
            }
            seen = generation.get();
        }
        return seen;
    }
}
