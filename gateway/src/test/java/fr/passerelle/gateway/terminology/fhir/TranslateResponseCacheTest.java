package fr.passerelle.gateway.terminology.fhir;

import fr.passerelle.terminology.TerminologyCatalogue;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Generations of {@link TranslateResponseCache}: an answer never outlives, nor crosses, a catalogue reload. */
class TranslateResponseCacheTest {

    static final Path REPO_DATA = Path.of("../src/data/terminology").toAbsolutePath().normalize();
    static TerminologyCatalogue catalogue;

    @BeforeAll
    static void load() throws Exception {
        catalogue = TerminologyCatalogue.load(REPO_DATA);
    }

    static TranslateResponseCache.Answer answer(String body) {
        return new TranslateResponseCache.Answer(200, List.of(Map.entry("Content-Type", "application/fhir+json")),
                body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void keepsAnAnswerPerQueryAcceptAndScheme() {
        TranslateResponseCache cache = new TranslateResponseCache(catalogue, 100, new SimpleMeterRegistry());
        cache.put(cache.key("code=1", "application/fhir+json", false), answer("json"));
        assertThat(cache.get(cache.key("code=1", "application/fhir+json", false)).body())
                .isEqualTo("json".getBytes(StandardCharsets.UTF_8));
        assertThat(cache.get(cache.key("code=1", "application/fhir+xml", false))).isNull();
        assertThat(cache.get(cache.key("code=1", "application/fhir+json", true))).isNull();
        assertThat(cache.get(cache.key("code=2", "application/fhir+json", false))).isNull();
        assertThat(cache.hits()).isEqualTo(1);
    }

    @Test
    void aReloadDropsTheAnswersAndRefusesOnesComputedAcrossIt() throws Exception {
        TranslateResponseCache cache = new TranslateResponseCache(catalogue, 100, new SimpleMeterRegistry());
        TranslateResponseCache.Key before = cache.key("code=1", "", false);
        cache.put(before, answer("old"));
        TranslateResponseCache.Key inFlight = cache.key("code=2", "", false); // asked before the reload…

        catalogue.reload();

        cache.put(inFlight, answer("maybe old")); // …answered after it: from either catalogue, so not kept
        TranslateResponseCache.Key after = cache.key("code=1", "", false);
        assertThat(after.generation()).isGreaterThan(before.generation());
        assertThat(cache.get(after)).isNull();
        assertThat(cache.get(before)).isNull();
        assertThat(cache.get(cache.key("code=2", "", false))).isNull();
        assertThat(cache.size()).isZero();

        cache.put(after, answer("new"));
        assertThat(cache.get(cache.key("code=1", "", false)).body()).isEqualTo("new".getBytes(StandardCharsets.UTF_8));
    }
}
