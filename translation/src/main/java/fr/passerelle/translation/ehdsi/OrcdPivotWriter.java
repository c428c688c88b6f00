package fr.passerelle.translation.ehdsi;

import fr.passerelle.translation.cda.CdaDocument;
import fr.passerelle.terminology.xml.HardenedXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes an eHDSI Original Clinical Document (OrCD: laboratory result, hospital discharge report, medical imaging
 * report): the eHDSI coded header of the French document around the original in PDF, as a non-XML body. The
 * base64 text is written as given (the French document's own PDF copy is never decoded and re-encoded).
 */
public final class OrcdPivotWriter {

    /**
     * @param template     the eHDSI OrCD document template (1.3.6.1.4.1.12559.11.10.1.3.1.1.8, .9 or .10)
     * @param loincCode    the document code the template's value set holds (11502-2, 34105-7, 18748-4)
     * @param base64Pdf    the original as PDF, base64
     */
    public Document write(CdaDocument source, String template, String loincCode, String loincDisplay, String title,
                          String base64Pdf) {
        PivotDom dom = new PivotDom(HardenedXml.newDocument());
        // The header writer adds no documentationOf outside the Patient Summary: the OrCD templates allow one
        // serviceEvent (ACT) but do not require it, and the French reports' events are not ACTs of one kind.
        Element doc = PivotHeaderWriter.write(dom, source.header(), template, loincCode, loincDisplay, title);
        frenchOrganizationsInFrance(doc);
        Element body = dom.add(dom.add(doc, "component"), "nonXMLBody", "classCode", "DOCBODY", "moodCode", "EVN");
        Element text = dom.add(body, "text", "mediaType", "application/pdf", "representation", "B64");
        text.setTextContent(base64Pdf);
        return dom.document();
    }

    /**
     * The OrCD templates require every organisation's address with its country (eHDSIOrganization), where the
     * pivot header writes "no information" when the French document gives no address. An organisation whose
     * identifier is issued under France's OID arc (1.2.250: FINESS, SIRET, RPPS structures) is in France: its
     * address becomes the country alone, the one fact known; any other keeps "no information".
     */
    private static void frenchOrganizationsInFrance(Element doc) {
        org.w3c.dom.NodeList orgs = doc.getElementsByTagNameNS(doc.getNamespaceURI(), "representedOrganization");
        for (int i = 0; i < orgs.getLength(); i++) {
            Element org = (Element) orgs.item(i);
            Element addr = fr.passerelle.translation.cda.CdaNodes.child(org, "addr");
            Element id = fr.passerelle.translation.cda.CdaNodes.child(org, "id");
            if (addr != null && addr.hasAttribute("nullFlavor") && id != null
                    && id.getAttribute("root").startsWith("1.2.250.")) {
                addr.removeAttribute("nullFlavor");
                Element country = doc.getOwnerDocument().createElementNS(doc.getNamespaceURI(), "country");
                country.setTextContent("FR");
                addr.appendChild(country);
            }
        }
    }
}
