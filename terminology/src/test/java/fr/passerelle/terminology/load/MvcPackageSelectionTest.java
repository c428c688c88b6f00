package fr.passerelle.terminology.load;

import fr.passerelle.terminology.CodeSystems;
import fr.passerelle.terminology.Coding;
import fr.passerelle.terminology.MvcPackage;
import fr.passerelle.terminology.TerminologyCatalogue;
import fr.passerelle.terminology.TerminologyLoadException;
import fr.passerelle.terminology.TranscodingResult;
import fr.passerelle.terminology.ValueSet;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An agency moving from MVC 8.1.0 ({@code hl7.eu.terminology.ehdsi}) to 9.x ({@code myhealth.eu.fhir.mvc-package})
 * drops the new package beside the old one and names the release to load; both layouts are read.
 */
class MvcPackageSelectionTest {

    static final String ROUTE_OID = "1.3.6.1.4.1.12559.11.10.1.3.1.42.12";
    static final String LONG_NAME = "package/ValueSet-eHDSIAVeryLongValueSetNameThatNeedsAPaxHeaderInTheTarArchive"
            + "BecauseUstarStopsAtOneHundredCharacters.json";

    @TempDir
    Path dir;

    @BeforeEach
    void twoReleasesAndASupplement() throws IOException {
        TestData.writePackage(dir.resolve("mvc/hl7.eu.terminology.ehdsi-8.1.0.tgz"), Map.of(
                "package/package.json", "{\"name\":\"hl7.eu.terminology.ehdsi\",\"version\":\"8.1.0\"}",
                "package/ValueSet-eHDSIRouteofAdministration-8.1.0.json", TestData.valueSet(
                        "http://terminology.ehdsi.eu/ValueSet/eHDSIRouteofAdministration", ROUTE_OID,
                        "http://standardterms.edqm.eu", "20053000", "Oral use")));
        // 9.x layout: no version in file names, a value set published expanded over an intensional compose, with
        // designations, a resource name longer than ustar allows (npm writes PAX headers), examples and an index
        Map<String, String> nine = new LinkedHashMap<>();
        nine.put("package/package.json", "{\"name\":\"myhealth.eu.fhir.mvc-package\",\"version\":\"9.1.0\","
                + "\"canonical\":\"http://fhir.ehdsi.eu/mvc-package\"}");
        nine.put("package/.index.json", "{\"index-version\":2,\"files\":[]}");
        nine.put("package/example/ValueSet-broken.json", "{ not json");
        nine.put("package/ValueSet-eHDSIRouteofAdministration.json", """
                {"resourceType":"ValueSet","url":"http://fhir.ehdsi.eu/mvc-package/ValueSet/eHDSIRouteofAdministration",
                 "identifier":[{"system":"urn:ietf:rfc:3986","value":"urn:oid:%s"}],"version":"9.1.0",
                 "name":"eHDSIRouteofAdministration",
                 "compose":{"include":[{"system":"http://standardterms.edqm.eu","filter":[{"property":"class","op":"=","value":"ROA"}]}]},
                 "expansion":{"contains":[
                   {"system":"http://standardterms.edqm.eu","code":"20053000","display":"Oral use",
                    "designation":[{"language":"de","value":"Zum Einnehmen"}]},
                   {"system":"http://standardterms.edqm.eu","code":"20045000","display":"Intravenous use"}]}}
                """.formatted(ROUTE_OID));
        nine.put(LONG_NAME, TestData.valueSet("http://fhir.ehdsi.eu/mvc-package/ValueSet/eHDSILong",
                "1.3.6.1.4.1.12559.11.10.1.3.1.42.99", "http://loinc.org", "1-8", "Acyclovir"));
        paxPackage(dir.resolve("mvc/myhealth.eu.fhir.mvc-package-9.1.0.tgz"), nine);
        // a supplement: a value set the MVC has (same OID) is not replaced, a missing one is added
        TestData.writePackage(dir.resolve("mvc/passerelle-supplement.tgz"), Map.of(
                "package/package.json", "{\"name\":\"passerelle.ehdsi-mvc-supplement\",\"version\":\"1\"}",
                "package/ValueSet-route.json", TestData.valueSet("http://example.org/ValueSet/route", ROUTE_OID,
                        "http://standardterms.edqm.eu", "99999999", "Not a route"),
                "package/ValueSet-gender.json", TestData.valueSet("http://example.org/ValueSet/gender",
                        "1.3.6.1.4.1.12559.11.10.1.3.1.42.34", "2.16.840.1.113883.5.1", "F", "Female")));
    }

    @Test
    void twoReleasesWithoutAChoiceAreRefused() {
        assertThatThrownBy(() -> TerminologyCatalogue.load(dir)).isInstanceOf(TerminologyLoadException.class)
                .hasMessageContaining("several MVC packages").hasMessageContaining("hl7.eu.terminology.ehdsi#8.1.0")
                .hasMessageContaining("myhealth.eu.fhir.mvc-package#9.1.0");
    }

    @Test
    void theChosen9xReleaseIsLoadedFromItsExpansionWithDesignations() throws Exception {
        TerminologyCatalogue t = TerminologyCatalogue.load(dir, LoadProgress.SILENT,
                new MvcPackage("myhealth.eu.fhir.mvc-package", "9.1.0"));
        assertThat(t.index().mvcPackage()).contains("myhealth.eu.fhir.mvc-package#9.1.0");
        ValueSet route = t.valueSetByOid(ROUTE_OID).orElseThrow();
        assertThat(route.version()).isEqualTo("9.1.0");
        assertThat(route.concepts()).extracting(Coding::code).containsExactly("20053000", "20045000");
        assertThat(t.translate(Coding.of(CodeSystems.EDQM, "20053000"), "de")).contains("Zum Einnehmen");
        assertThat(t.valueSetByOid("1.3.6.1.4.1.12559.11.10.1.3.1.42.99")).isPresent();
        // the coded-element list names value sets by OID, so transcoding follows the release unchanged
        assertThat(t.transcode(Coding.of("0.4.0.127.0.16.1.1.2.1", "20045000"), ROUTE_OID))
                .isInstanceOf(TranscodingResult.Transcoded.class);
        assertThat(t.transcode(Coding.of(CodeSystems.EDQM, "99999999"), ROUTE_OID))
                .isInstanceOf(TranscodingResult.NotTranscoded.class);
        assertThat(t.valueSetByOid("1.3.6.1.4.1.12559.11.10.1.3.1.42.34")).isPresent();
        assertThat(t.statistics().sources()).anyMatch(s -> s.contains("8.1.0") && s.contains("not loaded"))
                .anyMatch(s -> s.contains("passerelle-supplement.tgz") && s.contains("the MVC's own kept"));
        // a reload keeps the choice
        t.reload();
        assertThat(t.index().mvcPackage()).contains("myhealth.eu.fhir.mvc-package#9.1.0");
    }

    @Test
    void the8xReleaseStaysLoadableByItsIdAndVersion() throws Exception {
        TerminologyCatalogue t = TerminologyCatalogue.load(dir, LoadProgress.SILENT,
                new MvcPackage("hl7.eu.terminology.ehdsi", "8.1.0"));
        assertThat(t.valueSetByOid(ROUTE_OID).orElseThrow().url())
                .isEqualTo("http://terminology.ehdsi.eu/ValueSet/eHDSIRouteofAdministration");
        assertThat(t.translate(Coding.of(CodeSystems.EDQM, "20053000"), "de")).contains("Oral use");
    }

    @Test
    void aReleaseTheFolderDoesNotHoldIsNamedWithWhatItHolds() throws Exception {
        assertThatThrownBy(() -> TerminologyCatalogue.load(dir, LoadProgress.SILENT,
                new MvcPackage("myhealth.eu.fhir.mvc-package", "9.2.0")))
                .hasMessageContaining("no MVC package myhealth.eu.fhir.mvc-package#9.2.0")
                .hasMessageContaining("found: hl7.eu.terminology.ehdsi#8.1.0, myhealth.eu.fhir.mvc-package#9.1.0");
        Files.delete(dir.resolve("mvc/hl7.eu.terminology.ehdsi-8.1.0.tgz"));
        assertThat(TerminologyCatalogue.load(dir).index().mvcPackage()).contains("myhealth.eu.fhir.mvc-package#9.1.0");
        assertThatThrownBy(() -> new MvcPackage(null, "9.1.0")).isInstanceOf(IllegalArgumentException.class);
    }

    /** A package as npm writes it: PAX headers for names ustar cannot hold. */
    static void paxPackage(Path tgz, Map<String, String> entries) throws IOException {
        Files.createDirectories(tgz.getParent());
        try (OutputStream raw = Files.newOutputStream(tgz);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(raw))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, String> e : entries.entrySet()) {
                byte[] body = e.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
                entry.setSize(body.length);
                tar.putArchiveEntry(entry);
                tar.write(body);
                tar.closeArchiveEntry();
            }
        }
    }
}
