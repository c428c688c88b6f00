package fr.passerelle.terminology.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.terminology.CodeSystems;
import fr.passerelle.terminology.TerminologyLoadException;
import fr.passerelle.terminology.catalogue.CatalogueIndex;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Loads displays in other languages, from either format (documented in terminology/README.md):
 * <ul>
 *   <li>CSV with header {@code system,code,language,display[,provenance]}: one designation per line;</li>
 *   <li>FHIR R4 CodeSystem supplement JSON ({@code content = supplement}, {@code supplements} = the system):
 *       {@code concept[].designation[].language/value}.</li>
 * </ul>
 */
public final class DesignationLoader {

    static final List<String> CSV_COLUMNS = List.of("system", "code", "language", "display");
    private static final Pattern LANGUAGE = Pattern.compile("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*");

    private final ObjectMapper json;

    public DesignationLoader(ObjectMapper json) {
        this.json = json;
    }

    public int load(Path file, CatalogueIndex.Builder into) throws TerminologyLoadException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int n = name.endsWith(".csv") ? loadCsv(file, into) : loadSupplement(file, into);
        into.source(file.getFileName() + " (" + n + " designations)");
        return n;
    }

    private int loadCsv(Path file, CatalogueIndex.Builder into) throws TerminologyLoadException {
        int n = 0;
        for (CsvLines.Row row : CsvLines.read(file, CSV_COLUMNS)) {
            String language = row.required("language");
            if (!LANGUAGE.matcher(language).matches()) {
                throw new TerminologyLoadException(file + ":" + row.line(),
                        "'" + language + "' is not a BCP 47 language tag");
            }
            into.designation(row.required("system"), row.required("code"), language,
                    Displays.normalise(row.required("display")));
            n++;
        }
        return n;
    }

    private int loadSupplement(Path file, CatalogueIndex.Builder into) throws TerminologyLoadException {
        JsonNode root = MvcPackageLoader.readJson(json, file);
        String supplements = MvcPackageLoader.text(root, "supplements");
        if (!"CodeSystem".equals(root.path("resourceType").asText()) || supplements == null) {
            throw new TerminologyLoadException(file.toString(), "not a FHIR CodeSystem supplement");
        }
        int bar = supplements.indexOf('|');
        String system = CodeSystems.canonicalUri(bar >= 0 ? supplements.substring(0, bar) : supplements);
        String defaultLanguage = MvcPackageLoader.text(root, "language");
        int n = 0;
        int i = 0;
        for (JsonNode concept : root.path("concept")) {
            String code = MvcPackageLoader.text(concept, "code");
            if (code == null) {
                throw new TerminologyLoadException(file + "!concept[" + i + "]", "concept without code");
            }
            if (defaultLanguage != null && MvcPackageLoader.text(concept, "display") != null) {
                into.designation(system, code, defaultLanguage, Displays.normalise(concept.get("display").asText()));
                n++;
            }
            for (JsonNode d : concept.path("designation")) {
                String language = MvcPackageLoader.text(d, "language");
                String value = MvcPackageLoader.text(d, "value");
                if (language == null || value == null) {
                    throw new TerminologyLoadException(file + "!concept[" + i + "]", "designation needs language and value");
                }
                into.designation(system, code, language, Displays.normalise(value));
                n++;
            }
            i++;
        }
        return n;
    }
}
