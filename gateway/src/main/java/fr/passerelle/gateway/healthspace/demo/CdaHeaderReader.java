package fr.passerelle.gateway.healthspace.demo;

import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.healthspace.ServicePeriod;
import fr.passerelle.trust.hl7.Ts;
import fr.passerelle.terminology.xml.HardenedXml;
import java.io.ByteArrayInputStream;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the header of a French CDA document in one streaming pass (documents reach 1.5 MB with embedded PDFs),
 * with the hardened reader clinical documents go through ({@link HardenedXml}: no DOCTYPE, no entity, limits).
 */
public final class CdaHeaderReader {

    private static final String HL7 = "urn:hl7-org:v3";

    public CdaHeader read(byte[] document) {
        try {
            XMLStreamReader xml = HardenedXml.streamReader(new ByteArrayInputStream(document));
            try {
                return read(xml);
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("Not a readable CDA document: " + e.getMessage(), e);
        }
    }

    private CdaHeader read(XMLStreamReader xml) throws XMLStreamException {
        Deque<String> path = new ArrayDeque<>();
        String uniqueId = null;
        String title = null;
        OffsetDateTime effectiveTime = null;
        String language = null;
        String confidentiality = null;
        String insOid = null;
        String insValue = null;
        StringBuilder authorName = null;
        String author = null;
        List<String> lines = new ArrayList<>();
        boolean inHeaderAuthorPerson = false;
        // [0] low, [1] high of the first serviceEvent, then of the encompassing encounter.
        OffsetDateTime[] serviceEvent = new OffsetDateTime[2];
        OffsetDateTime[] encounter = new OffsetDateTime[2];
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                String parent = path.peek();
                path.push(name);
                if (!HL7.equals(xml.getNamespaceURI())) {
                    continue;
                }
                int depth = path.size();
                if (depth == 2) {
                    switch (name) {
                        case "id" -> uniqueId = instanceId(xml);
                        case "title" -> title = xml.getElementText().strip();
                        case "effectiveTime" -> effectiveTime = parseTimestamp(xml.getAttributeValue(null, "value"));
                        case "languageCode" -> language = xml.getAttributeValue(null, "code");
                        case "confidentialityCode" -> confidentiality = xml.getAttributeValue(null, "code");
                        default -> { }
                    }
                    if (name.equals("title")) {
                        path.pop(); // getElementText consumed the end tag
                    }
                } else if (depth == 4 && name.equals("id") && "patientRole".equals(parent)
                        && Ins.isInsOid(xml.getAttributeValue(null, "root")) && insOid == null) {
                    insOid = xml.getAttributeValue(null, "root");
                    insValue = xml.getAttributeValue(null, "extension");
                } else if (author == null && depth == 4 && "assignedAuthor".equals(parent)
                        && (name.equals("assignedPerson") || name.equals("representedOrganization"))) {
                    inHeaderAuthorPerson = true;
                    authorName = new StringBuilder();
                } else if (inHeaderAuthorPerson && (name.equals("prefix") || name.equals("given")
                        || name.equals("family") || (name.equals("name") && depth == 5
                        && path.contains("representedOrganization")))) {
                    String text = xml.getElementText().strip();
                    path.pop();
                    if (!text.isEmpty()) {
                        authorName.append(authorName.isEmpty() ? "" : " ").append(text);
                    }
                } else if (depth == 5 && (name.equals("low") || name.equals("high"))
                        && "effectiveTime".equals(parent)) {
                    String owner = periodOwner(path);
                    OffsetDateTime[] period = "serviceEvent".equals(owner) ? serviceEvent
                            : "encompassingEncounter".equals(owner) ? encounter : null;
                    int end = name.equals("low") ? 0 : 1;
                    if (period != null && period[end] == null) {
                        period[end] = parseTimestamp(xml.getAttributeValue(null, "value"));
                    }
                } else if (name.equals("id") && "substanceAdministration".equals(parent) && isTopLevelItem(path)) {
                    lines.add(instanceId(xml));
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                String name = path.pop();
                if (inHeaderAuthorPerson && path.size() == 3
                        && (name.equals("assignedPerson") || name.equals("representedOrganization"))) {
                    inHeaderAuthorPerson = false;
                    author = authorName.toString();
                }
            }
        }
        if (uniqueId == null || effectiveTime == null || insOid == null) {
            throw new IllegalArgumentException("A CDA document needs ClinicalDocument/id, effectiveTime and an INS "
                    + "in recordTarget");
        }
        boolean eventKnown = serviceEvent[0] != null || serviceEvent[1] != null;
        OffsetDateTime[] service = eventKnown ? serviceEvent : encounter;
        return new CdaHeader(uniqueId, title, effectiveTime, language, confidentiality, author, insOid, insValue,
                lines, ServicePeriod.of(service[0], service[1]));
    }

    /**
     * For a header {@code low}/{@code high} (depth 5): "serviceEvent" under documentationOf, "encompassingEncounter"
     * under componentOf, else null.
     */
    private static String periodOwner(Deque<String> path) {
        var names = path.iterator();
        names.next(); // low or high
        names.next(); // effectiveTime
        String owner = names.next();
        String parent = names.next();
        return (owner.equals("serviceEvent") && parent.equals("documentationOf"))
                || (owner.equals("encompassingEncounter") && parent.equals("componentOf")) ? owner : null;
    }

    /** An item directly in a section entry: …/section/entry/substanceAdministration/id (not a subordinate one). */
    private static boolean isTopLevelItem(Deque<String> path) {
        var names = path.iterator();
        names.next(); // id
        names.next(); // substanceAdministration
        return names.hasNext() && names.next().equals("entry") && names.hasNext() && names.next().equals("section");
    }

    private static String instanceId(XMLStreamReader xml) {
        String root = xml.getAttributeValue(null, "root");
        String extension = xml.getAttributeValue(null, "extension");
        return extension == null || extension.isBlank() ? root : root + "^" + extension;
    }

    /** HL7 TS, read by {@link Ts}; null when it is not one (the header is then refused as incomplete). */
    static OffsetDateTime parseTimestamp(String value) {
        return Ts.read(value).orElse(null);
    }
}
