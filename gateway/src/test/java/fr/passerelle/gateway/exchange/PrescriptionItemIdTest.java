package fr.passerelle.gateway.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The id of one item document of a multi-line French ePrescription, written and read back. */
class PrescriptionItemIdTest {

    @Test
    void anItemIdIsTheItemDocumentsOwnIdAndReadsBack() {
        assertThat(new PrescriptionItemId("2.25.579", 2).xdsUniqueId()).isEqualTo("2.25.579^2");
        assertThat(new PrescriptionItemId("1.2.250.1^EP-77", 1).xdsUniqueId()).isEqualTo("1.2.250.1^EP-77-1");
        assertThat(PrescriptionItemId.parse("2.25.579^2")).contains(new PrescriptionItemId("2.25.579", 2));
        assertThat(PrescriptionItemId.parse("1.2.250.1^EP-77-1")).contains(new PrescriptionItemId("1.2.250.1^EP-77", 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.25.579", "2.25.579^", "^2", "2.25.579^abc", "2.25.579^0", "2.25.579^02",
        "2.25.579^-3", "2.25.579^12345", "2.25.579^EP-"})
    void anIdThatCannotNameAnItemIsNotReadAsOne(String id) {
        assertThat(PrescriptionItemId.parse(id)).isEmpty();
    }

    @Test
    void positionsStartAtOne() {
        assertThatThrownBy(() -> new PrescriptionItemId("2.25.579", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
