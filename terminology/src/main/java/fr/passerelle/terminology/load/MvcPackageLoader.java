package fr.passerelle.terminology.load;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.terminology.CodeSystems;
import fr.passerelle.terminology.TerminologyLoadException;
import fr.passerelle.terminology.ValueSet;
import fr.passerelle.terminology.catalogue.CatalogueIndex;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Loads a FHIR package of the eHDSI Master Value Set Catalogue into the index, repairing the package's known
 * defects: system URIs with a trailing slash or pointing at an HTML page ({@link CodeSystems#repair}), and
 * stray whitespace in displays ({@link Displays#normalise}).
 *
 * <p>Both layouts are read: MVC 8.x ({@code hl7.eu.terminology.ehdsi}, {@code package/ValueSet-<name>-8.1.0.json}
 * with enumerated {@code compose.include.concept}) and 9.x ({@code myhealth.eu.fhir.mvc-package}): every JSON
 * resource directly under {@code package/} is read by its {@code resourceType}, whatever its file name, and a
 * value set published expanded is read from its {@code expansion.contains}; designations the package gives in
 * other languages are kept. Examples ({@code package/example/}), {@code package/other/} and the
 * {@code .index.json} are not resources of the catalogue.
 */
public final class MvcPackageLoader {

    public static final String SOURCE = "MVC";

    private final ObjectMapper json;

    public MvcPackageLoader(ObjectMapper json) {
        this.json = json;
    }

    /** A package read into memory: its manifest and its resources by archive path. */
    public record FhirPackage(Path file, String id, String version, Map<String, byte[]> resources) {

        public String label() {
            return id + "#" + version;
        }
    }

    /** Reads the archive and its {@code package/package.json}; nothing is added to a catalogue yet. */
    public FhirPackage read(Path tgz) throws TerminologyLoadException {
        Map<String, byte[]> entries;
        try (InputStream in = Files.newInputStream(tgz)) {
            entries = TarGzEntries.read(in, MvcPackageLoader::isResource);
        } catch (IOException e) {
            throw new TerminologyLoadException(tgz.toString(), "not a readable FHIR package (.tgz): " + e.getMessage(), e);
        }
        byte[] manifest = entries.remove("package/package.json");
        if (manifest == null) {
            throw new TerminologyLoadException(tgz.toString(), "not a FHIR package: no package/package.json");
        }
        JsonNode m;
        try {
            m = json.readTree(manifest);
        } catch (IOException e) {
            throw new TerminologyLoadException(tgz + "!package/package.json", "malformed JSON: " + e.getMessage(), e);
        }
        String id = text(m, "name");
        String version = text(m, "version");
        if (id == null || id.isBlank() || version == null || version.isBlank()) {
            throw new TerminologyLoadException(tgz + "!package/package.json", "a FHIR package manifest needs name and version");
        }
        return new FhirPackage(tgz, id.strip(), version.strip(), entries);
    }

    private static boolean isResource(String name) {
        if (!name.startsWith("package/") || !name.endsWith(".json")) {
            return false;
        }
        String rest = name.substring("package/".length());
        // resources sit directly in package/; sub-folders hold examples, openapi, other (IG publisher files)
        return rest.indexOf('/') < 0 && !rest.startsWith(".");
    }

    /**
     * Adds the package's value sets (those {@code accept} takes) and code systems; returns the number of value
     * sets added.
     */
    public int load(FhirPackage pkg, CatalogueIndex.Builder into, LoadProgress progress, Predicate<ValueSet> accept)
            throws TerminologyLoadException {
        int done = 0;
        int valueSets = 0;
        for (Map.Entry<String, byte[]> e : pkg.resources().entrySet()) {
            String where = pkg.file() + "!" + e.getKey();
            progress.progress("MVC package " + pkg.label(), ++done, pkg.resources().size());
            try {
                String type = resourceType(e.getValue());
                if ("ValueSet".equals(type)) {
                    // streamed: the large value sets (LOINC, substances) would otherwise become big JSON trees
                    StreamedValueSet.Read read = StreamedValueSet.read(json.getFactory(), e.getValue(), where);
                    if (read != null && accept.test(read.valueSet())) {
                        into.valueSet(read.valueSet());
                        for (StreamedValueSet.Designation d : read.designations()) {
                            into.designation(d.system(), d.code(), d.language(), d.value());
                        }
                        valueSets++;
                    }
                } else if ("CodeSystem".equals(type)) {
                    codeSystem(json.readTree(e.getValue()), where, into);
                }
            } catch (IOException ex) {
                throw new TerminologyLoadException(where, "malformed JSON: " + ex.getMessage(), ex);
            }
        }
        return valueSets;
    }

    /** The {@code resourceType} of a resource, read without building the tree (null when absent). */
    private String resourceType(byte[] content) throws IOException {
        try (JsonParser p = json.getFactory().createParser(content)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals("resourceType")) {
                    return p.getValueAsString();
                }
                p.skipChildren();
            }
            return null;
        }
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

    /** A whole JSON file as a tree; malformed JSON is refused naming the file. */
    static JsonNode readJson(ObjectMapper json, Path file) throws TerminologyLoadException {
        try {
            return json.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new TerminologyLoadException(file.toString(), "malformed JSON: " + e.getMessage(), e);
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** Whether a value set's URL or OID is among those given (to keep a supplement from replacing the MVC's). */
    static boolean alreadyIn(ValueSet vs, Set<String> keys) {
        return keys.contains(vs.url()) || (vs.oid() != null && keys.contains(vs.oid()));
    }
}
