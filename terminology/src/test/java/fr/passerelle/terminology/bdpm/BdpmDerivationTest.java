package fr.passerelle.terminology.bdpm;

import fr.passerelle.terminology.CodeSystems;
import fr.passerelle.terminology.Coding;
import fr.passerelle.terminology.TerminologyCatalogue;
import fr.passerelle.terminology.TerminologyLoadException;
import fr.passerelle.terminology.TranscodingFailure.Reason;
import fr.passerelle.terminology.TranscodingResult;
import fr.passerelle.terminology.bdpm.DerivedTables.MapLine;
import fr.passerelle.terminology.bdpm.DerivedTables.ProductLine;
import fr.passerelle.terminology.bdpm.FrenchTermMatcher.Kind;
import fr.passerelle.terminology.catalogue.MedicinalProduct;
import fr.passerelle.terminology.load.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code terminology import --bdpm} on a five-product extract in the official Windows-1252 download format. */
class BdpmDerivationTest {

    static final Path BDPM = Path.of("../src/fixtures/fr-bdpm-extract");
    static final Path EDQM = Path.of("../src/fixtures/edqm-designations-extract");
    static final LocalDate AS_OF = LocalDate.of(2025, 7, 7);
    static final String ACTIVE_INGREDIENT = "1.3.6.1.4.1.12559.11.10.1.3.1.42.24";
    static final String DOSE_FORM = "1.3.6.1.4.1.12559.11.10.1.3.1.42.2";

    static BdpmDatabase db;
    static BdpmDerivation.Result result;

    @BeforeAll
    static void derive() throws TerminologyLoadException {
        db = BdpmDatabase.read(BDPM, AS_OF);
        result = BdpmDerivation.derive(db, EdqmTerms.read(EDQM), atc -> !atc.equals("L01XX62"));
    }

    @Test
    void readsTheOfficialWindows1252Files() {
        assertThat(db.charsets()).containsEntry(BdpmDatabase.PRODUCTS, TabFile.WINDOWS_1252)
                .containsEntry(BdpmDatabase.PRESENTATIONS, TabFile.WINDOWS_1252);
        assertThat(db.products()).extracting(BdpmDatabase.Product::doseFormWords)
                .contains("comprimé pelliculé sécable", "gélule gastro-résistant(e)");
        assertThat(db.products().get(2).routeWords()).containsExactly("intraveineuse", "voie buccale autre");
    }

    @Test
    void utf8FilesGiveTheSameTables(@TempDir Path dir) throws Exception {
        for (String f : List.of(BdpmDatabase.PRODUCTS, BdpmDatabase.ATC, BdpmDatabase.PRESENTATIONS,
                BdpmDatabase.COMPOSITIONS)) {
            String text = new String(Files.readAllBytes(BDPM.resolve(f)), TabFile.WINDOWS_1252);
            Files.writeString(dir.resolve(f), text, StandardCharsets.UTF_8);
        }
        BdpmDatabase utf8 = BdpmDatabase.read(dir, AS_OF);
        assertThat(utf8.charsets().values()).containsOnly(StandardCharsets.UTF_8);
        BdpmDerivation.Result again = BdpmDerivation.derive(utf8, EdqmTerms.read(EDQM), atc -> true);
        assertThat(again.tables()).isEqualTo(result.tables());
    }

    @Test
    void cisAndCip13MapToTheAtcClassAsBroaderWithTheirProvenance() {
        List<MapLine> cis = result.tables().cisToAtc();
        assertThat(cis).hasSize(4).allSatisfy(l -> {
            assertThat(l.equivalence()).isEqualTo("wider");
            assertThat(l.provenance()).contains("CIS_MITM.txt").contains("2025-07-07");
        });
        assertThat(cis.get(0)).extracting(MapLine::sourceCode, MapLine::targetCode).containsExactly("61111111", "C10AA07");
        // two presentations of a CIS with ATC are mapped; the presentation of the CIS without ATC is not
        assertThat(result.tables().cip13ToAtc()).extracting(MapLine::sourceCode)
                .containsExactly("3400930000011", "3400930000028");
        assertThat(result.tables().cip13ToAtc().get(0).provenance()).contains("CIS_CIP_bdpm.txt").contains("CIS_MITM.txt");
        assertThat(result.tables().presentations()).hasSize(3);
        assertThat(result.report().atcOutsideEhdsi()).containsExactly("L01XX62");
    }

    @Test
    void doseFormAndRouteWordsMatchEdqmExactlyAfterNormalisationOrWithoutTheScoreLine() {
        Map<String, ProductLine> byCis = new LinkedHashMap<>();
        result.tables().products().forEach(p -> byCis.put(p.cis(), p));
        // "comprimé pelliculé sécable": a score line is not an EDQM dose form characteristic
        assertThat(byCis.get("61111111").doseForm()).isEqualTo("10221000");
        assertThat(byCis.get("61111111").provenance()).contains("dose form score line dropped");
        // "gélule gastro-résistant(e)" = "Gélule gastrorésistante"
        assertThat(byCis.get("61111112").doseForm()).isEqualTo("10212000");
        assertThat(byCis.get("61111112").provenance()).contains("dose form normalised");
        assertThat(byCis.get("61111113").doseForm()).isEqualTo("11201000");
        assertThat(byCis.get("61111113").provenance()).contains("dose form exact");
        // routes: "orale" = "Voie orale"; "voie buccale autre" has no EDQM term and is left out
        assertThat(byCis.get("61111112").routes()).containsExactly("20053000");
        assertThat(byCis.get("61111113").routes()).containsExactly("20045000");
        assertThat(byCis.get("61111113").provenance()).contains("(some unmatched)");
        assertThat(byCis.get("61111114").doseForm()).isNull();
        assertThat(byCis.get("61111114").routes()).containsExactly("20003000", "20053000");
    }

    @Test
    void unmatchedWordsAreReportedWithTheirProductCount() {
        DerivationReport r = result.report();
        assertThat(r.doseForms()).filteredOn(w -> !w.match().matched()).singleElement().satisfies(w -> {
            assertThat(w.words()).isEqualTo("comprimé et solution(s) et granules et poudre et pommade");
            assertThat(w.products()).isEqualTo(1);
        });
        assertThat(r.routes()).filteredOn(w -> !w.match().matched()).extracting(DerivationReport.WordMatch::words)
                .containsExactly("voie buccale autre");
        assertThat(r.productsWithDoseForm()).isEqualTo(4);
        assertThat(r.productsWithAllRoutes()).isEqualTo(4);
        assertThat(r.toText()).contains("UNMATCHED     1  voie buccale autre")
                .contains("CIS -> ATC                4 mappings")
                .contains("not in eHDSIActiveIngredient: L01XX62");
    }

    @Test
    void twoEdqmTermsWithOneFrenchDesignationAreAmbiguousNotChosen() {
        FrenchTermMatcher m = new FrenchTermMatcher(Map.of("10000001", "Poudre orale", "10000002", "Poudre  orale",
                "10000003", "Comprimé"));
        FrenchTermMatcher.Match match = m.match("poudre orale");
        assertThat(match.kind()).isEqualTo(Kind.AMBIGUOUS);
        assertThat(match.code()).isNull();
        assertThat(match.candidates()).containsExactlyInAnyOrder("10000001", "10000002");
        assertThat(m.match("comprimé").kind()).isEqualTo(Kind.EXACT);
        assertThat(m.match("Comprime").kind()).isEqualTo(Kind.NORMALISED);
        assertThat(m.match("gomme").kind()).isEqualTo(Kind.UNMATCHED);
    }

    @Test
    void genderMarksAreTriedBothWays() {
        assertThat(FrenchTermMatcher.variants("gomme à mâcher médicamenteux(se)"))
                .contains("gomme a macher medicamenteux", "gomme a macher medicamenteuse");
        assertThat(FrenchTermMatcher.variants("comprimé effervescent(e)"))
                .containsExactlyInAnyOrder("comprime effervescent", "comprime effervescente");
        assertThat(FrenchTermMatcher.variants("Solution injectable/pour perfusion"))
                .containsExactly("solution injectable ou pour perfusion");
    }

    @Test
    void edqmDesignationsAreWrittenInEveryLanguageButEnglish() {
        assertThat(result.tables().designations()).extracting(DerivedTables.DesignationLine::language)
                .doesNotContain("en").contains("de", "el", "es", "fr", "it", "pt");
        assertThat(result.tables().designations()).filteredOn(d -> d.code().equals("20003000"))
                .extracting(DerivedTables.DesignationLine::language).containsExactly("fr");
        assertThat(result.report().designationsByLanguage()).containsEntry("fr", 8);
    }

    @Test
    void aMalformedLineIsNamedByFileAndLine(@TempDir Path dir) throws Exception {
        for (String f : List.of(BdpmDatabase.PRODUCTS, BdpmDatabase.PRESENTATIONS, BdpmDatabase.COMPOSITIONS)) {
            Files.copy(BDPM.resolve(f), dir.resolve(f));
        }
        Files.writeString(dir.resolve(BdpmDatabase.ATC), "61111111\tC10AA07\tX\tu\n61111112\tnot-atc\tY\tu\n");
        assertThatThrownBy(() -> BdpmDatabase.read(dir, AS_OF)).isInstanceOf(TerminologyLoadException.class)
                .hasMessageContaining("CIS_MITM.txt:2").hasMessageContaining("field 2 'not-atc' is not an ATC code");
        Files.delete(dir.resolve(BdpmDatabase.COMPOSITIONS));
        assertThatThrownBy(() -> BdpmDatabase.read(dir, AS_OF)).hasMessageContaining("CIS_COMPO_bdpm.txt")
                .hasMessageContaining("missing BDPM file");
    }

    @Test
    void aMirrorsDownloadDatesAreTheFilesDates(@TempDir Path dir) throws Exception {
        for (String f : List.of(BdpmDatabase.PRODUCTS, BdpmDatabase.ATC, BdpmDatabase.PRESENTATIONS,
                BdpmDatabase.COMPOSITIONS)) {
            Files.copy(BDPM.resolve(f), dir.resolve(f));
        }
        Files.writeString(dir.resolve("meta.json"), "{\"CIS_MITM.txt\": {\"downloadedAt\": \"2025-07-07T21:23:04.644Z\"}}");
        BdpmDatabase read = BdpmDatabase.read(dir, null);
        assertThat(read.dates()).containsEntry(BdpmDatabase.ATC, AS_OF);
    }

    /** Written into a folder with a small MVC package, the tables load and transcode as the catalogue's own. */
    @Test
    void theWrittenTablesLoadAndTranscode(@TempDir Path dir) throws Exception {
        TestData.writePackage(dir.resolve("mvc/mvc.tgz"), Map.of(
                "package/package.json", "{\"name\":\"hl7.eu.terminology.ehdsi\",\"version\":\"8.1.0\"}",
                "package/ValueSet-eHDSIActiveIngredient-8.1.0.json", TestData.valueSet(
                        "http://terminology.ehdsi.eu/ValueSet/eHDSIActiveIngredient", ACTIVE_INGREDIENT,
                        "http://www.whocc.no/atc", "C10AA07", "rosuvastatin", "A02BC01", "omeprazole"),
                "package/ValueSet-eHDSIDoseForm-8.1.0.json", TestData.valueSet(
                        "http://terminology.ehdsi.eu/ValueSet/eHDSIDoseForm", DOSE_FORM,
                        "http://standardterms.edqm.eu", "10221000", "Film-coated tablet"),
                "package/ValueSet-eHDSIRouteofAdministration-8.1.0.json", TestData.valueSet(
                        "http://terminology.ehdsi.eu/ValueSet/eHDSIRouteofAdministration",
                        "1.3.6.1.4.1.12559.11.10.1.3.1.42.12", "http://standardterms.edqm.eu", "20003000",
                        "Cutaneous use", "20053000", "Oral use")));
        TerminologyCatalogue before = TerminologyCatalogue.load(dir);
        Files.writeString(dir.resolve("INDEX"), "");
        List<String> written = DerivedTableWriter.write(result.tables(), dir);
        assertThat(written).contains(DerivedTableWriter.CIS_ATC, DerivedTableWriter.PRODUCTS);
        assertThat(Files.readString(dir.resolve(DerivedTableWriter.CIS_ATC)))
                .startsWith("# Source: ANSM - Base de données publique des médicaments (BDPM)");
        assertThat(Files.readAllLines(dir.resolve("INDEX"))).contains("fr-products/bdpm-products.csv", "mvc/mvc.tgz");
        TerminologyCatalogue t = TerminologyCatalogue.load(dir);

        TranscodingResult.Transcoded cis = (TranscodingResult.Transcoded) t.transcode(
                Coding.of(BdpmDerivation.CIS_OID, "61111111"), ACTIVE_INGREDIENT);
        assertThat(cis.pivot()).isEqualTo(new Coding(CodeSystems.ATC, "C10AA07", "rosuvastatin"));
        assertThat(cis.isBroader()).isTrue();
        assertThat(cis.provenance()).contains("CIS_MITM.txt 2025-07-07");
        TranscodingResult.Transcoded cip = (TranscodingResult.Transcoded) t.transcode(
                Coding.of(BdpmDerivation.CIP13_OID, "3400930000028"), ACTIVE_INGREDIENT);
        assertThat(cip.pivot().code()).isEqualTo("C10AA07");
        // a known product without ATC class is "no mapping", an unknown CIS is "unknown code"
        assertThat(((TranscodingResult.NotTranscoded) t.transcode(Coding.of(BdpmDerivation.CIS_OID, "61111115"),
                ACTIVE_INGREDIENT)).failure().reason()).isEqualTo(Reason.NO_MAPPING);
        assertThat(((TranscodingResult.NotTranscoded) t.transcode(Coding.of(BdpmDerivation.CIS_OID, "69999999"),
                ACTIVE_INGREDIENT)).failure().reason()).isEqualTo(Reason.UNKNOWN_CODE);

        MedicinalProduct alpha = t.index().medicinalProduct(Coding.of(BdpmDerivation.CIP13_OID, "3400930000011"))
                .orElseThrow();
        assertThat(alpha.cis()).isEqualTo("61111111");
        assertThat(alpha.doseForm()).isEqualTo(Coding.of(CodeSystems.EDQM, "10221000"));
        assertThat(alpha.routes()).containsExactly(Coding.of(CodeSystems.EDQM, "20053000"));
        assertThat(alpha.ingredients()).extracting(MedicinalProduct.Ingredient::substanceCode,
                        MedicinalProduct.Ingredient::strength, MedicinalProduct.Ingredient::nature)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("12345", "10,40 mg", "SA"),
                        org.assertj.core.groups.Tuple.tuple("12346", "10,00 mg", "FT"));

        // displays for the requester's language: EDQM designation, English (MVC) where the language has none
        Coding cutaneous = Coding.of(CodeSystems.EDQM, "20003000");
        assertThat(t.translate(cutaneous, "fr")).contains("Voie cutanée");
        assertThat(t.translate(cutaneous, "de")).contains("Cutaneous use");
        assertThat(t.translate(Coding.of(CodeSystems.EDQM, "10221000"), "pt")).contains("Comprimido revestido por película");
        assertThat(t.translate(Coding.of(CodeSystems.EDQM, "10221000"), "el"))
                .contains("Επικαλυμμένο με λεπτό υμένιο δισκίο");
        assertThat(t.translate(Coding.of(CodeSystems.EDQM, "20053000"), "it")).contains("Uso orale");

        CatalogueDiff diff = CatalogueDiff.between(before.index(), t.index());
        assertThat(diff.bySystem().get("urn:oid:1.2.250.1.213.2.3.1").added()).isEqualTo(4);
        assertThat(diff.bySystem().get("urn:oid:1.2.250.1.213.2.3.2").added()).isEqualTo(2);
        assertThat(diff.productsAfter()).isEqualTo(5);
        assertThat(diff.toText()).contains("urn:oid:1.2.250.1.213.2.3.1: 4 added, 0 removed, 0 changed");
        assertThat(Set.copyOf(diff.ambiguous())).isEmpty();
    }
}
