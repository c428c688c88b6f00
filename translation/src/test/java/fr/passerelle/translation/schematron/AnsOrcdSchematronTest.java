package fr.passerelle.translation.schematron;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.translation.SharedSamples;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 22, input side: the French original clinical documents (the ANS samples and the demo documents derived
 * from them) against their ANS volet schematron. Every ANS sample passes its own schematron, so no finding is
 * pinned: any failed assertion fails the test (a demo document failing where its original passes would be a defect
 * of the demo derivation). Results are recorded in docs/orcd.md.
 */
class AnsOrcdSchematronTest {

    private static final String CR_BIO = "CI-SIS_BIO-CR-BIO_2024.01.sch";
    private static final String LDL_SES = "CI-SIS_LDL-SES_2022.01.sch";
    private static final String CR_IMG = "CI-SIS_IMG-CR-IMG_2024.01.sch";
    private static final Path DEMO = Path.of("../src/data/demo/documents");

    static Stream<Arguments> documents() {
        return Stream.of(
                Arguments.of(SharedSamples.CR_BIO_TSH, CR_BIO),
                Arguments.of(SharedSamples.CR_BIO_MICROBIOLOGY, CR_BIO),
                Arguments.of(SharedSamples.CR_BIO_SECOND_OPINION_PDF, CR_BIO),
                Arguments.of(SharedSamples.LDL_SES, LDL_SES),
                Arguments.of(SharedSamples.CR_IMG, CR_IMG),
                Arguments.of(DEMO.resolve("berthelot-cr-bio.xml"), CR_BIO),
                Arguments.of(DEMO.resolve("rochefort-cr-bio.xml"), CR_BIO),
                Arguments.of(DEMO.resolve("lambertin-ldl-ses.xml"), LDL_SES),
                Arguments.of(DEMO.resolve("lefevre-ldl-ses.xml"), LDL_SES),
                Arguments.of(DEMO.resolve("berthelot-cr-img.xml"), CR_IMG));
    }

    @ParameterizedTest(name = "{0} against {1}")
    @MethodSource("documents")
    void passesItsVoletSchematron(Path document, String schematron) throws Exception {
        List<String> failures = Schematron.failedAssertions(SharedSamples.FR_CDA_SCHEMATRONS.resolve(schematron),
                new String(SharedSamples.bytes(document), StandardCharsets.UTF_8));
        System.out.println(document.getFileName() + " / " + schematron + ": " + failures.size() + " failed assertions");
        failures.forEach(f -> System.out.println("  " + f));
        assertThat(failures).as(document.getFileName().toString()).isEmpty();
    }

    /**
     * The passes above are not vacuous: one code out of its value set, in each sample, is caught by the volet
     * schematron's value set lookup (the lookups read the JDV files through src/fixtures/jeuxDeValeurs, a link to the product's value sets).
     */
    static Stream<Arguments> codesOutOfTheirValueSet() {
        return Stream.of(
                Arguments.of(SharedSamples.CR_BIO_TSH, CR_BIO, "<interpretationCode code=\"N\"",
                        "<interpretationCode code=\"NOT-IN-JDV\"", "JDV_HL7_ObservationInterpretation_CISIS.xml"),
                Arguments.of(SharedSamples.LDL_SES, LDL_SES, "code=\"107724000\"", "code=\"999999999\"",
                        "JDV_ModaliteEntree_CISIS.xml"),
                Arguments.of(SharedSamples.CR_IMG, CR_IMG, "<translation code=\"CT\"", "<translation code=\"ZZ\"",
                        "JDV_ModaliteAcquisition_CISIS.xml"));
    }

    @ParameterizedTest(name = "{0}: {2} -> {3}")
    @MethodSource("codesOutOfTheirValueSet")
    void aCodeOutOfItsValueSetIsReported(Path document, String schematron, String code, String outOfSet,
            String valueSet) throws Exception {
        String xml = new String(SharedSamples.bytes(document), StandardCharsets.UTF_8);
        assertThat(xml).contains(code);
        List<String> failures = Schematron.failedAssertions(SharedSamples.FR_CDA_SCHEMATRONS.resolve(schematron),
                xml.replaceFirst(Pattern.quote(code), outOfSet));
        assertThat(failures).isNotEmpty().allSatisfy(f -> assertThat(f).contains("[dansJeuDeValeurs]", valueSet));
    }
}
