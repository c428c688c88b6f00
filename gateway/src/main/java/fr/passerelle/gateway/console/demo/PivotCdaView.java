package fr.passerelle.gateway.console.demo;

import fr.passerelle.gateway.console.demo.ShownDocument.ShownEntry;
import fr.passerelle.gateway.console.demo.ShownDocument.ShownSection;
import fr.passerelle.gateway.ihe.XmlTree;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Renders an eHDSI pivot CDA (level 3) as the SOAP road returned it: one section per CDA section, one row per
 * clinical entry with its coded values; the French code each was transcoded from is the CDA {@code translation}.
 */
@Component
@DemoEnabled
public class PivotCdaView {

    private static final String HL7 = "urn:hl7-org:v3";
    /** Elements whose codes describe the document's plumbing, not the patient. */
    private static final Set<String> PLUMBING = Set.of("templateId", "statusCode", "confidentialityCode",
            "languageCode", "translation", "typeId", "id");
    /** HL7 v3 structural code systems (ActCode, ActClass, …): "CONC", "ASSERTION" tell a reader nothing. */
    private static final String HL7_V3_STRUCTURAL = "2.16.840.1.113883.5.";

    private final CodeDisplays displays;

    public PivotCdaView(CodeDisplays displays) {
        this.displays = displays;
    }

    public ShownDocument render(byte[] pivot, String language) {
        Document cda = DemoXml.parse(pivot);
        Element root = cda.getDocumentElement();
        String title = XmlTree.child(root, HL7, "title").map(DemoXml::text).orElse("");
        String documentCode = XmlTree.child(root, HL7, "code").map(c -> c.getAttribute("code")).orElse("");
        String kind = "57833-6".equals(documentCode) ? "ePrescription" : "Patient Summary";
        List<ShownSection> sections = new ArrayList<>();
        for (Element section : DemoXml.all(root, HL7, "section")) {
            String receivedTitle = XmlTree.child(section, HL7, "title").map(DemoXml::text).orElse("");
            String heading = XmlTree.child(section, HL7, "code")
                    .map(code -> displays.heading(code.getAttribute("codeSystem"), code.getAttribute("code"),
                            receivedTitle, language))
                    .orElse(receivedTitle);
            sections.add(new ShownSection(heading, receivedTitle, XmlTree.children(section, HL7, "entry").stream()
                    .map(entry -> entry(entry, language)).toList()));
        }
        return new ShownDocument(title, kind, sections);
    }

    private ShownEntry entry(Element entry, String language) {
        Map<String, ShownCode> codes = new LinkedHashMap<>();
        collect(entry, language, codes);
        String text = DemoXml.first(entry, HL7, "manufacturedMaterial")
                .flatMap(material -> XmlTree.child(material, HL7, "name")).map(DemoXml::text)
                .orElse(null);
        return new ShownEntry(text, List.copyOf(codes.values()));
    }

    private void collect(Element element, String language, Map<String, ShownCode> codes) {
        for (org.w3c.dom.Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element child) || !HL7.equals(child.getNamespaceURI())) {
                continue;
            }
            String local = child.getLocalName();
            if (PLUMBING.contains(local)) {
                continue;
            }
            String code = DemoXml.attribute(child, "code");
            String system = DemoXml.attribute(child, "codeSystem");
            if (code != null && system != null && !system.startsWith(HL7_V3_STRUCTURAL)) {
                String original = XmlTree.child(child, HL7, "translation")
                        .map(t -> (t.getAttribute("code") + " " + t.getAttribute("displayName")).strip())
                        .orElse(null);
                codes.putIfAbsent(system + "|" + code,
                        displays.show(system, code, DemoXml.attribute(child, "displayName"), language, original));
            }
            collect(child, language, codes);
        }
    }
}
