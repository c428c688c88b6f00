package fr.passerelle.translation.orcd;

import fr.passerelle.terminology.xml.HardenedXml;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URL;
import java.util.Set;
import javax.xml.transform.Source;
import javax.xml.transform.Templates;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerConfigurationException;
import javax.xml.stream.XMLStreamException;
import javax.xml.transform.TransformerException;
import javax.xml.transform.URIResolver;
import javax.xml.transform.sax.SAXResult;
import javax.xml.transform.stax.StAXSource;
import javax.xml.transform.stream.StreamSource;
import org.apache.fop.apps.FOUserAgent;
import org.apache.fop.apps.Fop;
import org.apache.fop.apps.FopFactory;
import org.apache.fop.apps.FopFactoryBuilder;
import org.apache.fop.apps.MimeConstants;
import org.apache.xmlgraphics.io.Resource;
import org.apache.xmlgraphics.io.ResourceResolver;
import org.xml.sax.SAXException;

/**
 * Renders a French CDA report to PDF the way ANS shows it: the ANS stylesheet {@code CDA-FO.xsl} (XSL-FO output
 * on Saxon) formatted by Apache FOP. Thread-safe: the stylesheet is compiled and the formatter configured once
 * ({@link #shared()}, on first use: compiling the 1.9 MB stylesheet costs about a second).
 *
 * <p>Deny by default: the stylesheet may only read its own two companion files (labels {@code cda_l10n.xml},
 * narrative table rules {@code cda_narrativeblock.xml}); the formatter may read nothing but {@code data:} URIs
 * (the images a report embeds). The input is parsed with DOCTYPE declarations refused.
 *
 * <p>Not rendered: PDFs attached inside the report (the stylesheet appends them with {@code fox:external-document},
 * which needs FOP's PDF-images plugin and PDFBox, left out of the product for its size); the caller reports them.
 */
public final class ReportRenderer {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ReportRenderer.class);
    private static final String FOLDER = "/fr/passerelle/translation/orcd/";
    private static final Set<String> COMPANIONS = Set.of("cda_l10n.xml", "cda_narrativeblock.xml");

    private final Templates stylesheet;
    private final FopFactory fopFactory;

    private ReportRenderer() {
        try {
            // Saxon explicitly: the stylesheet writes XSL-FO only when the processor's vendor is Saxonica.
            net.sf.saxon.TransformerFactoryImpl factory = new net.sf.saxon.TransformerFactoryImpl();
            factory.setURIResolver(COMPANION_RESOLVER);
            URL xsl = resource("CDA-FO.xsl");
            try (InputStream in = xsl.openStream()) {
                stylesheet = factory.newTemplates(new StreamSource(in, xsl.toExternalForm()));
            }
        } catch (IOException | TransformerConfigurationException e) {
            throw new IllegalStateException("the bundled ANS stylesheet CDA-FO.xsl does not compile", e);
        }
        FopFactoryBuilder builder = new FopFactoryBuilder(URI.create("data:/"), NOTHING_BUT_DATA_URIS);
        builder.setStrictFOValidation(false);
        fopFactory = builder.build();
    }

    private static final class Holder {
        static final ReportRenderer INSTANCE = new ReportRenderer();
    }

    /** The one renderer of the JVM, built on first use. */
    public static ReportRenderer shared() {
        return Holder.INSTANCE;
    }

    /**
     * The report as PDF.
     *
     * @throws RenderingException when the stylesheet or the formatter fails on this document
     */
    public byte[] render(byte[] cda) throws RenderingException {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
        try {
            FOUserAgent agent = fopFactory.newFOUserAgent();
            agent.setProducer("Passerelle (ANS CDA-FO.xsl, Apache FOP)");
            // FOP's own event logging quotes its parameters, e.g. a whole attached PDF as a data: URI: clinical
            // content never goes to the log. A listener replaces it and logs the event's kind only.
            agent.getEventBroadcaster().addEventListener(event -> {
                if (event.getSeverity() == org.apache.fop.events.model.EventSeverity.ERROR
                        || event.getSeverity() == org.apache.fop.events.model.EventSeverity.FATAL) {
                    LOG.debug("FOP {} {}", event.getSeverity(), event.getEventKey());
                }
            });
            Fop fop = fopFactory.newFop(MimeConstants.MIME_PDF, agent, pdf);
            Transformer transformer = stylesheet.newTransformer();
            transformer.setURIResolver(COMPANION_RESOLVER);
            transformer.transform(hardenedSource(cda), new SAXResult(fop.getDefaultHandler()));
        } catch (TransformerException | SAXException | XMLStreamException | RuntimeException e) {
            throw new RenderingException(firstLine(e));
        }
        byte[] bytes = pdf.toByteArray();
        if (bytes.length == 0) {
            throw new RenderingException("the formatter wrote no PDF");
        }
        return bytes;
    }

    /** Rendering failed; the message names the cause without document content. */
    public static final class RenderingException extends Exception {
        RenderingException(String message) {
            super(message, null, false, false);
        }
    }

    /** The one hardened reader of outside XML (no DOCTYPE, entities or XInclude; the document limits), as StAX. */
    private static Source hardenedSource(byte[] cda) throws XMLStreamException {
        return new StAXSource(HardenedXml.streamReader(new ByteArrayInputStream(cda)));
    }

    private static final URIResolver COMPANION_RESOLVER = (href, base) -> {
        String name = href == null ? "" : href.substring(href.lastIndexOf('/') + 1);
        if (!COMPANIONS.contains(name)) {
            throw new TransformerException("the stylesheet may not read " + href);
        }
        URL url = resource(name);
        try {
            return new StreamSource(url.openStream(), url.toExternalForm());
        } catch (IOException e) {
            throw new TransformerException("bundled file " + name + " unreadable", e);
        }
    };

    private static final ResourceResolver NOTHING_BUT_DATA_URIS = new ResourceResolver() {
        // FOP decodes data: URIs itself before calling here; anything that reaches this resolver is refused.
        @Override
        public Resource getResource(URI uri) throws IOException {
            throw new IOException("the formatter may not read " + uri.getScheme() + " resources");
        }

        @Override
        public OutputStream getOutputStream(URI uri) throws IOException {
            throw new IOException("the formatter may not write " + uri.getScheme() + " resources");
        }
    };

    private static URL resource(String name) {
        URL url = ReportRenderer.class.getResource(FOLDER + name);
        if (url == null) {
            throw new IllegalStateException("bundled file missing: " + FOLDER + name);
        }
        return url;
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
