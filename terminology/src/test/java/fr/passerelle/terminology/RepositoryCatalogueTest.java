package fr.passerelle.terminology;

import fr.passerelle.terminology.TranscodingFailure.Reason;
import fr.passerelle.terminology.catalogue.CatalogueStatistics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Against the data shipped in src/data/terminology: the real MVC 8.1.0 package, ANS value sets, demo maps. */
class RepositoryCatalogueTest {

    static final Path DATA = Path.of("../src/data/terminology");
    static final String ROUTE_OID = "1.3.6.1.4.1.12559.11.10.1.3.1.42.12";
    static final String ACTIVE_INGREDIENT = "1.3.6.1.4.1.12559.11.10.1.3.1.42.24";
    static final String ILLNESS = "1.3.6.1.4.1.12559.11.10.1.3.1.42.5";
    static final String HCP_ROLE = "1.3.6.1.4.1.12559.11.10.1.3.1.42.1";
    static final String CIS = "1.2.250.1.213.2.3.1";
    static final String CIP = "1.2.250.1.213.2.3.2";

    static TerminologyCatalogue terminology;

    @BeforeAll
    static void load() throws TerminologyLoadException {
        terminology = TerminologyCatalogue.load(DATA);
    }

    @Test
    void loadsTheWholeMvcPackage() {
        CatalogueStatistics stats = terminology.statistics();
        long mvc = terminology.valueSets().stream().filter(v -> v.source().equals("MVC")).count();
        int mvcCodes = terminology.valueSets().stream().filter(v -> v.source().equals("MVC")).mapToInt(ValueSet::size).sum();
        // 61 of MVC 8.1.0 and the 2 of the Passerelle supplement package (value sets MVC 8.1.0 lacks).
        assertThat(mvc).isEqualTo(63);
        assertThat(terminology.valueSets().stream().filter(v -> "8.1.0".equals(v.version())).count()).isEqualTo(61);
        assertThat(mvcCodes).isBetween(150_000, 175_000);
        assertThat(stats.concepts()).isGreaterThan(150_000);
    }

    @Test
    void findsValueSetsByOidUrnAndCanonicalUrl() {
        ValueSet byOid = terminology.valueSetByOid(ROUTE_OID).orElseThrow();
        assertThat(byOid.name()).isEqualTo("eHDSIRouteofAdministration");
        assertThat(terminology.valueSetByOid("urn:oid:" + ROUTE_OID)).containsSame(byOid);
        assertThat(terminology.valueSetByUrl("http://terminology.ehdsi.eu/ValueSet/eHDSIRouteofAdministration"))
                .containsSame(byOid);
        assertThat(terminology.valueSet("http://terminology.ehdsi.eu/ValueSet/eHDSIRouteofAdministration|8.1.0"))
                .containsSame(byOid);
        assertThat(terminology.valueSetByOid("1.2.3.4.5")).isEmpty();
    }

    @Test
    void repairsTrailingSlashAndHtmlPageSystemUrisOfThePackage() {
        ValueSet units = terminology.valueSetByUrl("http://terminology.ehdsi.eu/ValueSet/eHDSIUnit").orElseThrow();
        assertThat(units.concepts()).extracting(Coding::system).containsOnly("http://unitsofmeasure.org");
        ValueSet countries = terminology.valueSetByUrl("http://terminology.ehdsi.eu/ValueSet/eHDSICountry").orElseThrow();
        assertThat(countries.concepts()).extracting(Coding::system).containsOnly("urn:iso:std:iso:3166");
        assertThat(terminology.validate(new Coding("1.0.3166.1.2.2", "FR", null), countries.url()).isValid()).isTrue();
        assertThat(terminology.validate(new Coding("2.16.840.1.113883.6.8", "mg", null), units.url()).isValid()).isTrue();
    }

    @Test
    void repairsStrayWhitespaceInDisplaysOfThePackage() {
        // published with a no-break space after "Methyl" and a tab before "hydrochloride"
        assertThat(terminology.lookup(new Coding(CodeSystems.EMA_SPOR_SUBSTANCE, "300000041467", null))
                .orElseThrow().display()).startsWith("Methyl N-[(2S)-1-").doesNotContain("\u00A0");
        assertThat(terminology.lookup(new Coding(CodeSystems.EMA_SPOR_SUBSTANCE, "300000055873", null))
                .orElseThrow().display()).endsWith("methylglycinamide] hydrochloride").doesNotContain("\t");
    }

    @Test
    void indexesCodedElementsOfTheEhdsiListByValueSetOid() {
        assertThat(terminology.index().valueSetOidForElement("patientSummaryCDAl3",
                "/ClinicalDocument/recordTarget/patientRole/patient/administrativeGenderCode"))
                .contains("1.3.6.1.4.1.12559.11.10.1.3.1.42.34");
        assertThat(terminology.index().statistics().codedElements()).isGreaterThan(50);
    }

    @Test
    void loadsFrenchValueSetsWithFrenchDesignations() {
        ValueSet abord = terminology.valueSetByOid("1.2.250.1.213.1.1.5.496").orElseThrow();
        assertThat(abord.source()).isEqualTo("ANS");
        assertThat(abord.concepts()).extracting(Coding::code).contains("181372005");
        assertThat(terminology.translate(Coding.of("2.16.840.1.113883.6.96", "181372005"), "fr"))
                .contains("veine jugulaire interne entière");
        long ans = terminology.valueSets().stream().filter(v -> v.source().equals("ANS")).count();
        assertThat(ans).isGreaterThan(500);
    }

    @Test
    void aPivotCodeIsKeptWithTheCatalogueDisplay() {
        TranscodingResult r = terminology.transcode(new Coding("0.4.0.127.0.16.1.1.2.1", "20053000", "Voie orale"), ROUTE_OID);
        assertThat(r).isInstanceOf(TranscodingResult.Transcoded.class);
        TranscodingResult.Transcoded t = (TranscodingResult.Transcoded) r;
        assertThat(t.pivot()).isEqualTo(new Coding(CodeSystems.EDQM, "20053000", "Oral use"));
        assertThat(t.pivot().systemOid()).contains("0.4.0.127.0.16.1.1.2.1");
        assertThat(t.original().display()).isEqualTo("Voie orale");
    }

    @Test
    void transcodesFrenchDrugCodesToAtcThroughTheDemoMaps() {
        TranscodingResult r = terminology.transcode(new Coding(CIS, "62080626", "LEVOTHYROX 75"), ACTIVE_INGREDIENT);
        TranscodingResult.Transcoded t = (TranscodingResult.Transcoded) r;
        assertThat(t.pivot()).isEqualTo(new Coding(CodeSystems.ATC, "H03AA01", "levothyroxine sodium"));
        assertThat(t.original()).isEqualTo(new Coding(CIS, "62080626", "LEVOTHYROX 75"));
        // a product and its ATC class are not the same concept: the pivot is broader, and says so
        assertThat(t.equivalence()).isEqualTo("wider");
        assertThat(t.isBroader()).isTrue();
        assertThat(t.mapUrl()).startsWith("urn:passerelle:conceptmap:");
        assertThat(t.provenance()).isNotBlank();
        TranscodingResult cip = terminology.transcode(Coding.of(CIP, "3400938022209"), ACTIVE_INGREDIENT);
        assertThat(((TranscodingResult.Transcoded) cip).pivot().code()).isEqualTo("B01AC04");
    }

    @Test
    void transcodesFrenchRolesToIsco() {
        TranscodingResult r = terminology.transcode(Coding.of("1.2.250.1.213.1.1.4.5", "G15_10/SM26"), HCP_ROLE);
        assertThat(((TranscodingResult.Transcoded) r).pivot())
                .isEqualTo(new Coding(CodeSystems.ISCO_08, "2211", "Generalist medical practitioners"));
    }

    @Test
    void cim10CodesAreIcd10Codes() {
        TranscodingResult r = terminology.transcode(Coding.of("2.16.840.1.113883.6.3", "E06.3"), ILLNESS);
        Coding pivot = ((TranscodingResult.Transcoded) r).pivot();
        assertThat(pivot.code()).isEqualTo("E06.3");
        assertThat(pivot.systemOid()).contains("1.3.6.1.4.1.12559.11.10.1.3.1.44.2");
    }

    @Test
    void unknownValueSetIsReportedWithItsEhdsiCode() {
        TranscodingResult r = terminology.transcode(Coding.of(CIS, "62080626"), "1.2.3.4.999");
        TranscodingFailure f = ((TranscodingResult.NotTranscoded) r).failure();
        assertThat(f.reason()).isEqualTo(Reason.UNKNOWN_VALUE_SET);
        assertThat(f.ehdsiCode()).isEqualTo("4507");
        assertThat(f.message()).contains("1.2.3.4.999");
    }

    @Test
    void unknownCodeSystemIsReported() {
        TranscodingResult r = terminology.transcode(Coding.of("1.2.3.4.5.6.7", "X"), ACTIVE_INGREDIENT);
        assertThat(((TranscodingResult.NotTranscoded) r).failure().reason()).isEqualTo(Reason.UNKNOWN_CODE_SYSTEM);
        assertThat(((TranscodingResult.NotTranscoded) r).failure().ehdsiCode()).isEqualTo("4501");
    }

    @Test
    void unknownCodeOfAKnownSystemIsReported() {
        TranscodingResult r = terminology.transcode(Coding.of(CIS, "99999999"), ACTIVE_INGREDIENT);
        TranscodingFailure f = ((TranscodingResult.NotTranscoded) r).failure();
        assertThat(f.reason()).isEqualTo(Reason.UNKNOWN_CODE);
        assertThat(f.ehdsiCode()).isEqualTo("4503");
    }

    @Test
    void pivotCodeOutsideTheValueSetIsAWarning() {
        TranscodingResult r = terminology.transcode(Coding.of(CodeSystems.EDQM, "10219000"), ROUTE_OID); // a dose form, not a route
        TranscodingFailure f = ((TranscodingResult.NotTranscoded) r).failure();
        assertThat(f.reason()).isEqualTo(Reason.CODE_NOT_IN_VALUE_SET);
        assertThat(f.isWarning()).isTrue();
        assertThat(f.ehdsiCode()).isEqualTo("2507");
    }

    @Test
    void headerCodesValidateAgainstTheValueSetsMvc810Lacks() {
        // coded_element_list_ehdsi.xml binds these elements to …42.31 / …42.34, which the supplement package provides.
        TranscodingResult n = terminology.transcode(Coding.of("2.16.840.1.113883.5.25", "N"),
                "1.3.6.1.4.1.12559.11.10.1.3.1.42.31");
        assertThat(((TranscodingResult.Transcoded) n).pivot().code()).isEqualTo("N");
        TranscodingResult f = terminology.transcode(Coding.of("2.16.840.1.113883.5.1", "F"),
                "1.3.6.1.4.1.12559.11.10.1.3.1.42.34");
        assertThat(((TranscodingResult.Transcoded) f).pivot().code()).isEqualTo("F");
        TranscodingResult x = terminology.transcode(Coding.of("2.16.840.1.113883.5.1", "X"),
                "1.3.6.1.4.1.12559.11.10.1.3.1.42.34");
        assertThat(x).isInstanceOf(TranscodingResult.NotTranscoded.class);
    }

    @Test
    void sampleCodesOfTheSecondReviewReachTheirValueSets() {
        TranscodingResult drugAllergy = terminology.transcode(Coding.of("2.16.840.1.113883.6.96", "416098002"),
                "1.3.6.1.4.1.12559.11.10.1.3.1.42.18");
        assertThat(((TranscodingResult.Transcoded) drugAllergy).pivot().code()).isEqualTo("609328004");
        TranscodingResult pacemaker = terminology.transcode(Coding.of("1.2.250.1.213.2.68", "J010104"),
                "1.3.6.1.4.1.12559.11.10.1.3.1.42.8");
        assertThat(((TranscodingResult.Transcoded) pacemaker).pivot().code()).isEqualTo("J010104");
        TranscodingResult smoking = terminology.transcode(Coding.of("2.16.840.1.113883.6.1", "72166-2"),
                "1.3.6.1.4.1.12559.11.10.1.3.1.42.14");
        assertThat(((TranscodingResult.Transcoded) smoking).pivot().code()).isEqualTo("229819007");
    }

    /** The tables derived from the ANSM BDPM of 2025-07-07 and the EDQM designations (terminology import --bdpm). */
    @Test
    void theShippedBdpmTablesCoverEveryProductOfTheDatabase() {
        var index = terminology.index();
        assertThat(index.mapEntries().filter(e -> e.mapUrl().equals("urn:passerelle:conceptmap:fr-bdpm-cis-atc")))
                .hasSize(8_107).allSatisfy(e -> assertThat(e.equivalence()).isEqualTo("wider"));
        assertThat(index.mapEntries().filter(e -> e.mapUrl().equals("urn:passerelle:conceptmap:fr-bdpm-cip13-atc")))
                .hasSize(12_194);
        assertThat(index.medicinalProductCount()).isEqualTo(15_788);
        assertThat(index.presentationCount()).isEqualTo(20_882);
        assertThat(index.medicinalProduct(Coding.of(CIS, "60002283")).orElseThrow().doseForm())
                .isEqualTo(Coding.of(CodeSystems.EDQM, "10221000"));

        TranscodingResult.Transcoded cis = (TranscodingResult.Transcoded) terminology.transcode(
                Coding.of(CIS, "68053454"), ACTIVE_INGREDIENT);
        assertThat(cis.pivot().code()).isEqualTo("A02BA01");
        assertThat(cis.equivalence()).isEqualTo("wider");
        assertThat(cis.provenance()).isEqualTo("ANSM BDPM CIS_MITM.txt 2025-07-07, CIS to ATC as published");
        TranscodingResult.Transcoded cip = (TranscodingResult.Transcoded) terminology.transcode(
                Coding.of(CIP, "3400934882555"), ACTIVE_INGREDIENT);
        assertThat(cip.pivot().code()).isEqualTo("A02BA01");
        var product = index.medicinalProduct(Coding.of(CIP, "3400934882555")).orElseThrow();
        assertThat(product.cis()).isEqualTo("68053454");
        assertThat(product.routes()).containsExactly(Coding.of(CodeSystems.EDQM, "20053000"));
        assertThat(product.ingredients()).singleElement().satisfies(i -> {
            assertThat(i.substanceCode()).isEqualTo("00587");
            assertThat(i.strength()).isEqualTo("200 mg");
        });
        // a product the database gives no ATC class: known, but without pivot equivalent
        assertThat(((TranscodingResult.NotTranscoded) terminology.transcode(Coding.of(CIS, "60002283"),
                ACTIVE_INGREDIENT)).failure().reason()).isEqualTo(Reason.NO_MAPPING);
        assertThat(terminology.translate(Coding.of(CodeSystems.EDQM, "10221000"), "it"))
                .contains("Compressa rivestita con film");
        assertThat(terminology.translate(Coding.of(CodeSystems.EDQM, "10221000"), "pl")).contains("Film-coated tablet");
    }

    @Test
    void drugAllergyBecomesTheBroaderAllergicDispositionAndSaysSo() {
        TranscodingResult.Transcoded t = (TranscodingResult.Transcoded) terminology.transcode(
                Coding.of("2.16.840.1.113883.6.96", "416098002"), "1.3.6.1.4.1.12559.11.10.1.3.1.42.18");
        assertThat(t.pivot().code()).isEqualTo("609328004");
        assertThat(t.equivalence()).isEqualTo("wider");
        assertThat(t.isBroader()).isTrue();
        assertThat(t.provenance()).contains("SNOMED CT International hierarchy");
    }

    @Test
    void reviewedCodeWithoutEquivalentIsNoMapping() {
        TranscodingResult r = terminology.transcode(Coding.of("1.2.250.1.213.1.1.4.322", "MED-1096"), ILLNESS);
        TranscodingFailure f = ((TranscodingResult.NotTranscoded) r).failure();
        assertThat(f.reason()).isEqualTo(Reason.NO_MAPPING);
        assertThat(f.ehdsiCode()).isEqualTo("4504");
        assertThat(f.message()).contains("unmatched");
    }

    @Test
    void mappedCodeWithTargetInAnotherValueSetIsNoMapping() {
        TranscodingResult r = terminology.transcode(Coding.of(CIS, "62080626"), ROUTE_OID);
        assertThat(((TranscodingResult.NotTranscoded) r).failure().reason()).isEqualTo(Reason.NO_MAPPING);
    }

    @Test
    void translatesWithFallbackToPrimaryLanguageThenEnglishThenPublishedDisplay() {
        Coding oral = Coding.of("0.4.0.127.0.16.1.1.2.1", "20053000");
        // the EDQM designation (designations/edqm-designations.csv, loaded after the demo file) wins over the demo one
        assertThat(terminology.translate(oral, "de")).contains("zum Einnehmen");
        assertThat(terminology.translate(oral, "de-AT")).contains("zum Einnehmen");
        assertThat(terminology.translate(oral, "it_IT")).contains("Uso orale");
        assertThat(terminology.translate(oral, "pl")).contains("Oral use");
        // EDQM designations (unicom-ig) in the requester's language
        assertThat(terminology.translate(Coding.of(CodeSystems.EDQM, "20001000"), "de")).contains("Anwendung am Ohr");
        // no designations at all: the display the code system publishes
        assertThat(terminology.translate(Coding.of(CodeSystems.ATC, "A02BA01"), "de")).contains("cimetidine");
        assertThat(terminology.translate(Coding.of(CodeSystems.EDQM, "no-such-code"), "de")).isEmpty();
    }

    @Test
    void validatesMembership() {
        assertThat(terminology.validate(Coding.of(CodeSystems.ATC, "N02BE01"), ACTIVE_INGREDIENT))
                .isInstanceOf(CodeValidation.Valid.class);
        CodeValidation wrong = terminology.validate(Coding.of(CodeSystems.ATC, "N02BE01"), ROUTE_OID);
        assertThat(((CodeValidation.Invalid) wrong).failure().reason()).isEqualTo(Reason.CODE_NOT_IN_VALUE_SET);
        CodeValidation unknownVs = terminology.validate(Coding.of(CodeSystems.ATC, "N02BE01"), "urn:oid:9.9.9");
        assertThat(((CodeValidation.Invalid) unknownVs).failure().reason()).isEqualTo(Reason.UNKNOWN_VALUE_SET);
    }
}
