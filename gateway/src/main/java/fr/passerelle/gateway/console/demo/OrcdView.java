package fr.passerelle.gateway.console.demo;

import fr.passerelle.gateway.ihe.XmlTree;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;

/**
 * An eHDSI original clinical document (OrCD) as received on either road: its kind by document code, its title, and
 * its PDF body ({@code nonXMLBody/text}, B64) kept for the page to embed. A body that is not a base64 PDF is shown
 * as missing, never passed to the browser as something else.
 */
@Component
@DemoEnabled
public class OrcdView {

    /** The eHDSI OrCD classes (document code = XDS class), as a foreign practitioner names them. */
    static final Map<String, String> KINDS = Map.of("11502-2", "Laboratory report",
            "34105-7", "Hospital discharge report", "18748-4", "Imaging report");

    private static final String HL7 = SoapDemoRoad.HL7;
    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};

    private final ShownPdfs pdfs;

    public OrcdView(ShownPdfs pdfs) {
        this.pdfs = pdfs;
    }

    public ShownReport render(byte[] orcd, List<ShownReport.ShownResult> results) {
        Element root = DemoXml.parse(orcd).getDocumentElement();
        String code = XmlTree.child(root, HL7, "code").map(c -> c.getAttribute("code")).orElse("");
        String title = XmlTree.child(root, HL7, "title").map(DemoXml::text).orElse("");
        String pdfUrl = pdf(root).map(pdfs::keep).orElse(null);
        return new ShownReport(KINDS.getOrDefault(code, "Original clinical document"), title, pdfUrl, results);
    }

    private static Optional<byte[]> pdf(Element root) {
        return DemoXml.first(root, HL7, "nonXMLBody").flatMap(body -> XmlTree.child(body, HL7, "text"))
                .filter(text -> "application/pdf".equals(text.getAttribute("mediaType"))
                        && "B64".equals(text.getAttribute("representation")))
                .flatMap(text -> {
                    try {
                        return Optional.of(Base64.getMimeDecoder().decode(text.getTextContent().strip()));
                    } catch (IllegalArgumentException notBase64) {
                        return Optional.empty();
                    }
                })
                .filter(OrcdView::isPdf);
    }

    private static boolean isPdf(byte[] bytes) {
        return bytes.length >= PDF_MAGIC.length
                && Arrays.equals(bytes, 0, PDF_MAGIC.length, PDF_MAGIC, 0, PDF_MAGIC.length);
    }
}
