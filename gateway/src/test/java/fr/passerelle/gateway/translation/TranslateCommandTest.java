package fr.passerelle.gateway.translation;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.testsupport.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranslateCommandTest {

    private static final String TERMINOLOGY = "../src/data/terminology";
    private static final Path FR_CDA = Fixtures.FR_CDA;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new TranslateCommand().run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void writesThePivotToStdoutAndTheReportToStderr() {
        int exit = run("--to", "pivot", "--terminology", TERMINOLOGY, FR_CDA.resolve("VSM_1.4_2022.01.xml").toString());

        assertThat(exit).isZero();
        String document = out.toString(StandardCharsets.UTF_8);
        assertThat(document).startsWith("<?xml").contains("1.3.6.1.4.1.12559.11.10.1.3.1.1.3").contains("code=\"N02BE01\"");
        String report = err.toString(StandardCharsets.UTF_8);
        assertThat(report).contains("codes mapped:").contains("60234100 -> 2.16.840.1.113883.6.73|N02BE01")
                .contains("DDAF004 -> 2.16.840.1.113883.6.96|429639007");
        assertThat(report).doesNotContain("PAT-TROIS");
    }

    @Test
    void reportsTheCodesLeftUnmappedWithTheirXpath() {
        int exit = run("--to", "pivot", "--terminology", TERMINOLOGY, FR_CDA.resolve("IPS-FR_2024.01.xml").toString());

        assertThat(exit).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("UNMAPPED").contains("GEN-092.04.13")
                .contains("/procedure/code");
    }

    @Test
    void langGivesTheTranscodedDisplaysInThatLanguage() {
        String problem = "code=\"G45.9\"";
        int exit = run("--to", "pivot", "--lang", "de", "--terminology", TERMINOLOGY,
                FR_CDA.resolve("VSM_1.4_2022.01.xml").toString());
        assertThat(exit).isZero();
        String german = out.toString(StandardCharsets.UTF_8);
        assertThat(german).contains(problem)
                .contains("displayName=\"Zerebrale transitorische Ischämie, nicht näher bezeichnet\"")
                .contains("displayName=\"Allergische Disposition\"");

        out.reset();
        assertThat(run("--to", "pivot", "--lang", "it", "--terminology", TERMINOLOGY,
                FR_CDA.resolve("VSM_1.4_2022.01.xml").toString())).isZero();
        String italian = out.toString(StandardCharsets.UTF_8);
        assertThat(italian).contains(problem).contains("displayName=\"Disposizione allergica\"")
                .doesNotContain("Allergische Disposition");

        out.reset();
        assertThat(run("--to", "pivot", "--terminology", TERMINOLOGY, FR_CDA.resolve("VSM_1.4_2022.01.xml").toString()))
                .isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("Allergische Disposition")
                .doesNotContain("Disposizione allergica");
    }

    @Test
    void writesAnIpsBundle(@TempDir Path dir) {
        int exit = run("--to", "fhir-ips", "--lang", "de", "--terminology", TERMINOLOGY,
                FR_CDA.resolve("IPS-FR_2024.01.xml").toString());

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"resourceType\": \"Bundle\"").contains("\"document\"");
    }

    @Test
    void writesTheLevelOnePdfDocumentWhenAsked(@TempDir Path dir) throws Exception {
        Path l1 = dir.resolve("l1.xml");
        int exit = run("--to", "pivot", "--terminology", TERMINOLOGY, "--level1", l1.toString(),
                FR_CDA.resolve("IPS-FR_2024.01.xml").toString());

        assertThat(exit).isZero();
        assertThat(Files.readString(l1)).contains("nonXMLBody").contains("application/pdf");
    }

    @Test
    void exitsOneWithTheReasonWhenTheDocumentCannotBeTranslated(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.xml");
        Files.writeString(broken, "<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><title>");

        int exit = run("--to", "pivot", "--terminology", TERMINOLOGY, broken.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.size()).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("NOT TRANSLATED").contains("not well-formed");
    }

    @Test
    void refusesAPrescriptionAsAnIpsBundle() {
        int exit = run("--to", "fhir-ips", "--terminology", TERMINOLOGY,
                FR_CDA.resolve("eP-MED-DM_2024.01_PosoStruct.xml").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("is not a patient summary");
    }

    @Test
    void reportsTheSourceDocumentTypeAsTheFrenchDocumentWritesIt(@TempDir Path dir) throws Exception {
        int exit = run("--to", "pivot", "--terminology", TERMINOLOGY, FR_CDA.resolve("VSM_1.4_2022.01.xml").toString());

        assertThat(exit).isZero();
        String report = err.toString(StandardCharsets.UTF_8);
        assertThat(report).contains("SOURCE   VSM document, type 1.2.250.1.213.1.1.4.12|SYNTH")
                .contains("1.2.250.1.213.1.1.4.12|SYNTH -> 2.16.840.1.113883.6.1|60591-5")
                .doesNotContain("2.16.840.1.113883.6.1|60591-5 -> 2.16.840.1.113883.6.1|60591-5");

        // A discharge letter (LOINC 74207-2) read as a patient summary says so, on the pivot and the IPS road.
        Path letter = dir.resolve("letter.xml");
        String vsm = Files.readString(FR_CDA.resolve("VSM_1.4_2022.01.xml"), StandardCharsets.UTF_8);
        String discharge = vsm.replaceFirst("<code code=\"SYNTH\"[^>]*>",
                "<code code=\"74207-2\" displayName=\"Lettre de liaison\" codeSystem=\"2.16.840.1.113883.6.1\"/>");
        assertThat(discharge).isNotEqualTo(vsm);
        Files.writeString(letter, discharge);
        for (String target : List.of("pivot", "fhir-ips")) {
            err.reset();
            assertThat(run("--to", target, "--terminology", TERMINOLOGY, letter.toString())).isZero();
            assertThat(err.toString(StandardCharsets.UTF_8))
                    .contains("SOURCE   VSM document, type 2.16.840.1.113883.6.1|74207-2 (Lettre de liaison)")
                    .contains("2.16.840.1.113883.6.1|74207-2 -> 2.16.840.1.113883.6.1|60591-5");
        }
    }

    @Test
    void findsThePdfAnEprescriptionEmbedsAndWritesItsLevelOneDocument(@TempDir Path dir) throws Exception {
        Path l1 = dir.resolve("l1.xml");
        int exit = run("--to", "pivot", "--terminology", TERMINOLOGY, "--level1", l1.toString(),
                FR_CDA.resolve("eP-MED-DM_2024.01_PosoStruct.xml").toString());

        assertThat(exit).isZero();
        // The eP-MED-DM sample's PDF sits in its "Copie du document" section (LOINC 55108-5), an observationMedia.
        String report = err.toString(StandardCharsets.UTF_8);
        assertThat(report).contains("SOURCE   EP-MED-DM document, type 2.16.840.1.113883.6.1|57833-6")
                .containsPattern("embedded PDF: yes, [0-9]+ bytes, at /ClinicalDocument/.*/observationMedia/value")
                .doesNotContain("embeds no PDF");
        assertThat(Files.readString(l1)).contains("nonXMLBody").contains("application/pdf")
                .contains("code=\"57833-6\"");

        err.reset();
        assertThat(run("--to", "pivot", "--terminology", TERMINOLOGY, FR_CDA.resolve("VSM_1.4_2022.01.xml").toString()))
                .isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("embedded PDF: none");
    }

    /**
     * The jar's command line, as an operator runs it (a JVM of its own, logging configured by the command line):
     * standard output is the JSON document alone, HAPI's log lines are not on it.
     */
    @Test
    void printsOnlyTheDocumentOnStandardOutput(@TempDir Path dir) throws Exception {
        Path stdout = dir.resolve("out.json");
        Path stderr = dir.resolve("err.txt");
        Process command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "fr.passerelle.gateway.PasserelleApplication",
                "translate", "--to", "fhir-ips", "--terminology", TERMINOLOGY,
                FR_CDA.resolve("VSM_1.4_2022.01.xml").toString())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        assertThat(command.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        assertThat(command.exitValue()).as(Files.readString(stderr)).isZero();
        String document = Files.readString(stdout, StandardCharsets.UTF_8);
        assertThat(document).startsWith("{").doesNotContain("INFO").doesNotContain("HAPI FHIR version");
        assertThat(ca.uhn.fhir.context.FhirContext.forR4Cached().newJsonParser()
                .parseResource(org.hl7.fhir.r4.model.Bundle.class, document).getType())
                .isEqualTo(org.hl7.fhir.r4.model.Bundle.BundleType.DOCUMENT);
        assertThat(Files.readString(stderr, StandardCharsets.UTF_8)).contains("SOURCE   VSM document")
                .contains("codes mapped:").doesNotContain("INFO");
    }

    @Test
    void answersAUsageErrorWithTwo() {
        assertThat(run("--to", "html", "x.xml")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: translate");
    }

    @Test
    void writesTheOriginalClinicalDocumentOfALabReport() {
        int exit = run("--to", "orcd", "--terminology", TERMINOLOGY,
                Fixtures.ROOT.resolve("fr-cda-orcd/BIO-CR-BIO_2024.01_TSH_1.xml").toString());
        assertThat(exit).isZero();
        String document = out.toString(StandardCharsets.UTF_8);
        assertThat(document).startsWith("<?xml").contains("1.3.6.1.4.1.12559.11.10.1.3.1.1.8", "code=\"11502-2\"",
                "<nonXMLBody", "mediaType=\"application/pdf\"");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("own PDF copy").doesNotContain("<ClinicalDocument");
    }

    @Test
    void refusesAPatientSummaryAsAnOriginalClinicalDocument() {
        int exit = run("--to", "orcd", "--terminology", TERMINOLOGY, FR_CDA.resolve("VSM_1.4_2022.01.xml").toString());
        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not an original clinical document");
    }

    @Test
    void writesTheFhirLaboratoryReportOfAStructuredLabReport() {
        int exit = run("--to", "fhir-lab", "--terminology", TERMINOLOGY,
                Fixtures.ROOT.resolve("fr-cda-orcd/BIO-CR-BIO_2024.01_TSH_1.xml").toString());
        assertThat(exit).isZero();
        // Pretty-printed JSON: compared without its layout.
        assertThat(out.toString(StandardCharsets.UTF_8).replaceAll("\\s+", "")).startsWith("{").contains(
                "\"resourceType\":\"Bundle\"",
                "\"resourceType\":\"DiagnosticReport\"", "\"code\":\"3016-3\"", "\"unit\":\"m[IU]/L\"");
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("\"resourceType\"");
    }

    @Test
    void reportsTheMicrobiologyIsolatesItCannotCarryInFhir() {
        int exit = run("--to", "fhir-lab", "--terminology", TERMINOLOGY,
                Fixtures.ROOT.resolve("fr-cda-orcd/BIO-CR-BIO_2024.01_Microbiologie_V2.xml").toString());
        assertThat(exit).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).containsIgnoringCase("not carried");
    }

    @Test
    void refusesAPatientSummaryAsALaboratoryReport() {
        int exit = run("--to", "fhir-lab", "--terminology", TERMINOLOGY, FR_CDA.resolve("VSM_1.4_2022.01.xml").toString());
        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
