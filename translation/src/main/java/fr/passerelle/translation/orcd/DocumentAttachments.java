package fr.passerelle.translation.orcd;

import static fr.passerelle.translation.cda.CdaNodes.attr;
import static fr.passerelle.translation.cda.CdaNodes.child;
import static fr.passerelle.translation.cda.CdaNodes.children;
import static fr.passerelle.translation.cda.CdaNodes.descendants;
import static fr.passerelle.translation.cda.CdaNodes.path;

import fr.passerelle.translation.cda.EmbeddedPdf;
import fr.passerelle.translation.cda.SourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * The files a French report carries: its own PDF copy, if any, and the other attached documents.
 *
 * <p>The copy is the non-XML body of a level-1 document, or the attached document (CI-SIS FR-Document-attache,
 * organizer 55107-7) whose type (69764-9) is LOINC 55108-5 "Copie du document". Any other attachment (an earlier
 * report, a second-opinion PDF, an image) is not the original: it is listed so that the caller reports it.
 *
 * @param copy   the original as PDF, base64 as written in the French document
 * @param others every other attached media, by where it is
 */
public record DocumentAttachments(Optional<EmbeddedPdf> copy, List<Attachment> others) {

    /** LOINC "Copy of document" (FR-Type-document-attache value). */
    static final String COPY_OF_DOCUMENT = "55108-5";

    /** An attachment that is not the original: where it is and its media type. */
    public record Attachment(SourceRef source, String mediaType) {
    }

    public DocumentAttachments {
        others = List.copyOf(others);
    }

    public static DocumentAttachments of(Element clinicalDocument) {
        Element component = child(clinicalDocument, "component");
        Element nonXml = child(component, "nonXMLBody");
        if (nonXml != null) {
            return new DocumentAttachments(EmbeddedPdf.of(child(nonXml, "text")), List.of());
        }
        Element body = child(component, "structuredBody");
        if (body == null) {
            return new DocumentAttachments(Optional.empty(), List.of());
        }
        Optional<EmbeddedPdf> copy = Optional.empty();
        List<Attachment> others = new ArrayList<>();
        for (Element media : descendants(body, "observationMedia")) {
            Element value = child(media, "value");
            Optional<EmbeddedPdf> pdf = EmbeddedPdf.of(value);
            if (copy.isEmpty() && pdf.isPresent() && isCopyOfDocument(media)) {
                copy = pdf;
            } else {
                others.add(new Attachment(new SourceRef(media), attr(value, "mediaType")));
            }
        }
        return new DocumentAttachments(copy, others);
    }

    /** The media sits in an attached-document organizer whose type observation says "copy of the document". */
    private static boolean isCopyOfDocument(Element media) {
        Element component = media.getParentNode() instanceof Element e ? e : null;
        Element organizer = component != null && component.getParentNode() instanceof Element e ? e : null;
        if (organizer == null || !"organizer".equals(organizer.getLocalName())) {
            return false;
        }
        return children(organizer, "component").stream()
                .anyMatch(sibling -> COPY_OF_DOCUMENT.equals(attr(path(sibling, "observation", "value"), "code")));
    }
}
