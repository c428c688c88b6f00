package fr.passerelle.translation.ehdsi;

import fr.passerelle.translation.cda.CdaNodes;
import fr.passerelle.translation.cda.CodedValue;
import fr.passerelle.translation.cda.ClinicalEntry.Quantity;
import fr.passerelle.translation.cda.CdaElements;
import fr.passerelle.translation.cda.Header.Address;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Small builder over a DOM in the HL7 namespace. Coded elements remember their source (as DOM user data)
 * so the transcoding pass can report the French XPath of a code it cannot map.
 */
final class PivotDom extends CdaElements {

    /** User-data key holding the {@link fr.passerelle.translation.cda.SourceRef} of a coded element. */
    static final String SOURCE = "passerelle.source";

    /**
     * User-data key holding the source's own {@link CodedValue} that a fixed pivot code stands for (the French
     * document type, e.g. a VSM's SYNTH or a discharge letter's 74207-2, behind the pivot's 60591-5), so the
     * report says what the source was rather than mapping the pivot's code to itself.
     */
    static final String STANDS_FOR = "passerelle.standsFor";

    /**
     * User-data flag of a coded element whose eHDSI value set is mandatory: when the transcoder cannot map its
     * code, it becomes {@code nullFlavor="OTH"} with the national code kept as {@code <translation>}.
     */
    static final String OTHER_WHEN_UNMAPPED = "passerelle.otherWhenUnmapped";

    /**
     * User-data flag of a code the writer itself took from an eHDSI value set (the absent-or-unknown codes
     * "no information about devices"…), which the transcoder leaves as it is: no French code to map.
     */
    static final String EHDSI_CODE = "passerelle.ehdsiCode";

    PivotDom(Document doc) {
        super(doc);
    }

    Element root(String name) {
        Element root = doc.createElementNS(CdaNodes.HL7, name);
        root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:xsi", CdaNodes.XSI);
        root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:pharm", CdaNodes.PHARM);
        doc.appendChild(root);
        return root;
    }

    Element pharm(Element parent, String name, String... attributes) {
        return addNs(parent, CdaNodes.PHARM, "pharm:" + name, attributes);
    }

    void templates(Element parent, String... roots) {
        for (String r : roots) {
            add(parent, "templateId", "root", r);
        }
    }

    /** A coded element from the source (nullFlavor UNK when absent), remembering where it came from. */
    Element coded(Element parent, String name, CodedValue value, String... extraAttributes) {
        return coded(parent, CdaNodes.HL7, name, value, extraAttributes);
    }

    Element pharmCoded(Element parent, String name, CodedValue value) {
        return coded(parent, CdaNodes.PHARM, "pharm:" + name, value);
    }

    private Element coded(Element parent, String ns, String name, CodedValue value, String... extraAttributes) {
        Element e = addNs(parent, ns, name, extraAttributes);
        if (value == null || !value.isCoded()) {
            e.setAttribute("nullFlavor", "UNK");
            return e;
        }
        e.setAttribute("code", value.code());
        e.setAttribute("codeSystem", value.codeSystem());
        if (value.displayName() != null) {
            e.setAttribute("displayName", value.displayName());
        }
        for (CodedValue t : value.translations()) {
            if (t.isCoded()) {
                // A CD's translation is an HL7 element even inside a pharm: code.
                addNs(e, CdaNodes.HL7, "translation", "code", t.code(),
                        "codeSystem", t.codeSystem(), "displayName", t.displayName());
            }
        }
        e.setUserData(SOURCE, value.source(), null);
        return e;
    }

    /** A fixed code the writer chooses itself (document and section codes, act codes). */
    Element fixedCode(Element parent, String name, String code, String system, String display) {
        return add(parent, name, "code", code, "codeSystem", system, "displayName", display);
    }

    void time(Element parent, String name, String value) {
        if (value == null) {
            add(parent, name, "nullFlavor", "UNK");
        } else {
            add(parent, name, "value", value);
        }
    }

    Element quantity(Element parent, String name, Quantity q, String... attributes) {
        Element e = add(parent, name, attributes);
        if (q == null) {
            e.setAttribute("nullFlavor", "UNK");
        } else if (q.decimal() == null) {
            // Not an HL7 decimal (e.g. a decimal comma): "other" rather than a guessed number; reported.
            e.setAttribute("nullFlavor", "OTH");
        } else {
            e.setAttribute("value", q.value());
            e.setAttribute("unit", q.unit() == null ? "1" : q.unit());
        }
        return e;
    }

    void address(Element parent, Address a) {
        if (a == null) {
            add(parent, "addr", "nullFlavor", "NI");
            return;
        }
        Element addr = add(parent, "addr");
        for (String line : a.streetLines()) {
            text(addr, "streetAddressLine", line);
        }
        if (a.city() != null) {
            text(addr, "city", a.city());
        }
        if (a.postalCode() != null) {
            text(addr, "postalCode", a.postalCode());
        }
        // French addresses have no state or province; eHDSI requires the element, so "no information".
        add(addr, "state", "nullFlavor", "NI");
        // eHDSI wants ISO 3166 alpha-2; French documents write "FRANCE" or leave the country out.
        String country = a.country();
        text(addr, "country", country == null || country.equalsIgnoreCase("FRANCE") ? "FR" : country);
    }

    void telecoms(Element parent, java.util.List<String> telecoms) {
        if (telecoms.isEmpty()) {
            add(parent, "telecom", "nullFlavor", "NI");
        }
        for (String t : telecoms) {
            add(parent, "telecom", "value", international(t));
        }
    }

    private static final java.util.regex.Pattern SEPARATORS = java.util.regex.Pattern.compile("[ .\\-]");
    private static final java.util.regex.Pattern FRENCH_NUMBER = java.util.regex.Pattern.compile("0[1-9][0-9]{8}");
    private static final java.util.regex.Pattern INTERNATIONAL_NUMBER = java.util.regex.Pattern.compile("\\+[0-9]{6,15}");

    /**
     * A foreign reader cannot dial a French national number ("tel:0144534551"): eHDSI wants the international
     * form ("tel:+33144534551"). Only the unambiguous French shape (ten digits starting with 0, separators
     * allowed) is rewritten; anything else is carried as written.
     */
    static String international(String telecom) {
        if (!telecom.startsWith("tel:")) {
            return telecom;
        }
        String digits = SEPARATORS.matcher(telecom.substring(4)).replaceAll("");
        if (FRENCH_NUMBER.matcher(digits).matches()) {
            return "tel:+33" + digits.substring(1);
        }
        if (INTERNATIONAL_NUMBER.matcher(digits).matches()) {
            return "tel:" + digits;
        }
        return telecom;
    }
}
