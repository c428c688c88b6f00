package fr.passerelle.terminology.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DisplaysTest {

    @Test
    void trimsAndCollapsesWhitespaceIncludingNoBreakSpaces() {
        assertThat(Displays.normalise("  Oral use ")).isEqualTo("Oral use");
        assertThat(Displays.normalise("Methyl\u00A0N-[(2S)")).isEqualTo("Methyl N-[(2S)");
        assertThat(Displays.normalise("a\r\n\tb   c")).isEqualTo("a b c");
        assertThat(Displays.normalise("\u00A0")).isEmpty();
    }

    @Test
    void leavesCleanDisplaysAndNullAlone() {
        String clean = "Generalist medical practitioners";
        assertThat(Displays.normalise(clean)).isSameAs(clean);
        assertThat(Displays.normalise(null)).isNull();
    }
}
