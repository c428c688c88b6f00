package fr.passerelle.translation.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.translation.DocumentTranslator;
import fr.passerelle.translation.FrenchCorpus;
import fr.passerelle.translation.SharedSamples;
import fr.passerelle.translation.TranslationException;
import fr.passerelle.translation.TranslationFailure;
import fr.passerelle.translation.TranslationOutcome;
import fr.passerelle.translation.cda.CdaDocument;
import fr.passerelle.translation.cda.CdaReader;
import fr.passerelle.translation.cda.CdaWriter;
import fr.passerelle.translation.cda.HardenedXml;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * Property: whatever a well-formed document says, every output either translates it into a well-formed document
 * (XML that parses; FHIR JSON that a strict HAPI parser reads back) or rejects it with a typed
 * {@link TranslationFailure} that names where (XPath) and why. Never an exception.
 *
 * <p>Generated variants of every French document of the corpus (ANS samples and demo documents), of the eHDSI
 * eDispensation and of the FHIR MedicationDispense Bundle the tests use: each variant is a copy of the parsed
 * source (parsed once) with one to three {@link CdaMutation}s / {@link FhirJsonMutation}s. The seed is random per
 * run and printed; {@code -Dpasserelle.variants.seed=S} replays a run, {@code -Dpasserelle.variants=N} sets the
 * number of variants (default 10,000). Every distinct crash site is reported with the variant that found it.
 *
 * <p>Written without a property-testing library: jqwik, the one on offer, asks not to be used by AI coding agents
 * from 1.10 on and its 1.x line runs on JUnit Platform 1, not the JUnit 6 this build uses.
 */
class MutatedDocumentsTest {

    private static final int VARIANTS = Integer.getInteger("passerelle.variants", 10_000);
    /** One variant in this many goes through the bytes (serialise, hardened parse) rather than the DOM copy. */
    private static final int THROUGH_BYTES = 20;

    private final DocumentTranslator translator = new DocumentTranslator(SharedSamples.terminology());
    private final CdaReader reader = new CdaReader();
    private final IParser strictJson = FhirContext.forR4Cached().newJsonParser()
            .setParserErrorHandler(new StrictErrorHandler());

    /** A source and its share of the variants (large documents get fewer: each costs more). */
    private record Source(String name, Document cda, JsonNode fhir, double weight) {
    }

    private record Crash(String site, String example) {
    }

    @Test
    void everyVariantOfEveryDocumentIsTranslatedOrRejectedWithItsXPathNeverAnException() throws Exception {
        long seed = Long.getLong("passerelle.variants.seed", ThreadLocalRandom.current().nextLong());
        List<Source> sources = sources();
        double total = sources.stream().mapToDouble(Source::weight).sum();
        Map<String, Crash> crashes = new LinkedHashMap<>();
        int[] counts = new int[3]; // translated, rejected, variants
        long start = System.nanoTime();
        int variant = 0;
        for (Source source : sources) {
            int share = (int) Math.ceil(VARIANTS * source.weight() / total);
            for (int i = 0; i < share; i++, variant++) {
                Random random = new Random(seed * 1_000_003L + variant);
                List<String> mutations = new ArrayList<>();
                try {
                    if (source.cda() != null) {
                        cdaVariant(source, random, variant, mutations, counts);
                    } else {
                        fhirVariant(source, random, mutations, counts);
                    }
                } catch (Throwable t) {
                    // StackOverflowError and the like are crashes too.
                    StackTraceElement top = t.getStackTrace().length == 0 ? null : t.getStackTrace()[0];
                    String site = t.getClass().getName() + " at " + top;
                    String example = source.name() + ", variant " + i + " (seed " + seed + "): " + mutations
                            + "\n    " + t + stack(t);
                    crashes.computeIfAbsent(site, s -> new Crash(s, example));
                }
                counts[2]++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("robustness: %d variants of %d sources (seed %d) in %.1f s: %d outputs translated, %d rejected,"
                + " %d crash sites%n", counts[2], sources.size(), seed, seconds, counts[0], counts[1], crashes.size());
        assertThat(counts[2]).isGreaterThanOrEqualTo(VARIANTS);
        assertThat(crashes.values()).as("crash sites (replay with -Dpasserelle.variants.seed=%d)", seed)
                .extracting(c -> c.site() + "\n  found by " + c.example()).isEmpty();
    }

    private void cdaVariant(Source source, Random random, int variant, List<String> mutations, int[] counts)
            throws Exception {
        Document copy = (Document) source.cda().cloneNode(true);
        CdaMutation.Targets targets = new CdaMutation.Targets(copy);
        int wanted = 1 + random.nextInt(3);
        CdaMutation[] kinds = CdaMutation.values();
        for (int tries = 0; mutations.size() < wanted && tries < 10; tries++) {
            String done = kinds[random.nextInt(kinds.length)].apply(targets, random);
            if (done != null) {
                mutations.add(done);
            }
        }
        if (variant % THROUGH_BYTES == 0) {
            byte[] bytes = CdaWriter.toXml(copy).getBytes(StandardCharsets.UTF_8);
            check(translator.toPivot(bytes, "de"), counts);
            check(translator.toFhirIps(bytes, null), counts);
            check(translator.toFhirMpd(bytes, "de"), counts);
            check(translator.toEdispMed(bytes), counts);
            return;
        }
        CdaDocument read;
        try {
            read = reader.read(copy);
        } catch (TranslationException e) {
            check(new TranslationOutcome.Rejected(e.failure()), counts);
            return;
        }
        check(translator.toPivot(read, random.nextBoolean() ? null : "de"), counts);
        check(translator.toFhirIps(read, random.nextBoolean() ? null : "de"), counts);
        check(translator.toFhirMpd(read, null), counts);
        check(translator.toEdispMed(read), counts);
    }

    private void fhirVariant(Source source, Random random, List<String> mutations, int[] counts) throws Exception {
        JsonNode copy = source.fhir().deepCopy();
        int wanted = 1 + random.nextInt(3);
        FhirJsonMutation[] kinds = FhirJsonMutation.values();
        for (int tries = 0; mutations.size() < wanted && tries < 10; tries++) {
            String done = kinds[random.nextInt(kinds.length)].apply(copy, random);
            if (done != null) {
                mutations.add(done);
            }
        }
        check(translator.medicationDispenseToEdispMed(copy.toString()), counts);
    }

    /** The property itself. */
    private void check(TranslationOutcome outcome, int[] counts) throws Exception {
        assertThat(outcome).isNotNull();
        if (outcome instanceof TranslationOutcome.Rejected rejected) {
            TranslationFailure failure = rejected.failure();
            assertThat(failure).isNotNull();
            assertThat(failure.xpath()).as("xpath of %s", failure).isNotBlank();
            assertThat(failure.message()).as("message of %s", failure).isNotBlank();
            counts[1]++;
            return;
        }
        TranslationOutcome.Translated translated = (TranslationOutcome.Translated) outcome;
        assertThat(translated.report()).isNotNull();
        assertThat(translated.document()).isNotBlank();
        if (translated.mediaType().equals("application/fhir+json")) {
            strictJson.parseResource(Bundle.class, translated.document());
        } else {
            HardenedXml.parse(translated.document().getBytes(StandardCharsets.UTF_8));
        }
        if (translated.levelOne().isPresent()) {
            HardenedXml.parse(translated.levelOne().get().getBytes(StandardCharsets.UTF_8));
        }
        counts[0]++;
    }

    private static List<Source> sources() throws Exception {
        List<Source> out = new ArrayList<>();
        for (FrenchCorpus.Source s : FrenchCorpus.documents()) {
            byte[] bytes = SharedSamples.bytes(s.file());
            out.add(new Source(s.name(), HardenedXml.parse(bytes), null, bytes.length > 500_000 ? 0.2 : 1.0));
        }
        try (InputStream in = MutatedDocumentsTest.class.getResourceAsStream("/ehdsi/eD-paracetamol.xml")) {
            out.add(new Source("eHDSI eD-paracetamol.xml", HardenedXml.parse(in.readAllBytes()), null, 1.0));
        }
        try (InputStream in = MutatedDocumentsTest.class.getResourceAsStream("/fhir/MedicationDispense-paracetamol.json")) {
            out.add(new Source("FHIR MedicationDispense-paracetamol.json", null, new ObjectMapper().readTree(in), 1.0));
        }
        return out;
    }

    private static String stack(Throwable t) {
        StringBuilder s = new StringBuilder();
        StackTraceElement[] frames = t.getStackTrace();
        for (int i = 0; i < Math.min(8, frames.length); i++) {
            s.append("\n      at ").append(frames[i]);
        }
        return s.toString();
    }
}
