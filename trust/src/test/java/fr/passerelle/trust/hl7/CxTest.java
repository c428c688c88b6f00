package fr.passerelle.trust.hl7;

import static fr.passerelle.trust.hl7.Cx.Refusal.AUTHORITY_NOT_ISO;
import static fr.passerelle.trust.hl7.Cx.Refusal.EMPTY;
import static fr.passerelle.trust.hl7.Cx.Refusal.NOT_CX;
import static fr.passerelle.trust.hl7.Cx.Refusal.NO_AUTHORITY;
import static fr.passerelle.trust.hl7.Cx.Refusal.NO_ID;
import static fr.passerelle.trust.hl7.Cx.Refusal.SEPARATOR_IN_ID;
import static fr.passerelle.trust.hl7.Cx.Refusal.TOO_LONG;
import static fr.passerelle.trust.hl7.Cx.Refusal.UNEXPECTED_COMPONENT;
import static fr.passerelle.trust.hl7.Cx.Rules.LENIENT;
import static fr.passerelle.trust.hl7.Cx.Rules.LENIENT_OR_ROOT_CARET_ID;
import static fr.passerelle.trust.hl7.Cx.Rules.STRICT_XDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every reading rule of the one HL7 CX reader, under each of its three rule sets, and the writer. */
class CxTest {

    private static final String NIR = "1.2.250.1.213.1.4.8";
    private static final String DE = "1.2.276.0.76.3.1.580.147";
    private static final Cx INS = new Cx("284056912304563", NIR);

    /** text; then what STRICT_XDS, LENIENT and LENIENT_OR_ROOT_CARET_ID make of it (a Cx or a Refusal). */
    static Stream<Arguments> table() {
        Cx foreign = new Cx("X110571344|ABC123", DE);
        Cx withNh = new Cx("284056912304563", NIR, "NH");
        return Stream.of(
                row("284056912304563^^^&" + NIR + "&ISO", INS, INS, INS),
                row("X110571344|ABC123^^^&" + DE + "&ISO", foreign, foreign, foreign),
                // surroundings: whitespace, then one pair of stored-query quotes
                row("  '284056912304563^^^&" + NIR + "&ISO' \n", INS, INS, INS),
                row("''284056912304563^^^&" + NIR + "&ISO''", AUTHORITY_NOT_ISO, new Cx("'284056912304563", NIR),
                        new Cx("'284056912304563", NIR)),
                row("'", NOT_CX, NOT_CX, NOT_CX),
                row("''", EMPTY, EMPTY, EMPTY),
                // whitespace inside a component is kept, a blank component is not an identifier
                row(" ^^^&" + NIR + "&ISO", NO_ID, NO_ID, NO_ID),
                row("' ^^^&" + NIR + "&ISO'", NO_ID, NO_ID, NO_ID),
                row("a b^^^&" + NIR + "&ISO", new Cx("a b", NIR), new Cx("a b", NIR), new Cx("a b", NIR)),
                row("284056912304563^^^& &ISO", NO_AUTHORITY, NO_AUTHORITY, NO_AUTHORITY),
                // empty, missing parts
                row("", EMPTY, EMPTY, EMPTY),
                row("   ", EMPTY, EMPTY, EMPTY),
                row(null, EMPTY, EMPTY, EMPTY),
                row("nonsense", NOT_CX, NOT_CX, NOT_CX),
                row("284056912304563", NOT_CX, NOT_CX, NOT_CX),
                row("284056912304563^^", NOT_CX, NOT_CX, NOT_CX),
                row("284056912304563^^^", NO_AUTHORITY, NO_AUTHORITY, NO_AUTHORITY),
                row("284056912304563^^^&", NO_AUTHORITY, NO_AUTHORITY, NO_AUTHORITY),
                row("284056912304563^^^" + NIR, NO_AUTHORITY, NO_AUTHORITY, NO_AUTHORITY),
                row("^^^&" + NIR + "&ISO", NO_ID, NO_ID, NO_ID),
                // the assigning authority type: ISO required only by XDS
                row("284056912304563^^^&" + NIR, AUTHORITY_NOT_ISO, INS, INS),
                row("284056912304563^^^&" + NIR + "&", AUTHORITY_NOT_ISO, INS, INS),
                row("284056912304563^^^&" + NIR + "&iso", AUTHORITY_NOT_ISO, INS, INS),
                row("284056912304563^^^&" + NIR + "&DNS", AUTHORITY_NOT_ISO, INS, INS),
                row("284056912304563^^^INS&" + NIR + "&ISO", AUTHORITY_NOT_ISO, INS, INS),
                // injection of an extra & into the authority or the id
                row("284056912304563^^^&" + NIR + "&ISO&x", AUTHORITY_NOT_ISO, INS, INS),
                row("284056912304563^^^&" + NIR + "&x&ISO", AUTHORITY_NOT_ISO, INS, INS),
                row("2840&56912304563^^^&" + NIR + "&ISO", SEPARATOR_IN_ID, SEPARATOR_IN_ID, SEPARATOR_IN_ID),
                row("&" + NIR + "&ISO^^^&" + DE + "&ISO", SEPARATOR_IN_ID, SEPARATOR_IN_ID, SEPARATOR_IN_ID),
                // injection of an extra ^: XDS allows only CX.1 and CX.4
                row("2840^56912304563^^^&" + NIR + "&ISO", NO_AUTHORITY, NO_AUTHORITY, NO_AUTHORITY),
                row("284056912304563^5^M11^&" + NIR + "&ISO", UNEXPECTED_COMPONENT, INS, INS),
                row("284056912304563^^^^&" + NIR + "&ISO", NO_AUTHORITY, NO_AUTHORITY, NO_AUTHORITY),
                row("284056912304563^^^&" + NIR + "&ISO^", UNEXPECTED_COMPONENT, INS, INS),
                row("284056912304563^^^&" + NIR + "&ISO^NH", UNEXPECTED_COMPONENT, withNh, withNh),
                row("284056912304563^^^&" + NIR + "&ISO^NH^x^y", UNEXPECTED_COMPONENT, withNh, withNh),
                row("284056912304563^^^&" + NIR + "&ISO^NH&x", UNEXPECTED_COMPONENT, INS, INS),
                row("284056912304563^^^&" + NIR + "&ISO^ ", UNEXPECTED_COMPONENT, INS, INS),
                // the root^id pair, only where TRC assertions may carry it
                row(NIR + "^284056912304563", NOT_CX, NOT_CX, INS),
                row(NIR + "^284056912304563^", NOT_CX, NOT_CX, NOT_CX),
                row("^284056912304563", NOT_CX, NOT_CX, NO_AUTHORITY),
                row(NIR + "^", NOT_CX, NOT_CX, NO_ID),
                row("a&" + NIR + "^284056912304563", NOT_CX, NOT_CX, NO_AUTHORITY),
                row(NIR + "^2840&56912304563", NOT_CX, NOT_CX, SEPARATOR_IN_ID),
                // no HL7 escape is decoded
                row("28\\S\\40^^^&" + NIR + "&ISO", new Cx("28\\S\\40", NIR), new Cx("28\\S\\40", NIR),
                        new Cx("28\\S\\40", NIR)),
                // length: the whole text, and what a lenient reading would write back
                row("1".repeat(Cx.MAX_LENGTH - 8 - NIR.length()) + "^^^&" + NIR + "&ISO",
                        new Cx("1".repeat(Cx.MAX_LENGTH - 8 - NIR.length()), NIR),
                        new Cx("1".repeat(Cx.MAX_LENGTH - 8 - NIR.length()), NIR),
                        new Cx("1".repeat(Cx.MAX_LENGTH - 8 - NIR.length()), NIR)),
                row("1".repeat(Cx.MAX_LENGTH - 7 - NIR.length()) + "^^^&" + NIR + "&ISO", TOO_LONG, TOO_LONG,
                        TOO_LONG),
                row("1".repeat(5_000) + "^^^&" + NIR + "&ISO", TOO_LONG, TOO_LONG, TOO_LONG),
                row("'" + "1".repeat(Cx.MAX_LENGTH - 8 - NIR.length()) + "^^^&" + NIR + "&ISO'",
                        new Cx("1".repeat(Cx.MAX_LENGTH - 8 - NIR.length()), NIR),
                        new Cx("1".repeat(Cx.MAX_LENGTH - 8 - NIR.length()), NIR),
                        new Cx("1".repeat(Cx.MAX_LENGTH - 8 - NIR.length()), NIR)),
                row(NIR + "^" + "1".repeat(Cx.MAX_LENGTH - 1 - NIR.length()), NOT_CX, NOT_CX, TOO_LONG),
                row("1^^^&" + NIR + "^" + "x".repeat(Cx.MAX_LENGTH - 6 - NIR.length()), AUTHORITY_NOT_ISO,
                        TOO_LONG, TOO_LONG));
    }

    private static Arguments row(String text, Object strict, Object lenient, Object lenientOrPair) {
        return Arguments.of(text, strict, lenient, lenientOrPair);
    }

    @ParameterizedTest
    @MethodSource("table")
    void eachRuleSetReadsAsTheTableSays(String text, Object strict, Object lenient, Object lenientOrPair) {
        assertThat(outcome(text, STRICT_XDS)).as("STRICT_XDS").isEqualTo(strict);
        assertThat(outcome(text, LENIENT)).as("LENIENT").isEqualTo(lenient);
        assertThat(outcome(text, LENIENT_OR_ROOT_CARET_ID)).as("LENIENT_OR_ROOT_CARET_ID").isEqualTo(lenientOrPair);
    }

    private static Object outcome(String text, Cx.Rules rules) {
        Cx.Reading reading = Cx.read(text, rules);
        return reading instanceof Cx.Refused refused ? refused.refusal() : ((Cx.Read) reading).value();
    }

    @Test
    void aLenientReadingThatWouldWriteBackOverLongIsRefusedNotThrown() {
        // 256 characters read, but "&ISO" is added when written back
        String text = "1".repeat(Cx.MAX_LENGTH - 5 - NIR.length()) + "^^^&" + NIR;
        assertThat(text).hasSize(Cx.MAX_LENGTH - 1);
        assertThat(Cx.read(text, LENIENT)).isEqualTo(new Cx.Refused(TOO_LONG));
        assertThat(Cx.read(text, STRICT_XDS)).isEqualTo(new Cx.Refused(AUTHORITY_NOT_ISO));
    }

    @Test
    void writesIdThenAuthorityAsAnIsoOidThenTheTypeCode() {
        assertThat(INS.encode()).isEqualTo("284056912304563^^^&" + NIR + "&ISO");
        assertThat(new Cx("284056912304563", NIR, "NH").encode()).isEqualTo("284056912304563^^^&" + NIR + "&ISO^NH");
    }

    @Test
    void whatIsWrittenReadsBackTheSame() {
        for (Cx cx : new Cx[] {INS, new Cx("X110571344|ABC123", DE), new Cx("a b", DE)}) {
            assertThat(Cx.read(cx.encode(), STRICT_XDS)).isEqualTo(new Cx.Read(cx));
            assertThat(Cx.read(cx.encode(), LENIENT_OR_ROOT_CARET_ID)).isEqualTo(new Cx.Read(cx));
        }
        Cx withNh = new Cx("284056912304563", NIR, "NH");
        assertThat(Cx.read(withNh.encode(), LENIENT)).isEqualTo(new Cx.Read(withNh));
    }

    @Test
    void noComponentCanCarryASeparatorSoNothingReadCanAddComponentsToWhatIsWritten() {
        for (String bad : new String[] {"a^b", "a&b", "", " "}) {
            assertThatThrownBy(() -> new Cx(bad, NIR)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Cx("1", bad)).isInstanceOf(IllegalArgumentException.class);
        }
        for (String bad : new String[] {"N^H", "N&H", " "}) {
            assertThatThrownBy(() -> new Cx("1", NIR, bad)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new Cx("1".repeat(Cx.MAX_LENGTH), NIR)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void neverShowsTheIdentifier() {
        assertThat(INS.toString()).doesNotContain("284056912304563").contains(NIR);
    }

    @Test
    void everyRefusalExplainsWithoutTheIdentifier() {
        assertThat(Arrays.stream(Cx.Refusal.values()).map(Cx.Refusal::explanation)).doesNotContainNull()
                .allSatisfy(text -> assertThat(text).isNotBlank());
    }
}
