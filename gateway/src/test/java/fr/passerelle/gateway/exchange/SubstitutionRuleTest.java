package fr.passerelle.gateway.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.ehdsi.ExchangeError;
import fr.passerelle.translation.cda.ClinicalEntry;
import fr.passerelle.translation.cda.CodedValue;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A dispensed medicine against the prescribed line: same product, a substitution allowed or not, or unrelated. */
class SubstitutionRuleTest {

    private static final String CIS = "1.2.250.1.213.2.3.1";
    private static final String ATC = "2.16.840.1.113883.6.73";

    /** Doliprane 500 mg (a CIS), class N02BE01 paracetamol. */
    private static final DispensedMedicine PRESCRIBED = DispensedMedicine.of(product(
            coded("60234100", CIS), coded("N02BE01", ATC)), false);

    @Test
    void thePrescribedProductFulfilsTheLineWhateverTheSubstitutionRule() {
        DispensedMedicine same = DispensedMedicine.of(product(coded("60234100", CIS), null), false);

        assertThat(SubstitutionRule.relation(PRESCRIBED, same)).isEqualTo(SubstitutionRule.Relation.SAME_PRODUCT);
        assertThat(SubstitutionRule.judge(PRESCRIBED, false, same)).isEmpty();
        assertThat(SubstitutionRule.judge(PRESCRIBED, true, same)).isEmpty();
    }

    @Test
    void anotherProductOfTheSameSubstanceIsASubstitutionAllowedOnlyWhenThePrescriberAllowedIt() {
        // A Spanish paracetamol: another national code, the same ATC class (as the product code's translation).
        CodedValue spanish = new CodedValue("656010", "2.16.840.1.113883.2.19.10.1", "Paracetamol 500",
                List.of(coded("N02BE01", ATC)), null);
        DispensedMedicine substitute = DispensedMedicine.of(product(spanish, null), true);

        assertThat(SubstitutionRule.relation(PRESCRIBED, substitute))
                .isEqualTo(SubstitutionRule.Relation.SAME_SUBSTANCE);
        assertThat(SubstitutionRule.judge(PRESCRIBED, true, substitute)).isEmpty();
        assertThat(SubstitutionRule.judge(PRESCRIBED, false, substitute)).get().extracting(ExchangeRefusal::error)
                .isEqualTo(ExchangeError.ERROR_ED_SUBSTITUTION_INFORMATION_NOT_ALLOWED);
    }

    @Test
    void aSubstitutionSaidOfThePrescribedProductIsRefusedWhereNotAllowed() {
        DispensedMedicine saidSubstituted = DispensedMedicine.of(product(coded("60234100", CIS), null), true);

        assertThat(SubstitutionRule.judge(PRESCRIBED, false, saidSubstituted)).get().extracting(ExchangeRefusal::error)
                .isEqualTo(ExchangeError.ERROR_ED_SUBSTITUTION_INFORMATION_NOT_ALLOWED);
    }

    @Test
    void anUnrelatedProductIsNotTheEprescriptionsMedicine() {
        DispensedMedicine amoxicillin = DispensedMedicine.of(product(coded("2802536102016", "2.16.840.1.113883.2.25"),
                coded("J01CA04", ATC)), false);
        DispensedMedicine uncoded = DispensedMedicine.of(product(null, null), false);

        for (DispensedMedicine other : List.of(amoxicillin, uncoded)) {
            assertThat(SubstitutionRule.relation(PRESCRIBED, other)).isEqualTo(SubstitutionRule.Relation.UNRELATED);
            assertThat(SubstitutionRule.judge(PRESCRIBED, true, other)).get().extracting(ExchangeRefusal::error)
                    .isEqualTo(ExchangeError.ERROR_ED_EPRESCRIPTION_NOT_IDENTIFIABLE);
        }
    }

    @Test
    void aCompoundedPreparationHasNothingToCompareWith() {
        DispensedMedicine preparation = DispensedMedicine.of(product(null, null), false);
        DispensedMedicine anything = DispensedMedicine.of(product(coded("X", "1.2.3"), null), false);

        assertThat(SubstitutionRule.relation(preparation, anything)).isEqualTo(SubstitutionRule.Relation.UNCHECKABLE);
        assertThat(SubstitutionRule.judge(preparation, false, anything)).isEmpty();
        assertThat(DispensedMedicine.of(product(null, null), false).atc()).isEqualTo(Optional.empty());
    }

    private static CodedValue coded(String code, String system) {
        return new CodedValue(code, system, null, List.of(), null);
    }

    private static ClinicalEntry.Product product(CodedValue code, CodedValue atc) {
        return new ClinicalEntry.Product(code, "product", atc, List.of(), null, null, null, null);
    }
}
