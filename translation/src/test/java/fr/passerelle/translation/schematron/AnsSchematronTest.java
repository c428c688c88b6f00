package fr.passerelle.translation.schematron;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.translation.DocumentTranslator;
import fr.passerelle.translation.SharedSamples;
import fr.passerelle.translation.TranslationOutcome;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ANS schematrons of the French volets, run on the ANS samples (the inputs) and on the eDISP-MED this
 * module writes. Counts are printed and recorded in the translation README.
 */
class AnsSchematronTest {

    private static final Path SCH = SharedSamples.FR_CDA_SCHEMATRONS;
    private final DocumentTranslator translator = new DocumentTranslator(SharedSamples.terminology());

    @Test
    void theAnsSamplesAgainstTheirVoletSchematrons() throws Exception {
        report("VSM sample", "CI-SIS_VSM_1.4_2022.01.sch", SharedSamples.VSM);
        report("IPS-FR sample", "CI-SIS_IPS-FR_2024.01.sch", SharedSamples.IPS_FR);
        report("eP-MED-DM sample", "CI-SIS_EP-MED-DM_2024.01.sch", SharedSamples.EP);
        report("eDISP-MED sample", "CI-SIS_eDISP-MED_2024.01.sch", SharedSamples.EDISP);
    }

    @Test
    void ourEdispMedAgainstTheAnsSchematron() throws Exception {
        byte[] ed;
        try (InputStream in = getClass().getResourceAsStream("/ehdsi/eD-paracetamol.xml")) {
            ed = in.readAllBytes();
        }
        TranslationOutcome out = translator.toEdispMed(ed);
        assertThat(out).isInstanceOf(TranslationOutcome.Translated.class);
        String xml = ((TranslationOutcome.Translated) out).document();
        List<String> sample = Schematron.failedAssertions(SCH.resolve("CI-SIS_eDISP-MED_2024.01.sch"),
                new String(SharedSamples.bytes(SharedSamples.EDISP), StandardCharsets.UTF_8));
        List<String> ours = Schematron.failedAssertions(SCH.resolve("CI-SIS_eDISP-MED_2024.01.sch"), xml);
        System.out.println("our eDISP-MED: " + ours.size() + " failed assertions (ANS sample: " + sample.size() + ")");
        ours.forEach(f -> System.out.println("  " + f));
        assertThat(sample).isEmpty();
        assertThat(ours).isEmpty();
        TranslationOutcome fromFhir = translator.medicationDispenseToEdispMed(
                fr.passerelle.translation.fr.EdispMedTest.fhirDispensation());
        List<String> fhirFailures = Schematron.failedAssertions(SCH.resolve("CI-SIS_eDISP-MED_2024.01.sch"),
                ((TranslationOutcome.Translated) fromFhir).document());
        System.out.println("our eDISP-MED from FHIR MedicationDispense: " + fhirFailures.size() + " failed assertions");
        fhirFailures.forEach(f -> System.out.println("  " + f));
        assertThat(fhirFailures).isEmpty();
    }

    /** Each French input passes its volet's schematron (the eP-MED-DM one too: its sample starts with a BOM). */
    private static void report(String name, String schematron, Path document) throws Exception {
        List<String> failures = Schematron.failedAssertions(SCH.resolve(schematron),
                new String(SharedSamples.bytes(document), StandardCharsets.UTF_8));
        System.out.println(name + ": " + failures.size() + " failed assertions");
        failures.forEach(f -> System.out.println("  " + f));
        assertThat(failures).as(name).isEmpty();
    }
}
