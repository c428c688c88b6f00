package fr.passerelle.translation.robustness;

import fr.passerelle.translation.cda.CdaNodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The ways a well-formed French CDA can differ from the samples: each kind picks one target in a copy of the
 * document and changes it, the way real documents do (a nullFlavor where the samples have a value, a decimal
 * comma, an element or attribute left out, an empty section, a template nobody knows, an id used twice, a very
 * long text, a value that is not what its type says). The copy stays well-formed XML; whether it still conforms
 * to its template is exactly what the translator may not assume.
 */
enum CdaMutation {

    NULL_FLAVOR_FOR_CODE {
        @Override
        String apply(Targets t, Random random) {
            Element e = t.pick(t.coded, random);
            if (e == null) {
                return null;
            }
            for (String a : new String[] {"code", "codeSystem", "codeSystemName", "codeSystemVersion", "displayName"}) {
                e.removeAttribute(a);
            }
            e.setAttribute("nullFlavor", nullFlavor(random));
            return "nullFlavor in place of the code of " + CdaNodes.xpath(e);
        }
    },
    NULL_FLAVOR_FOR_VALUE {
        @Override
        String apply(Targets t, Random random) {
            Element e = t.pick(t.valued, random);
            if (e == null) {
                return null;
            }
            e.removeAttribute("value");
            e.removeAttribute("unit");
            e.setAttribute("nullFlavor", nullFlavor(random));
            return "nullFlavor in place of the value of " + CdaNodes.xpath(e);
        }
    },
    DECIMAL_COMMA {
        @Override
        String apply(Targets t, Random random) {
            Element e = t.pick(t.numeric, random);
            if (e == null) {
                return null;
            }
            String v = e.getAttribute("value");
            e.setAttribute("value", v.contains(".") ? v.replace('.', ',') : v + ",5");
            return "decimal comma in " + CdaNodes.xpath(e) + "/@value";
        }
    },
    INVALID_VALUE {
        private final String[] values = {"abc", " ", "1e400", "99999999999999999999999", "-", "12.5.3", "NaN",
            "Infinity", "0x1F", "2023-13-45", "20231345", "2", "1.", ".5", "-0", "1 000", "١٢", "+5", "5 mg"};

        @Override
        String apply(Targets t, Random random) {
            Element e = t.pick(t.valued, random);
            if (e == null) {
                return null;
            }
            e.setAttribute("value", values[random.nextInt(values.length)]);
            return "value not of its type in " + CdaNodes.xpath(e) + "/@value";
        }
    },
    UNKNOWN_CODE {
        @Override
        String apply(Targets t, Random random) {
            Element e = t.pick(t.coded, random);
            if (e == null) {
                return null;
            }
            if (random.nextBoolean()) {
                e.setAttribute("code", "ZZ-" + random.nextInt(100_000));
            } else {
                e.setAttribute("codeSystem", "1.2.3.4.5." + random.nextInt(1000));
            }
            return "code nobody knows at " + CdaNodes.xpath(e);
        }
    },
    REMOVED_ELEMENT {
        @Override
        String apply(Targets t, Random random) {
            Element e = t.pick(t.all, random);
            if (e == null || e.getParentNode() == null || !(e.getParentNode() instanceof Element)) {
                return null;
            }
            String where = CdaNodes.xpath(e);
            e.getParentNode().removeChild(e);
            return "element left out: " + where;
        }
    },
    EMPTY_SECTION {
        @Override
        String apply(Targets t, Random random) {
            Element section = t.pick(t.sections, random);
            if (section == null) {
                return null;
            }
            for (Element entry : CdaNodes.children(section, "entry")) {
                section.removeChild(entry);
            }
            if (random.nextBoolean()) {
                Element text = CdaNodes.child(section, "text");
                if (text != null) {
                    section.removeChild(text);
                }
            }
            return "section emptied: " + CdaNodes.xpath(section);
        }
    },
    UNKNOWN_TEMPLATE {
        @Override
        String apply(Targets t, Random random) {
            Element template = t.pick(t.templates, random);
            if (template == null) {
                return null;
            }
            template.setAttribute("root", "1.2.250.1.999." + random.nextInt(10_000));
            return "unknown template at " + CdaNodes.xpath(template);
        }
    },
    REPEATED_ID {
        @Override
        String apply(Targets t, Random random) {
            Element from = t.pick(t.ids, random);
            Element to = t.pick(t.ids, random);
            if (from == null || to == null || from == to) {
                return null;
            }
            NamedNodeMap attributes = to.getAttributes();
            while (attributes.getLength() > 0) {
                to.removeAttributeNode((Attr) attributes.item(0));
            }
            NamedNodeMap source = from.getAttributes();
            for (int i = 0; i < source.getLength(); i++) {
                Attr a = (Attr) source.item(i);
                to.setAttributeNS(a.getNamespaceURI(), a.getName(), a.getValue());
            }
            return "id of " + CdaNodes.xpath(from) + " repeated at " + CdaNodes.xpath(to);
        }
    },
    REPEATED_ELEMENT {
        @Override
        String apply(Targets t, Random random) {
            Element e = t.pick(t.all, random);
            if (e == null || !(e.getParentNode() instanceof Element parent)) {
                return null;
            }
            parent.insertBefore(e.cloneNode(true), e.getNextSibling());
            return "element repeated: " + CdaNodes.xpath(e);
        }
    },
    LONG_TEXT {
        @Override
        String apply(Targets t, Random random) {
            Element e = t.pick(t.texts, random);
            if (e == null) {
                return null;
            }
            String text = longText(random);
            if (random.nextBoolean() && e.hasAttribute("displayName")) {
                e.setAttribute("displayName", text);
                return "very long displayName at " + CdaNodes.xpath(e);
            }
            e.setTextContent(text);
            return "very long text at " + CdaNodes.xpath(e);
        }
    },
    REMOVED_ATTRIBUTE {
        @Override
        String apply(Targets t, Random random) {
            Element e = t.pick(t.attributed, random);
            if (e == null) {
                return null;
            }
            List<Attr> candidates = new ArrayList<>();
            NamedNodeMap attributes = e.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr a = (Attr) attributes.item(i);
                if (!"http://www.w3.org/2000/xmlns/".equals(a.getNamespaceURI())) {
                    candidates.add(a);
                }
            }
            if (candidates.isEmpty()) {
                return null;
            }
            Attr a = candidates.get(random.nextInt(candidates.size()));
            e.removeAttributeNode(a);
            return "attribute left out: " + CdaNodes.xpath(e) + "/@" + a.getName();
        }
    },
    EMPTY_VALUE {
        @Override
        String apply(Targets t, Random random) {
            Element e = t.pick(random.nextBoolean() ? t.valued : t.coded, random);
            if (e == null) {
                return null;
            }
            String attribute = e.hasAttribute("value") ? "value" : "code";
            e.setAttribute(attribute, random.nextBoolean() ? "" : "   ");
            return "empty @" + attribute + " at " + CdaNodes.xpath(e);
        }
    };

    /** Applies the mutation to the copy; a description of what was changed, or null when nothing applies. */
    abstract String apply(Targets targets, Random random);

    private static final String[] NULL_FLAVORS = {"UNK", "NI", "OTH", "NA", "ASKU", "NASK", "MSK", "NAV"};

    static String nullFlavor(Random random) {
        return NULL_FLAVORS[random.nextInt(NULL_FLAVORS.length)];
    }

    /**
     * 10,000 to 50,000 characters with what escaping and whitespace handling must survive (markup characters,
     * tabs and line breaks, accents, CJK, a character outside the BMP): a random chunk, repeated.
     */
    static String longText(Random random) {
        int length = 10_000 + random.nextInt(40_000);
        String[] pieces = {"abcdefghij", " ", "klmnop qrstuvwxyz", "éèàçœ", "<&>\"'", "\t", "\n", "0123456789", ",.;:",
            "日本", "\uD83D\uDC8A", "  "};
        StringBuilder chunk = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            chunk.append(pieces[random.nextInt(pieces.length)]);
        }
        StringBuilder out = new StringBuilder(length + chunk.length());
        while (out.length() < length) {
            out.append(chunk);
        }
        return out.toString();
    }

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?");

    /** The elements of one document copy that each kind of mutation can target, in document order. */
    static final class Targets {
        final List<Element> all = new ArrayList<>();
        final List<Element> coded = new ArrayList<>();
        final List<Element> valued = new ArrayList<>();
        final List<Element> numeric = new ArrayList<>();
        final List<Element> sections = new ArrayList<>();
        final List<Element> templates = new ArrayList<>();
        final List<Element> ids = new ArrayList<>();
        final List<Element> texts = new ArrayList<>();
        final List<Element> attributed = new ArrayList<>();

        Targets(Document document) {
            collect(document.getDocumentElement());
            all.remove(document.getDocumentElement());
        }

        private void collect(Element e) {
            all.add(e);
            String name = e.getLocalName();
            if (e.hasAttribute("code")) {
                coded.add(e);
            }
            if (e.hasAttribute("value")) {
                valued.add(e);
                if (NUMBER.matcher(e.getAttribute("value")).matches()) {
                    numeric.add(e);
                }
            }
            if (e.hasAttributes()) {
                attributed.add(e);
            }
            switch (name) {
                case "section" -> sections.add(e);
                case "templateId" -> templates.add(e);
                case "id" -> ids.add(e);
                default -> {
                }
            }
            boolean hasElementChild = false;
            boolean hasText = false;
            for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element c) {
                    hasElementChild = true;
                    collect(c);
                } else if (n.getNodeType() == Node.TEXT_NODE && !n.getNodeValue().isBlank()) {
                    hasText = true;
                }
            }
            if ((hasText && !hasElementChild && !"value".equals(name)) || e.hasAttribute("displayName")) {
                // Not the base64 of an embedded document: a very long text there is not a text.
                texts.add(e);
            }
        }

        Element pick(List<Element> from, Random random) {
            for (int tries = 0; tries < 5 && !from.isEmpty(); tries++) {
                Element e = from.get(random.nextInt(from.size()));
                // Earlier mutations of the same variant may have detached it.
                if (e.getOwnerDocument().getDocumentElement() == root(e)) {
                    return e;
                }
            }
            return null;
        }

        private static Node root(Node n) {
            while (n.getParentNode() != null && n.getParentNode().getNodeType() == Node.ELEMENT_NODE) {
                n = n.getParentNode();
            }
            return n;
        }
    }
}
