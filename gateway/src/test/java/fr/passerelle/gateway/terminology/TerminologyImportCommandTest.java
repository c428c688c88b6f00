package fr.passerelle.gateway.terminology;

import fr.passerelle.gateway.testsupport.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code terminology import} on the repository's data and the ANS sample documents of src/fixtures. */
class TerminologyImportCommandTest {

    static final String DATA = "../src/data/terminology";
    static final Path SAMPLES = Fixtures.FR_CDA;
    static final String BDPM = Fixtures.ROOT.resolve("fr-bdpm-extract").toString();
    static final String EDQM = Fixtures.ROOT.resolve("edqm-designations-extract").toString();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new TerminologyImportCommand().run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyFrenchCodeOfTheFourSamplesIsMappedOrReviewed() throws Exception {
        List<String> args = new ArrayList<>(List.of("--data-dir", DATA, "--strict"));
        for (String sample : new String[] {"IPS-FR_2024.01.xml", "VSM_1.4_2022.01.xml",
                "eP-MED-DM_2024.01_PosoStruct.xml", "eDISP-MED_2024.01.xml"}) {
            args.add(SAMPLES.resolve(sample).toString());
        }
        int status = run(args.toArray(String[]::new));
        String text = out();
        assertThat(text).contains("] MVC package").contains("value sets").contains("mapped codes");
        assertThat(text).doesNotContain("UNMAPPED");
        assertThat(text).contains("IPS-FR_2024.01.xml:").contains("0 French unmapped");
        // reviewed codes without pivot equivalent are listed and counted, and make --strict fail
        assertThat(text).contains("no equivalent   1.2.250.1.213.1.1.4.322 MED-1096");
        assertThat(status).isEqualTo(1);
        // the share of coded elements that reach their eHDSI value set once translated to the pivot
        assertThat(text).contains("Coded elements of the documents transcoded into their eHDSI value set:")
                // per document: the coded elements the pivot carries and how many reach their value set (the PS
                // carriage brought certainty, status and section codes with no pivot equivalent yet: issue 18)
                .containsPattern("VSM_1\\.4_2022\\.01\\.xml +\\d+ of +\\d+ ")
                .contains("eDISP-MED_2024.01.xml").contains("no eHDSI pivot")
                .containsPattern("total: \\d+ of \\d+ coded elements = \\d+\\.\\d %")
                .contains("left outside their value set (nullFlavor OTH, French code as translation)");
    }

    @Test
    void importsTheBdpmIntoTheFolderAndShowsWhatChanged(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("mvc"));
        Files.createSymbolicLink(dir.resolve("mvc/p.tgz"),
                Path.of(DATA, "mvc/hl7.eu.terminology.ehdsi-8.1.0.tgz").toAbsolutePath());
        String[] args = {"--data-dir", dir.toString(), "--bdpm", BDPM, "--edqm", EDQM, "--as-of", "2025-07-07"};
        assertThat(run(args)).isZero();
        String text = out();
        assertThat(text).contains("CIS_bdpm.txt (2025-07-07, windows-1252)")
                .contains("CIS -> ATC                4 mappings (4 ATC codes, not in eHDSIActiveIngredient: L01XX62)")
                .contains("CIP13 -> CIS -> ATC       2 mappings of 3 presentations")
                .contains("UNMATCHED     1  comprimé et solution(s) et granules et poudre et pommade")
                .contains("UNMATCHED     1  voie buccale autre")
                .contains("Wrote concept-maps/fr-bdpm-cis-atc.csv")
                .contains("French products  5 (3 presentations)")
                .contains("urn:oid:1.2.250.1.213.2.3.1: 4 added, 0 removed, 0 changed");
        assertThat(dir.resolve("fr-products/bdpm-compositions.csv")).exists();
        // a second import of the same files changes nothing, and says so
        out.reset();
        assertThat(run(args)).isZero();
        assertThat(out()).contains("no mapping added, removed or changed");
    }

    @Test
    void aBrokenBdpmFolderLeavesTheTerminologyFolderAsItWas(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("mvc"));
        Files.createSymbolicLink(dir.resolve("mvc/p.tgz"),
                Path.of(DATA, "mvc/hl7.eu.terminology.ehdsi-8.1.0.tgz").toAbsolutePath());
        Path bdpm = dir.resolve("bdpm");
        Files.createDirectories(bdpm);
        Files.copy(Path.of(BDPM, "CIS_bdpm.txt"), bdpm.resolve("CIS_bdpm.txt"));
        assertThat(run("--data-dir", dir.toString(), "--bdpm", bdpm.toString(), "--edqm", EDQM)).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("BDPM not imported").contains("CIS_MITM.txt")
                .contains("missing BDPM file");
        assertThat(dir.resolve("concept-maps")).doesNotExist();
    }

    @Test
    void anUnknownFrenchCodeIsListedAsUnmapped(@TempDir Path dir) throws Exception {
        Path doc = dir.resolve("doc.xml");
        Files.writeString(doc, """
                <ClinicalDocument xmlns="urn:hl7-org:v3">
                  <code code="60591-5" codeSystem="2.16.840.1.113883.6.1"/>
                  <value code="62080626" codeSystem="1.2.250.1.213.2.3.1"/>
                  <value code="99999999" codeSystem="1.2.250.1.213.2.3.1"/>
                </ClinicalDocument>
                """);
        int status = run("--data-dir", DATA, doc.toString());
        assertThat(out()).contains("3 codes, 1 already pivot, 1 mapped, 0 reviewed without equivalent, 1 French unmapped")
                .contains("UNMAPPED        1.2.250.1.213.2.3.1 99999999");
        assertThat(status).isZero();
        out.reset();
        assertThat(run("--data-dir", DATA, "--strict", doc.toString())).isEqualTo(1);
    }

    @Test
    void aBadDataFolderIsReportedByFileAndLine(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("mvc"));
        Files.createSymbolicLink(dir.resolve("mvc/p.tgz"),
                Path.of(DATA, "mvc/hl7.eu.terminology.ehdsi-8.1.0.tgz").toAbsolutePath());
        Files.createDirectories(dir.resolve("designations"));
        Files.writeString(dir.resolve("designations/d.csv"), "system,code,language,display\nhttp://loinc.org,1-8\n");
        assertThat(run("--data-dir", dir.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("d.csv:2").contains("expected 4 fields, found 2");
    }

    @Test
    void usageErrorsExitWith2() {
        assertThat(run("--bdpm", BDPM, "--edqm", EDQM)).isEqualTo(2); // where to write?
        assertThat(run("--data-dir", DATA, "--bdpm", BDPM)).isEqualTo(2);
        assertThat(run("--data-dir", DATA, "--bdpm", BDPM, "--edqm", EDQM, "--as-of", "7/7/2025")).isEqualTo(2);
        assertThat(run("--mvc-package", "#9.1.0")).isEqualTo(2);
        assertThat(run("--data-dir")).isEqualTo(2);
        assertThat(run("--bogus")).isEqualTo(2);
        assertThat(run("--data-dir", DATA, "/no/such/document.xml")).isEqualTo(2);
    }
}
