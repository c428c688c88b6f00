package fr.passerelle.translation.ehdsi;

import fr.passerelle.translation.cda.CdaDocument;
import fr.passerelle.translation.cda.EmbeddedPdf;
import fr.passerelle.terminology.xml.HardenedXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes the level-1 pivot: the eHDSI header around the PDF the French document embeds, as an IHE scanned
 * document (XDS-SD) with a non-XML body. The base64 text is copied, never decoded.
 */
public final class LevelOnePivotWriter {

    private static final String XDS_SD = "1.3.6.1.4.1.19376.1.2.20";
    /** eHDSI level-1 ("PDF embedded") document templates, by the level-3 template of the same document type. */
    private static final java.util.Map<String, String> LEVEL_ONE = java.util.Map.of(
            "1.3.6.1.4.1.12559.11.10.1.3.1.1.3", "1.3.6.1.4.1.12559.11.10.1.3.1.1.7",  // Patient Summary
            "1.3.6.1.4.1.12559.11.10.1.3.1.1.1", "1.3.6.1.4.1.12559.11.10.1.3.1.1.6"); // ePrescription

    /**
     * @param documentTemplate the eHDSI level-3 template of the document type; the level-1 document declares its
     *                         level-1 counterpart (the eHDSI L1 validators key on it)
     */
    public Document write(CdaDocument source, EmbeddedPdf pdf, String documentTemplate, String loincCode,
                          String loincDisplay, String title) {
        PivotDom dom = new PivotDom(HardenedXml.newDocument());
        String levelOne = LEVEL_ONE.get(documentTemplate);
        if (levelOne == null) {
            throw new IllegalArgumentException("no eHDSI level-1 template for document template " + documentTemplate);
        }
        Element doc = PivotHeaderWriter.write(dom, source.header(), levelOne, loincCode, loincDisplay, title);
        Element template = dom.document().createElementNS(doc.getNamespaceURI(), "templateId");
        template.setAttribute("root", XDS_SD);
        Element firstTemplate = (Element) doc.getElementsByTagNameNS(doc.getNamespaceURI(), "templateId").item(0);
        doc.insertBefore(template, firstTemplate.getNextSibling());
        scanningParticipants(dom, doc, source);
        Element body = dom.add(dom.add(doc, "component"), "nonXMLBody", "classCode", "DOCBODY", "moodCode", "EVN");
        Element text = dom.add(body, "text", "mediaType", "application/pdf", "representation", "B64");
        text.setTextContent(pdf.base64());
        return dom.document();
    }

    /**
     * XDS-SD names the device that produced the wrapped document (an author that is an authoring device) and
     * who entered it (dataEnterer). Here the device is this gateway, which wraps the PDF without altering it,
     * and the person is the French document's author, who produced the PDF. Both go before the custodian.
     */
    private static void scanningParticipants(PivotDom dom, Element doc, CdaDocument source) {
        Element custodian = (Element) doc.getElementsByTagNameNS(doc.getNamespaceURI(), "custodian").item(0);
        Element device = dom.document().createElementNS(doc.getNamespaceURI(), "author");
        doc.insertBefore(device, custodian);
        dom.time(device, "time", source.header().effectiveTime());
        Element assigned = dom.add(device, "assignedAuthor");
        // The gateway has no registered device identifier: "not applicable" rather than an invented one.
        dom.add(assigned, "id", "nullFlavor", "NA");
        dom.add(assigned, "addr", "nullFlavor", "NA");
        dom.add(assigned, "telecom", "nullFlavor", "NA");
        Element authoring = dom.add(assigned, "assignedAuthoringDevice");
        // DICOM "Workstation" (CID 30 / 1.2.840.10008.2.16.4), one of the two codes XDS-SD allows.
        dom.fixedCode(authoring, "code", "WST", "1.2.840.10008.2.16.4", "Workstation");
        dom.text(authoring, "manufacturerModelName", "Passerelle");
        dom.text(authoring, "softwareName", "Passerelle translation");
        // eHDSI wants the organisation behind every author. The device is run by France's national contact point,
        // whose registration the document cannot know: "no information" (the only nullFlavor eHDSI allows there),
        // the one certain fact (the country) written.
        Element organization = dom.add(assigned, "representedOrganization");
        dom.add(organization, "id", "nullFlavor", "NI");
        dom.add(organization, "name", "nullFlavor", "NI");
        dom.add(organization, "telecom", "nullFlavor", "NI");
        dom.text(dom.add(organization, "addr"), "country", "FR");
        Element enterer = dom.document().createElementNS(doc.getNamespaceURI(), "dataEnterer");
        doc.insertBefore(enterer, custodian);
        dom.time(enterer, "time", source.header().effectiveTime());
        var person = source.header().author().person();
        dom.id(dom.add(enterer, "assignedEntity"), person == null ? null : person.id());
    }
}
