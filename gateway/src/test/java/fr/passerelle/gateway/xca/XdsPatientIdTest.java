package fr.passerelle.gateway.xca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.gateway.soap.MalformedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The XDS patient id of XCA queries and XDR submissions: HL7 CX read strictly, the sender told why not. */
class XdsPatientIdTest {

    private static final String FORM = "The patient id is not in the form extension^^^&root&ISO";
    private static final String AUTHORITY = "The patient id's assigning authority is not in the form &root&ISO";

    @Test
    void readsAndWritesExtensionAndRoot() {
        XdsPatientId id = XdsPatientId.parse("'X110571344|ABC123^^^&1.2.276.0.76.3.1.580.147&ISO'");
        assertThat(id).isEqualTo(new XdsPatientId("X110571344|ABC123", "1.2.276.0.76.3.1.580.147"));
        assertThat(id.toCx()).isEqualTo("X110571344|ABC123^^^&1.2.276.0.76.3.1.580.147&ISO");
        assertThat(id.toString()).doesNotContain("X110571344");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "X110571344                                  | " + FORM,
        "''                                          | " + FORM,
        "^^^&1.2.3&ISO                               | " + FORM,
        "a&b^^^&1.2.3&ISO                            | " + FORM,
        "a^b^^^&1.2.3&ISO                            | " + AUTHORITY,
        "a^5^M11^&1.2.3&ISO                          | " + FORM,
        "a^^^&1.2.3&ISO^NH                           | " + FORM,
        "a^^^                                        | " + AUTHORITY,
        "a^^^&1.2.3                                  | " + AUTHORITY,
        "a^^^NS&1.2.3&ISO                            | " + AUTHORITY,
        "a^^^&1.2.3&ISO&x                            | " + AUTHORITY,
        "a^^^&1.2.3&DNS                              | " + AUTHORITY})
    void aMalformedIdIsAMalformedRequestSayingWhichPartIsWrong(String cx, String message) {
        assertThatThrownBy(() -> XdsPatientId.parse(cx)).isInstanceOf(MalformedRequest.class).hasMessage(message);
    }

    @Test
    void anOverLongIdIsRefusedWhereItEnters() {
        assertThatThrownBy(() -> XdsPatientId.parse("1".repeat(300) + "^^^&1.2.3&ISO"))
                .isInstanceOf(MalformedRequest.class).hasMessage("The patient id is longer than 256 characters");
        assertThatThrownBy(() -> new XdsPatientId("a^b", "1.2.3")).isInstanceOf(IllegalArgumentException.class);
    }
}
