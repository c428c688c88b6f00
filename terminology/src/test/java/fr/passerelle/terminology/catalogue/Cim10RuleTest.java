package fr.passerelle.terminology.catalogue;

import fr.passerelle.terminology.CodeSystems;
import fr.passerelle.terminology.Coding;
import fr.passerelle.terminology.TranscodingFailure.Reason;
import fr.passerelle.terminology.TranscodingResult;
import fr.passerelle.terminology.ValueSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** French CIM-10 (ATIH) codes under the WHO OID become the WHO ICD-10 code of the eHDSI value set, and say how. */
class Cim10RuleTest {

    static final Set<String> WHO = Set.of("E11", "E11.9", "F10", "F10.2", "I10", "G63.2", "M00.05", "K35", "K35.8");

    @ParameterizedTest(name = "{0} -> {1} ({2})")
    @CsvSource({
            // ATIH extension characters after the WHO code: the WHO parent, broader
            "F10.20, F10.2, wider",
            "K35.80, K35.8, wider",
            "I10+0, I10, wider",
            "E11.90, E11.9, wider",
            // the same WHO code written differently: equal
            "E119, E11.9, equal",
            "e11.9, E11.9, equal",
            "G63.2*, G63.2, equal",
            "M0005, M00.05, equal",
            // a WHO subcategory the value set lacks: its category, broader
            "K35.3, K35, wider",
    })
    void truncatesToTheWhoCodeOfTheValueSet(String cim10, String who, String equivalence) {
        Cim10Rule.Match m = Cim10Rule.toWho(cim10, WHO::contains).orElseThrow();
        assertThat(m.code()).isEqualTo(who);
        assertThat(m.equivalence()).isEqualTo(equivalence);
        assertThat(m.provenance()).startsWith("rule CIM-10 to ICD-10");
    }

    @ParameterizedTest
    @CsvSource({"Z99.9", "A00", "ABC", "1234", "''"})
    void neverGuessesAnotherCategoryNorANarrowerCode(String cim10) {
        assertThat(Cim10Rule.toWho(cim10, WHO::contains)).isEmpty();
    }

    @Test
    void transcodingAppliesTheRuleWithItsEquivalenceAndProvenance() {
        CatalogueIndex index = CatalogueIndex.builder().valueSet(new ValueSet(
                "http://terminology.ehdsi.eu/ValueSet/eHDSIIllnessandDisorder", "1.3.6.1.4.1.12559.11.10.1.3.1.42.5",
                "eHDSIIllnessandDisorder", null, "8.1.0", "MVC", List.of(
                new Coding(CodeSystems.ICD_10, "F10.2", "Mental and behavioural disorders due to use of alcohol: dependence syndrome"),
                new Coding(CodeSystems.ICD_10, "E06.3", "Autoimmune thyroiditis"))))
                .build();
        // French documents use the WHO OID 2.16.840.1.113883.6.3
        TranscodingResult.Transcoded extended = (TranscodingResult.Transcoded) index.transcode(
                Coding.of("2.16.840.1.113883.6.3", "F10.20"), "1.3.6.1.4.1.12559.11.10.1.3.1.42.5");
        assertThat(extended.pivot().code()).isEqualTo("F10.2");
        assertThat(extended.pivot().display()).startsWith("Mental and behavioural");
        assertThat(extended.equivalence()).isEqualTo("wider");
        assertThat(extended.isBroader()).isTrue();
        assertThat(extended.mapUrl()).isNull();
        assertThat(extended.provenance()).contains("ATIH");
        TranscodingResult.Transcoded same = (TranscodingResult.Transcoded) index.transcode(
                Coding.of("2.16.840.1.113883.6.3", "E06.3"), "1.3.6.1.4.1.12559.11.10.1.3.1.42.5");
        assertThat(same.equivalence()).isEqualTo("equal");
        assertThat(same.isExact()).isTrue();
        TranscodingResult none = index.transcode(Coding.of("2.16.840.1.113883.6.3", "Z99.9"),
                "1.3.6.1.4.1.12559.11.10.1.3.1.42.5");
        assertThat(((TranscodingResult.NotTranscoded) none).failure().reason()).isEqualTo(Reason.CODE_NOT_IN_VALUE_SET);
    }
}
