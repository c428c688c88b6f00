package fr.passerelle.terminology.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** What a BDPM presentation label says its package holds: one quantity in a known unit, or nothing. */
class PackageContentTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "plaquette(s) thermoformée(s) PVC-aluminium de 16 comprimé(s)|16|1",
        "3 plaquette(s) aluminium de 10 lyophilisat(s)|30|1",
        "28 plaquettes prédécoupées unitaires aluminium de 1 comprimé|28|1",
        "flacon(s) polyéthylène haute densité (PEHD) de 28 gélules.|28|1",
        "1 flacon(s) en verre de 5 ml|5|mL",
        "1 poche(s) (ECOFLAC) polyéthylène de 100  ml|100|mL",
        "1 flacon(s) en verre de 0,8 ml|0.8|mL",
        "tube(s) aluminium de 30 g|30|g",
        "1 bouteille(s) aluminium de 10 l|10|L",
        "2 anneaux de 1 anneau(x)|2|1",
    })
    void aLabelStatingOneQuantityInAKnownUnitGivesIt(String label, String value, String unit) {
        assertThat(PackageContent.parse(label)).contains(new PackageContent(value, unit));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // two quantities, kits, several containers of a volume, units that are not counted one by one
        "6 flacon(s) polyéthylène haute densité (PEHD) de 15 comprimé(s) (conditionnement multiple de 90 comprimés)",
        "1 flacon(s) en verre de 1 g - 1 ampoule(s) en verre de 3,5 ml",
        "2 seringues préremplies en verre de 2 mL + porte seringue + 1 canule",
        "30 ampoule(s) en verre brun de 5 ml",
        "1 flacon(s) pressurisé(s) aluminium de 200 dose(s)",
        "1 flacon(s) de 10 MBq/ml",
        "1 flacon(s) de 1,5 comprimé(s)",
        "1 flacon(s) en verre",
        "0 flacon(s) de 10 comprimé(s)",
        "",
    })
    void anythingElseGivesNoContentRatherThanAGuess(String label) {
        assertThat(PackageContent.parse(label)).isEmpty();
        assertThat(PackageContent.parse(null)).isEqualTo(Optional.empty());
    }

    @Test
    void aContentIsAnHl7DecimalInAUnitItKnows() {
        assertThatThrownBy(() -> new PackageContent("3,5", "mL")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PackageContent("3", "tablet")).isInstanceOf(IllegalArgumentException.class);
    }
}
