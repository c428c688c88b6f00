package fr.passerelle.terminology.load;

import fr.passerelle.terminology.CodeSystems;
import fr.passerelle.terminology.Coding;
import fr.passerelle.terminology.TerminologyCatalogue;
import fr.passerelle.terminology.TerminologyLoadException;
import fr.passerelle.terminology.TranscodingFailure.Reason;
import fr.passerelle.terminology.TranscodingResult;
import fr.passerelle.terminology.ValueSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoadersTest {

    static final String ATC_VS = "http://example.org/ValueSet/ingredients";
    static final String ATC_OID = "1.2.3.4.1";

    @TempDir
    Path dir;

    @BeforeEach
    void smallPackage() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("package/package.json", TestData.PACKAGE_JSON);
        entries.put("package/ValueSet-ingredients.json", TestData.valueSet(ATC_VS, ATC_OID, "http://www.whocc.no/atc",
                "N02BE01", "paracetamol", "N02BE51", "paracetamol, combinations excl. psycholeptics",
                "B01AC04", "  clopidogrel\u00A0 hydrogen\\tsulfate "));
        entries.put("package/ValueSet-units.json", TestData.valueSet("http://example.org/ValueSet/units", "1.2.3.4.2",
                "http://unitsofmeasure.org/", "mg", "milligram"));
        entries.put("package/ValueSet-countries.json", TestData.valueSet("http://example.org/ValueSet/countries",
                "1.2.3.4.3", "http://terminology.hl7.org/5.3.0/CodeSystem-ISO3166Part1.html", "FR", "France"));
        TestData.writePackage(dir.resolve("mvc/test.tgz"), entries);
    }

    @Test
    void normalisesTrailingSlashSystemUri() throws Exception {
        TerminologyCatalogue t = TerminologyCatalogue.load(dir);
        ValueSet units = t.valueSetByOid("1.2.3.4.2").orElseThrow();
        assertThat(units.concepts()).containsExactly(new Coding(CodeSystems.UCUM, "mg", "milligram"));
        assertThat(t.validate(Coding.of("2.16.840.1.113883.6.8", "mg"), "1.2.3.4.2").isValid()).isTrue();
    }

    @Test
    void normalisesHtmlPageSystemUriToTheCodeSystem() throws Exception {
        TerminologyCatalogue t = TerminologyCatalogue.load(dir);
        assertThat(t.valueSetByOid("1.2.3.4.3").orElseThrow().concepts())
                .containsExactly(new Coding(CodeSystems.ISO_3166, "FR", "France"));
    }

    @Test
    void normalisesStrayWhitespaceInDisplays() throws Exception {
        TerminologyCatalogue t = TerminologyCatalogue.load(dir);
        assertThat(t.lookup(Coding.of(CodeSystems.ATC, "B01AC04")).orElseThrow().display())
                .isEqualTo("clopidogrel hydrogen sulfate");
    }

    @Test
    void aPresentationsPackageContentIsLoadedAndAMalformedOneStopsTheLoadAtItsLine() throws Exception {
        TestData.write(dir.resolve("fr-products/bdpm-presentations.csv"), """
                # test presentations
                cip13,cis,content,content_unit
                3400933516390,63107752,16,1
                3400955007746,63107752,,
                """);
        TerminologyCatalogue t = TerminologyCatalogue.load(dir);
        assertThat(t.packageContent(Coding.of("urn:oid:1.2.250.1.213.2.3.2", "3400933516390")))
                .contains(new fr.passerelle.terminology.catalogue.PackageContent("16", "1"));
        assertThat(t.packageContent(Coding.of("urn:oid:1.2.250.1.213.2.3.2", "3400955007746"))).isEmpty();
        assertThat(t.packageContent(Coding.of("urn:oid:1.2.250.1.213.2.3.1", "63107752")))
                .as("a CIS product has several presentations: no package").isEmpty();

        TestData.write(dir.resolve("fr-products/bdpm-presentations.csv"), """
                cip13,cis,content,content_unit
                3400933516390,63107752,"3,5",mL
                """);
        assertThatThrownBy(() -> TerminologyCatalogue.load(dir)).isInstanceOf(TerminologyLoadException.class)
                .hasMessageContaining("bdpm-presentations.csv:2").hasMessageContaining("not a decimal");
    }

    @Test
    void ambiguousMappingIsReportedNotPicked() throws Exception {
        TestData.write(dir.resolve("concept-maps/maps.csv"), """
                source_system,source_code,source_display,target_system,target_code,target_display,equivalence,provenance
                1.2.250.1.213.2.3.1,60234100,PARACETAMOL,2.16.840.1.113883.6.73,N02BE01,,wider,test
                1.2.250.1.213.2.3.1,60234100,PARACETAMOL,2.16.840.1.113883.6.73,N02BE51,,wider,test
                1.2.250.1.213.2.3.1,63564053,PLAVIX,2.16.840.1.113883.6.73,B01AC04,,wider,test
                1.2.250.1.213.2.3.1,63564053,PLAVIX,2.16.840.1.113883.6.73,B01AC04,,wider,same target twice is one
                """);
        TerminologyCatalogue t = TerminologyCatalogue.load(dir);
        TranscodingResult r = t.transcode(Coding.of("1.2.250.1.213.2.3.1", "60234100"), ATC_OID);
        assertThat(r).isInstanceOf(TranscodingResult.NotTranscoded.class);
        var failure = ((TranscodingResult.NotTranscoded) r).failure();
        assertThat(failure.reason()).isEqualTo(Reason.AMBIGUOUS_MAPPING);
        assertThat(failure.ehdsiCode()).isEqualTo("4509");
        assertThat(failure.message()).contains("N02BE01", "N02BE51");
        assertThat(t.transcode(Coding.of("1.2.250.1.213.2.3.1", "63564053"), ATC_OID))
                .isInstanceOf(TranscodingResult.Transcoded.class);
    }

    @Test
    void malformedCsvLineNamesFileAndLine() throws Exception {
        TestData.write(dir.resolve("concept-maps/bad.csv"), """
                source_system,source_code,source_display,target_system,target_code,target_display,equivalence,provenance
                1.2.250.1.213.2.3.1,60234100,PARACETAMOL,2.16.840.1.113883.6.73,N02BE01,,wider,test
                1.2.250.1.213.2.3.1,63564053,"PLAVIX,2.16.840.1.113883.6.73,B01AC04,,wider,test
                """);
        assertThatThrownBy(() -> TerminologyCatalogue.load(dir))
                .isInstanceOf(TerminologyLoadException.class)
                .hasMessageContaining("bad.csv:3")
                .hasMessageContaining("unterminated quoted field");
    }

    @Test
    void aQuotedFieldMaySpanLinesAndLaterRowsKeepTheirLineNumbers() throws Exception {
        TestData.write(dir.resolve("designations/multi.csv"), """
                \uFEFFsystem,code,language,display
                # a comment line, with "quotes" and commas
                2.16.840.1.113883.6.73,N02BE01,de,"Paracetamol,
                Tabletten ""forte\"""

                2.16.840.1.113883.6.73,N02BE51,de,Paracetamol-Kombinationen
                """);
        TerminologyCatalogue t = TerminologyCatalogue.load(dir);
        assertThat(t.translate(Coding.of(CodeSystems.ATC, "N02BE01"), "de"))
                .contains("Paracetamol, Tabletten \"forte\"");
        assertThat(t.translate(Coding.of(CodeSystems.ATC, "N02BE51"), "de")).contains("Paracetamol-Kombinationen");

        TestData.write(dir.resolve("designations/multi.csv"), """
                system,code,language,display
                # a comment
                2.16.840.1.113883.6.73,N02BE01,de,"Paracetamol,
                Tabletten"
                # another comment

                2.16.840.1.113883.6.73,N02BE51,not a language,Paracetamol-Kombinationen
                """);
        assertThatThrownBy(() -> TerminologyCatalogue.load(dir)).isInstanceOf(TerminologyLoadException.class)
                .hasMessageContaining("multi.csv:7:").hasMessageContaining("not a BCP 47 language tag");
        TestData.write(dir.resolve("designations/multi.csv"), """
                system,code,language,display
                2.16.840.1.113883.6.73,N02BE01,de,"Paracetamol,
                Tabletten"
                2.16.840.1.113883.6.73,N02BE51,de,"Paracetamol" forte
                """);
        assertThatThrownBy(() -> TerminologyCatalogue.load(dir)).isInstanceOf(TerminologyLoadException.class)
                .hasMessageContaining("multi.csv:4:").hasMessageContaining("unexpected character after a quoted field");
    }

    @Test
    void csvLineWithWrongFieldCountOrEquivalenceIsRejected() throws Exception {
        TestData.write(dir.resolve("concept-maps/bad.csv"), """
                # comment
                source_system,source_code,source_display,target_system,target_code,target_display,equivalence,provenance
                1.2.250.1.213.2.3.1,60234100,PARACETAMOL,2.16.840.1.113883.6.73,N02BE01,,wider
                """);
        assertThatThrownBy(() -> TerminologyCatalogue.load(dir)).hasMessageContaining("bad.csv:3")
                .hasMessageContaining("expected 8 fields, found 7");
        TestData.write(dir.resolve("concept-maps/bad.csv"), """
                source_system,source_code,source_display,target_system,target_code,target_display,equivalence,provenance
                1.2.250.1.213.2.3.1,60234100,PARACETAMOL,2.16.840.1.113883.6.73,N02BE01,,sameish,test
                """);
        assertThatThrownBy(() -> TerminologyCatalogue.load(dir)).hasMessageContaining("bad.csv:2")
                .hasMessageContaining("unknown equivalence 'sameish'");
        TestData.write(dir.resolve("concept-maps/bad.csv"), """
                source_system,source_code,target_code,equivalence
                1.2.250.1.213.2.3.1,60234100,N02BE01,wider
                """);
        assertThatThrownBy(() -> TerminologyCatalogue.load(dir)).hasMessageContaining("bad.csv:1")
                .hasMessageContaining("header lacks column 'target_system'");
    }

    @Test
    void failedReloadKeepsThePreviousCatalogueLive() throws Exception {
        TerminologyCatalogue t = TerminologyCatalogue.load(dir);
        var before = t.index();
        TestData.write(dir.resolve("designations/bad.csv"), """
                system,code,language,display
                2.16.840.1.113883.6.73,N02BE01,not a language,Paracetamol
                """);
        assertThatThrownBy(t::reload).isInstanceOf(TerminologyLoadException.class)
                .hasMessageContaining("bad.csv:2").hasMessageContaining("not a BCP 47 language tag");
        assertThat(t.index()).isSameAs(before);
        assertThat(t.valueSetByOid(ATC_OID)).isPresent();

        Files.writeString(dir.resolve("designations/bad.csv"), """
                system,code,language,display
                2.16.840.1.113883.6.73,N02BE01,de,Paracetamol (de)
                """);
        t.reload();
        assertThat(t.index()).isNotSameAs(before);
        assertThat(t.translate(Coding.of(CodeSystems.ATC, "N02BE01"), "de")).contains("Paracetamol (de)");
    }

    @Test
    void malformedJsonInThePackageNamesTheEntry() throws Exception {
        TestData.writePackage(dir.resolve("mvc/test.tgz"), Map.of("package/package.json", TestData.PACKAGE_JSON,
                "package/ValueSet-broken.json", "{\"resourceType\":\"ValueSet\","));
        assertThatThrownBy(() -> TerminologyCatalogue.load(dir))
                .hasMessageContaining("test.tgz!package/ValueSet-broken.json").hasMessageContaining("malformed JSON");
    }

    @Test
    void intensionalValueSetsAreRefusedNotSilentlyEmptied() throws Exception {
        TestData.writePackage(dir.resolve("mvc/test.tgz"), Map.of("package/package.json", TestData.PACKAGE_JSON,
                "package/ValueSet-filtered.json", "{\"resourceType\":\"ValueSet\",\"url\":\"http://example.org/vs\","
                        + "\"compose\":{\"include\":[{\"system\":\"http://loinc.org\",\"filter\":[]}]}}"));
        assertThatThrownBy(() -> TerminologyCatalogue.load(dir))
                .hasMessageContaining("test.tgz!package/ValueSet-filtered.json")
                .hasMessageContaining("intensional compose");
    }

    @Test
    void anArchiveThatIsNotAPackageIsRejected() throws Exception {
        TestData.writePackage(dir.resolve("mvc/test.tgz"), Map.of("readme.txt", "hello"));
        assertThatThrownBy(() -> TerminologyCatalogue.load(dir)).hasMessageContaining("no package/package.json");
        Files.writeString(dir.resolve("mvc/test.tgz"), "not gzip");
        assertThatThrownBy(() -> TerminologyCatalogue.load(dir)).hasMessageContaining("test.tgz")
                .hasMessageContaining("not a readable FHIR package");
    }

    @Test
    void anSvsFileWithAnExternalEntityIsRefusedUnread() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "top secret");
        TestData.write(dir.resolve("fr-value-sets/JDV_Hostile.xml"), """
                <?xml version="1.0"?>
                <!DOCTYPE r [<!ENTITY x SYSTEM "%s">]>
                <RetrieveValueSetResponse xmlns="urn:ihe:iti:svs:2008"><ValueSet id="1.2.3" displayName="&x;"/>
                </RetrieveValueSetResponse>
                """.formatted(secret.toUri()));
        assertThatThrownBy(() -> TerminologyCatalogue.load(dir)).isInstanceOf(TerminologyLoadException.class)
                .hasMessageContaining("JDV_Hostile.xml").hasMessageContaining("a DOCTYPE is not allowed")
                .hasMessageNotContaining("top secret");
    }

    @Test
    void svsPlaceholderAndEndedConceptsAreLeftOutAndBrokenConceptsNamed() throws Exception {
        TestData.write(dir.resolve("fr-value-sets/JDV_Test.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <RetrieveValueSetResponse xmlns="urn:ihe:iti:svs:2008">
                  <ValueSet displayName="JDV_Test" id="1.2.250.9.9" version="1">
                    <ConceptList>
                      <Concept code="" codeSystem="" dateFin="" displayName="à compléter"/>
                      <Concept code="A" codeSystem="1.2.250.9.1" dateFin="" displayName="  Alpha  "/>
                      <Concept code="B" codeSystem="1.2.250.9.1" dateFin="20000101000000" displayName="Bêta"/>
                    </ConceptList>
                  </ValueSet>
                </RetrieveValueSetResponse>
                """);
        TestData.write(dir.resolve("fr-value-sets/SVS.xsd.xml"), "<schema xmlns=\"http://www.w3.org/2001/XMLSchema\"/>");
        TerminologyCatalogue t = TerminologyCatalogue.load(dir);
        assertThat(t.valueSetByOid("1.2.250.9.9").orElseThrow().concepts())
                .containsExactly(new Coding("urn:oid:1.2.250.9.1", "A", "Alpha"));
        assertThat(t.translate(Coding.of("1.2.250.9.1", "A"), "fr")).contains("Alpha");

        TestData.write(dir.resolve("fr-value-sets/JDV_Test.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <RetrieveValueSetResponse xmlns="urn:ihe:iti:svs:2008">
                  <ValueSet displayName="JDV_Test" id="1.2.250.9.9" version="1">
                    <ConceptList>
                      <Concept code="A" displayName="Alpha"/>
                    </ConceptList>
                  </ValueSet>
                </RetrieveValueSetResponse>
                """);
        assertThatThrownBy(t::reload).hasMessageContaining("JDV_Test.xml:5")
                .hasMessageContaining("Concept without code or codeSystem");
    }

    @Test
    void loadsFhirConceptMapAndCodeSystemSupplement() throws Exception {
        TestData.write(dir.resolve("concept-maps/map.json"), """
                {"resourceType":"ConceptMap","url":"http://example.org/ConceptMap/cis-atc",
                 "group":[{"source":"urn:oid:1.2.250.1.213.2.3.1","target":"http://www.whocc.no/atc",
                   "element":[{"code":"63564053","display":"PLAVIX","target":[{"code":"B01AC04","equivalence":"wider"}]},
                              {"code":"99999999","target":[{"equivalence":"unmatched"}]}]}]}
                """);
        TestData.write(dir.resolve("designations/atc-it.json"), """
                {"resourceType":"CodeSystem","content":"supplement","supplements":"http://www.whocc.no/atc",
                 "language":"it","concept":[{"code":"B01AC04","display":"clopidogrel (it)",
                   "designation":[{"language":"es","value":"clopidogrel (es)"}]}]}
                """);
        TerminologyCatalogue t = TerminologyCatalogue.load(dir);
        TranscodingResult r = t.transcode(Coding.of("1.2.250.1.213.2.3.1", "63564053"), ATC_VS);
        assertThat(((TranscodingResult.Transcoded) r).pivot().code()).isEqualTo("B01AC04");
        assertThat(t.index().reviewedWithoutTarget(Coding.of("1.2.250.1.213.2.3.1", "99999999"))).isTrue();
        assertThat(t.translate(Coding.of(CodeSystems.ATC, "B01AC04"), "it")).contains("clopidogrel (it)");
        assertThat(t.translate(Coding.of(CodeSystems.ATC, "B01AC04"), "es-ES")).contains("clopidogrel (es)");
    }
}
