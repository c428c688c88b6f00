package fr.passerelle.terminology.load;

import fr.passerelle.terminology.CodeSystems;
import fr.passerelle.terminology.Coding;
import fr.passerelle.terminology.TerminologyLoadException;
import fr.passerelle.terminology.ValueSet;
import fr.passerelle.terminology.catalogue.CatalogueIndex;
import fr.passerelle.terminology.xml.HardenedXml;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads an IHE SVS value set ({@code RetrieveValueSetResponse/ValueSet/ConceptList/Concept}) as published by ANS
 * (JDV_* files). Its displays are French: they become the {@code fr} designation of each concept, and the
 * concept's own display only when no other source (the MVC, in English) gave one. Concepts whose
 * {@code dateFin} (end of validity, {@code yyyyMMdd…}) is past are left out, and so are the placeholder
 * concepts (empty code and code system) of value sets ANS has not filled yet.
 */
public final class SvsValueSetLoader {

    public static final String SOURCE = "ANS";
    private static final String SVS_NS = "urn:ihe:iti:svs:2008";

    private final LocalDate today;

    public SvsValueSetLoader(LocalDate today) {
        this.today = today;
    }

    /** Loads the value set; empty when the file is XML but not SVS (e.g. SVS.xsd), which is skipped. */
    public java.util.Optional<ValueSet> load(Path file, CatalogueIndex.Builder into) throws TerminologyLoadException {
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader r = HardenedXml.streamReader(in);
            boolean rootSeen = false;
            String oid = null;
            String name = null;
            String version = null;
            List<Coding> concepts = new ArrayList<>();
            while (r.hasNext()) {
                if (r.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String local = r.getLocalName();
                if (!rootSeen) {
                    rootSeen = true;
                    if (!SVS_NS.equals(r.getNamespaceURI()) || !(local.equals("RetrieveValueSetResponse")
                            || local.equals("RetrieveMultipleValueSetsResponse"))) {
                        r.close();
                        return java.util.Optional.empty();
                    }
                    continue;
                }
                if (local.equals("ValueSet") && oid == null) {
                    oid = attr(r, "id");
                    name = attr(r, "displayName");
                    version = attr(r, "version");
                    if (oid == null || !CodeSystems.isOid(oid.strip())) {
                        throw new TerminologyLoadException(where(file, r), "ValueSet without a valid OID id");
                    }
                } else if (local.equals("Concept")) {
                    String code = attr(r, "code");
                    String system = attr(r, "codeSystem");
                    if (isBlank(code) && isBlank(system)) {
                        // ANS publishes value sets still to be filled with one placeholder concept
                        // (code="" codeSystem="" displayName="à compléter"): no concept, not an error.
                        continue;
                    }
                    if (code == null || code.isBlank() || system == null || system.isBlank()) {
                        throw new TerminologyLoadException(where(file, r), "Concept without code or codeSystem");
                    }
                    if (ended(attr(r, "dateFin"))) {
                        continue;
                    }
                    String display = Displays.normalise(attr(r, "displayName"));
                    String canonical = CodeSystems.canonicalUri(system);
                    concepts.add(new Coding(canonical, code.strip(), display));
                    if (display != null && !display.isEmpty()) {
                        into.designation(canonical, code.strip(), "fr", display);
                    }
                }
            }
            r.close();
            if (oid == null) {
                throw new TerminologyLoadException(file.toString(), "no SVS ValueSet element");
            }
            ValueSet vs = new ValueSet("urn:oid:" + oid.strip(), oid.strip(), name, name, version, SOURCE, concepts);
            into.valueSet(vs);
            return java.util.Optional.of(vs);
        } catch (IOException | XMLStreamException e) {
            throw new TerminologyLoadException(file.toString(), "malformed XML: " + e.getMessage(), e);
        }
    }

    private boolean ended(String dateFin) {
        if (dateFin == null || dateFin.isBlank() || dateFin.length() < 8) {
            return false;
        }
        try {
            LocalDate end = LocalDate.of(Integer.parseInt(dateFin.substring(0, 4)),
                    Integer.parseInt(dateFin.substring(4, 6)), Integer.parseInt(dateFin.substring(6, 8)));
            return end.isBefore(today);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String where(Path file, XMLStreamReader r) {
        return file + ":" + r.getLocation().getLineNumber();
    }

    private static String attr(XMLStreamReader r, String name) {
        return r.getAttributeValue(null, name);
    }
}
