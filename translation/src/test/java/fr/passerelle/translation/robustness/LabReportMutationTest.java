package fr.passerelle.translation.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import fr.passerelle.terminology.xml.HardenedXml;
import fr.passerelle.translation.DocumentTranslator;
import fr.passerelle.translation.SharedSamples;
import fr.passerelle.translation.TranslationOutcome;
import fr.passerelle.translation.cda.CdaWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The FHIR laboratory report (issue 22) under the same property as every other output ({@link MutatedDocumentsTest}):
 * the three CR-BIO samples changed one to three times by the same mutations; every variant gives a Bundle HAPI's
 * strict parser reads back, or a refusal with an XPath and a message — never an exception.
 */
class LabReportMutationTest {

    private static final int VARIANTS = Integer.getInteger("passerelle.lab.variants", 600);
    private static final long SEED = 22L;

    @Test
    void everyMutatedLabReportIsTranslatedOrRefusedNeverAnException() throws Exception {
        DocumentTranslator translator = new DocumentTranslator(SharedSamples.terminology());
        IParser strict = FhirContext.forR4Cached().newJsonParser().setParserErrorHandler(new StrictErrorHandler());
        List<Document> samples = new ArrayList<>();
        for (Path p : List.of(SharedSamples.CR_BIO_TSH, SharedSamples.CR_BIO_MICROBIOLOGY,
                SharedSamples.CR_BIO_SECOND_OPINION_PDF)) {
            samples.add(HardenedXml.parse(SharedSamples.bytes(p)));
        }
        Random random = new Random(SEED);
        Map<String, String> crashes = new LinkedHashMap<>();
        int translated = 0;
        for (int v = 0; v < VARIANTS; v++) {
            Document copy = (Document) samples.get(v % samples.size()).cloneNode(true);
            CdaMutation.Targets targets = new CdaMutation.Targets(copy);
            List<String> mutations = new ArrayList<>();
            int wanted = 1 + random.nextInt(3);
            CdaMutation[] kinds = CdaMutation.values();
            for (int tries = 0; mutations.size() < wanted && tries < 10; tries++) {
                String change = kinds[random.nextInt(kinds.length)].apply(targets, random);
                if (change != null) {
                    mutations.add(change);
                }
            }
            byte[] bytes = CdaWriter.toXml(copy).getBytes(StandardCharsets.UTF_8);
            try {
                TranslationOutcome out = translator.toLabReportBundle(bytes);
                if (out instanceof TranslationOutcome.Rejected r) {
                    assertThat(r.failure().xpath()).isNotBlank();
                    assertThat(r.failure().message()).isNotBlank();
                } else {
                    strict.parseResource(Bundle.class, ((TranslationOutcome.Translated) out).document());
                    translated++;
                }
            } catch (RuntimeException | AssertionError e) {
                StackTraceElement site = e.getStackTrace().length == 0 ? null : e.getStackTrace()[0];
                crashes.putIfAbsent(e.getClass().getSimpleName() + " at " + site, String.join("; ", mutations));
            }
        }
        assertThat(crashes).as("crash sites (seed %d)", SEED).isEmpty();
        assertThat(translated).as("most variants still translate").isGreaterThan(VARIANTS / 2);
    }
}
