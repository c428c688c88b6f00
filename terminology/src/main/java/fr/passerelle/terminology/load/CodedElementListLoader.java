package fr.passerelle.terminology.load;

import fr.passerelle.terminology.CodeSystems;
import fr.passerelle.terminology.TerminologyLoadException;
import fr.passerelle.terminology.catalogue.CatalogueIndex;
import fr.passerelle.terminology.xml.HardenedXml;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Loads eHDSI {@code coded_element_list_ehdsi.xml}: for each coded element (XPath in the pivot CDA) the MVC
 * value set (OID) it must be coded in, per document type (e.g. {@code patientSummaryCDAl3},
 * {@code ePrescriptionCDAl3}) with its usage (R, RNFA, O, NA). Elements with usage NA for a document type are not
 * indexed for it.
 */
public final class CodedElementListLoader {


    /** Returns the number of coded elements read. */
    public int load(Path file, CatalogueIndex.Builder into) throws TerminologyLoadException {
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader r = HardenedXml.streamReader(in);
            int elements = 0;
            String path = null;
            String valueSet = null;
            Map<String, String> usage = new LinkedHashMap<>();
            boolean inUsage = false;
            int line = 0;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String local = r.getLocalName();
                    switch (local) {
                        case "codedElement" -> {
                            path = null;
                            valueSet = null;
                            usage.clear();
                            line = r.getLocation().getLineNumber();
                        }
                        case "usage" -> inUsage = true;
                        case "elementPath" -> path = r.getElementText().strip();
                        case "valueSet" -> valueSet = r.getElementText().strip();
                        default -> {
                            if (inUsage) {
                                usage.put(local, r.getElementText().strip());
                            }
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String local = r.getLocalName();
                    if (local.equals("usage")) {
                        inUsage = false;
                    } else if (local.equals("codedElement")) {
                        if (path == null || path.isEmpty() || valueSet == null || !CodeSystems.isOid(valueSet)) {
                            throw new TerminologyLoadException(file + ":" + line,
                                    "codedElement needs an elementPath and a valueSet OID");
                        }
                        for (Map.Entry<String, String> u : usage.entrySet()) {
                            if (!u.getValue().equals("NA")) {
                                into.elementValueSet(u.getKey(), path, valueSet);
                            }
                        }
                        elements++;
                    }
                }
            }
            r.close();
            into.source(file.getFileName() + " (" + elements + " coded elements)");
            return elements;
        } catch (IOException | XMLStreamException e) {
            throw new TerminologyLoadException(file.toString(), "malformed XML: " + e.getMessage(), e);
        }
    }
}
