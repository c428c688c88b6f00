package fr.passerelle.translation.schematron;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.translation.DocumentTranslator;
import fr.passerelle.translation.SharedSamples;
import fr.passerelle.translation.TranslationOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The eHDSI schematrons OpenNCP checks pivot documents with (SchXslt on Saxon-HE). The epSOS-era rules
 * reject even OpenNCP's own wave-8 mock Patient Summary (83 failed assertions), so zero is not the bar here:
 * the counts for our pivots are printed and recorded in docs/benchmarks/translation.md, and the tests prove
 * the schematrons do run and do catch a pivot that lost its document template.
 */
class EhdsiSchematronTest {

    private static final Path SCH = SharedSamples.EHDSI.resolve("schematron");
    private final DocumentTranslator translator = new DocumentTranslator(SharedSamples.terminology());

    @Test
    void patientSummaryPivotsAreCheckedAndADocumentWithoutItsTemplateIsCaught() throws Exception {
        String mock = Files.readString(Path.of("../../shared/fixtures/ehdsi-cda/openncp-mock/psstore/2-1234-W8.xml"));
        int mockFailures = Schematron.failedAssertions(SCH.resolve("PatientSummary.sch"), mock).size();
        for (Path sample : List.of(SharedSamples.VSM, SharedSamples.IPS_FR)) {
            String pivot = pivot(sample);
            List<String> failures = Schematron.failedAssertions(SCH.resolve("PatientSummary.sch"), pivot);
            System.out.println(sample.getFileName() + " pivot: " + failures.size() + " failed assertions (OpenNCP mock: "
                    + mockFailures + ")");
            failures.forEach(f -> System.out.println("  " + f));
            assertThat(failures).noneMatch(f -> f.contains("requires the Patient Summary Document template ID"));
            List<String> broken = Schematron.failedAssertions(SCH.resolve("PatientSummary.sch"),
                    pivot.replace("1.3.6.1.4.1.12559.11.10.1.3.1.1.3", "9.9.9"));
            assertThat(broken).anyMatch(f -> f.contains("requires the Patient Summary Document template ID"));
        }
    }

    @Test
    void prescriptionPivotIsChecked() throws Exception {
        String mock = Files.readString(Path.of("../../shared/fixtures/ehdsi-cda/openncp-mock/epstore/1-1234-W8.xml"));
        int mockFailures = Schematron.failedAssertions(SCH.resolve("ePrescription.sch"), mock).size();
        List<String> failures = Schematron.failedAssertions(SCH.resolve("ePrescription.sch"), pivot(SharedSamples.EP));
        System.out.println("eP pivot: " + failures.size() + " failed assertions (OpenNCP mock: " + mockFailures + ")");
        failures.forEach(f -> System.out.println("  " + f));
        assertThat(failures).isNotNull();
    }

    private String pivot(Path sample) {
        TranslationOutcome out = translator.toPivot(SharedSamples.bytes(sample), null);
        assertThat(out).isInstanceOf(TranslationOutcome.Translated.class);
        return ((TranslationOutcome.Translated) out).document();
    }
}
