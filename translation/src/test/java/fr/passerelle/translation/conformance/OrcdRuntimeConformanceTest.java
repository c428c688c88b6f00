package fr.passerelle.translation.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.translation.DocumentTranslator;
import fr.passerelle.translation.SharedSamples;
import fr.passerelle.translation.TranslationOutcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every OrCD the samples give, through the eHDSI ART-DECOR runtime schematron of its type (2024-04-22): no error.
 * Skipped loudly without the runtime (see {@link EhdsiRuntime}).
 */
class OrcdRuntimeConformanceTest {

    private static final DocumentTranslator TRANSLATOR = new DocumentTranslator(SharedSamples.terminology());

    @ParameterizedTest
    @CsvSource({
        "BIO-CR-BIO_2024.01_TSH_1.xml, epsos-OrCD_Laboratory_Result.sch",
        "BIO-CR-BIO_2024.01_Microbiologie_V2.xml, epsos-OrCD_Laboratory_Result.sch",
        "BIO-CR-BIO_2024.01_CR-2nde-intention-PDF.xml, epsos-OrCD_Laboratory_Result.sch",
        "LDL-SES_2022.01.xml, epsos-OrCD_Hospital_Discharge_Report.sch",
        "IMG_CR_IMG_2024.01.xml, epsos-OrCD_Medical_Imaging_Report.sch"})
    void theOrcdOfEverySamplePassesTheRuntimeOfItsType(String file, String schematron) throws Exception {
        EhdsiRuntime.assumePresent();
        TranslationOutcome out = TRANSLATOR.toOrcd(SharedSamples.bytes(SharedSamples.FR_CDA_ORCD.resolve(file)), null);
        assertThat(out).isInstanceOf(TranslationOutcome.Translated.class);
        ConformanceResult result = EhdsiRuntime.schematron(schematron)
                .validate(((TranslationOutcome.Translated) out).document());
        // The template was recognised: else none of its rules ran and "no error" would mean nothing.
        assertThat(result.warnings()).noneMatch(w -> w.message().contains("Instance is expected to have the following element"));
        assertThat(result.errors()).as(file + " against " + schematron)
                .extracting(f -> f.ruleId() + " " + f.location() + " " + f.message()).isEmpty();
        EhdsiRuntime.stubVocabularyFindings(result).forEach(f -> System.out.println("stub-vocabulary " + file + ": " + f.message()));
    }
}
