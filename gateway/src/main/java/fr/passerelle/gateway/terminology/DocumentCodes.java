package fr.passerelle.gateway.terminology;

import fr.passerelle.terminology.Coding;
import fr.passerelle.terminology.xml.HardenedXml;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The distinct codes ({@code @code} with {@code @codeSystem}, on any element, translations included) of an XML
 * document such as a CDA. Only codes are kept: no text, no identifiers of the patient.
 */
final class DocumentCodes {

    private DocumentCodes() {
    }

    static Set<Coding> of(Path document) throws IOException {
        Set<Coding> codes = new LinkedHashSet<>();
        try (InputStream in = Files.newInputStream(document)) {
            XMLStreamReader r = HardenedXml.streamReader(in);
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT) {
                    String code = r.getAttributeValue(null, "code");
                    String system = r.getAttributeValue(null, "codeSystem");
                    if (code != null && !code.isBlank() && system != null && !system.isBlank()) {
                        codes.add(new Coding(system.strip(), code.strip(), null));
                    }
                }
            }
            r.close();
        } catch (XMLStreamException e) {
            throw new IOException(document + ": not well-formed XML: " + e.getMessage(), e);
        }
        return codes;
    }
}
