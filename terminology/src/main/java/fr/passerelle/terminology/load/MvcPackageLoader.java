package fr.passerelle.terminology.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.terminology.CodeSystems;
import fr.passerelle.terminology.Coding;
import fr.passerelle.terminology.TerminologyLoadException;
import fr.passerelle.terminology.ValueSet;
import fr.passerelle.terminology.catalogue.CatalogueIndex;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Loads a FHIR package of the eHDSI Master Value Set Catalogue (package/ValueSet-*.json with enumerated
 * {@code compose.include.concept}, package/CodeSystem-*.json) into the index, repairing the package's known
 * defects: system URIs with a trailing slash or pointing at an HTML page ({@link CodeSystems#repair}), and
 * stray whitespace in displays ({@link Displays#normalise}).
 */
public final class MvcPackageLoader {

    public static final String SOURCE = "MVC";

    private final ObjectMapper json;

    public MvcPackageLoader(ObjectMapper json) {
        this.json = json;
    }

    /** Loads the package; returns the number of value sets read. */
    public int load(Path tgz, CatalogueIndex.Builder into, LoadProgress progress) throws TerminologyLoadException {
        Map<String, byte[]> entries;
        try (InputStream in = Files.newInputStream(tgz)) {
            entries = TarGzEntries.read(in, name -> name.endsWith(".json")
                    && (name.contains("/ValueSet-") || name.contains("/CodeSystem-") || name.endsWith("package/package.json")));
        } catch (IOException e) {
            throw new TerminologyLoadException(tgz.toString(), "not a readable FHIR package (.tgz): " + e.getMessage(), e);
        }
        if (!entries.containsKey("package/package.json")) {
            throw new TerminologyLoadException(tgz.toString(), "not a FHIR package: no package/package.json");
        }
        int done = 0;
        int valueSets = 0;
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            String where = tgz + "!" + e.getKey();
            progress.progress("MVC package", ++done, entries.size());
            if (e.getKey().endsWith("package.json")) {
                continue;
            }
            if (e.getKey().contains("/ValueSet-")) {
                // streamed: the large value sets (LOINC, substances) would otherwise become big JSON trees
                ValueSet vs;
                try {
                    vs = StreamedValueSet.read(json.getFactory(), e.getValue(), where);
                } catch (IOException ex) {
                    throw new TerminologyLoadException(where, "malformed JSON: " + ex.getMessage(), ex);
                }
                if (vs != null) {
                    into.valueSet(vs);
                    valueSets++;
                }
                continue;
            }
            JsonNode root;
            try {
                root = json.readTree(e.getValue());
            } catch (IOException ex) {
                throw new TerminologyLoadException(where, "malformed JSON: " + ex.getMessage(), ex);
            }
            String type = root.path("resourceType").asText();
            if (type.equals("ValueSet")) {
                into.valueSet(valueSet(root, where));
                valueSets++;
            } else if (type.equals("CodeSystem")) {
                codeSystem(root, where, into);
            }
        }
        into.source(tgz.getFileName() + " (" + valueSets + " value sets)");
        return valueSets;
    }

    static ValueSet valueSet(JsonNode root, String where) throws TerminologyLoadException {
        String url = text(root, "url");
        if (url == null) {
            throw new TerminologyLoadException(where, "ValueSet without url");
        }
        String oid = null;
        for (JsonNode id : root.path("identifier")) {
            String v = id.path("value").asText("").strip();
            if (v.startsWith("urn:oid:")) {
                oid = v.substring(8);
            }
        }
        List<Coding> concepts = new ArrayList<>();
        for (JsonNode include : root.path("compose").path("include")) {
            String system = text(include, "system");
            if (system == null) {
                throw new TerminologyLoadException(where, "compose.include without system");
            }
            if (include.has("filter") || include.has("valueSet")) {
                throw new TerminologyLoadException(where, "intensional compose (filter/valueSet) is not supported");
            }
            String canonical = CodeSystems.canonicalUri(system);
            for (JsonNode c : include.path("concept")) {
                String code = text(c, "code");
                if (code == null) {
                    throw new TerminologyLoadException(where, "concept without code in " + system);
                }
                concepts.add(new Coding(canonical, code, Displays.normalise(text(c, "display"))));
            }
        }
        return new ValueSet(url.strip(), oid, text(root, "name"), text(root, "title"), text(root, "version"), SOURCE,
                concepts);
    }

    private static void codeSystem(JsonNode root, String where, CatalogueIndex.Builder into)
            throws TerminologyLoadException {
        String url = text(root, "url");
        if (url == null) {
            throw new TerminologyLoadException(where, "CodeSystem without url");
        }
        String system = CodeSystems.canonicalUri(url);
        String supplements = text(root, "supplements");
        addConcepts(root.path("concept"), system, supplements != null, into);
    }

    private static void addConcepts(JsonNode concepts, String system, boolean supplement, CatalogueIndex.Builder into) {
        for (JsonNode c : concepts) {
            String code = text(c, "code");
            if (code == null) {
                continue;
            }
            if (!supplement) {
                into.concept(system, code, Displays.normalise(text(c, "display")));
            }
            for (JsonNode d : c.path("designation")) {
                String lang = text(d, "language");
                String value = Displays.normalise(text(d, "value"));
                if (lang != null && value != null && !value.isEmpty()) {
                    into.designation(system, code, lang, value);
                }
            }
            addConcepts(c.path("concept"), system, supplement, into);
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
