package fr.passerelle.translation.cda;

import java.io.StringWriter;
import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerConfigurationException;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;

/** Serialises a written CDA document as UTF-8 XML text. */
public final class CdaWriter {

    private static final ThreadLocal<Transformer> TRANSFORMER = ThreadLocal.withInitial(CdaWriter::newTransformer);

    private CdaWriter() {
    }

    public static String toXml(Document document) {
        StringWriter out = new StringWriter(64 * 1024);
        Transformer t = TRANSFORMER.get();
        try {
            t.transform(new DOMSource(document), new StreamResult(out));
        } catch (TransformerException e) {
            throw new IllegalStateException("a DOM built in memory could not be serialised", e);
        } finally {
            t.reset();
        }
        return out.toString();
    }

    private static Transformer newTransformer() {
        try {
            TransformerFactory f = TransformerFactory.newInstance();
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer t = f.newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty(OutputKeys.INDENT, "no");
            return t;
        } catch (TransformerConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
