package fr.passerelle.translation.ehdsi;

import fr.passerelle.translation.cda.CdaDocument;
import fr.passerelle.translation.cda.EmbeddedPdf;
import fr.passerelle.translation.cda.HardenedXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes the level-1 pivot: the eHDSI header around the PDF the French document embeds, as an IHE scanned
 * document (XDS-SD) with a non-XML body. The base64 text is copied, never decoded.
 */
public final class LevelOnePivotWriter {

    private static final String XDS_SD = "1.3.6.1.4.1.19376.1.2.20";

    public Document write(CdaDocument source, EmbeddedPdf pdf, String documentTemplate, String loincCode,
                          String loincDisplay, String title) {
        PivotDom dom = new PivotDom(HardenedXml.newDocument());
        Element doc = PivotHeaderWriter.write(dom, source.header(), documentTemplate, loincCode, loincDisplay, title);
        Element template = dom.document().createElementNS(doc.getNamespaceURI(), "templateId");
        template.setAttribute("root", XDS_SD);
        Element firstTemplate = (Element) doc.getElementsByTagNameNS(doc.getNamespaceURI(), "templateId").item(0);
        doc.insertBefore(template, firstTemplate.getNextSibling());
        Element body = dom.add(dom.add(doc, "component"), "nonXMLBody");
        Element text = dom.add(body, "text", "mediaType", "application/pdf", "representation", "B64");
        text.setTextContent(pdf.base64());
        return dom.document();
    }
}
