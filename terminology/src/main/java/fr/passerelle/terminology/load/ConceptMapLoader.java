package fr.passerelle.terminology.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.terminology.Coding;
import fr.passerelle.terminology.TerminologyLoadException;
import fr.passerelle.terminology.catalogue.CatalogueIndex;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Loads national-to-pivot mappings, from either format (documented in terminology/README.md):
 * <ul>
 *   <li>CSV with header {@code source_system,source_code,source_display,target_system,target_code,
 *       target_display,equivalence,provenance}: one mapping per line; {@code equivalence} is a FHIR R4
 *       ConceptMapEquivalence; {@code unmatched} (no target) records a reviewed code without pivot equivalent.</li>
 *   <li>FHIR R4 ConceptMap JSON: {@code group[].source/target}, {@code element[].code/display},
 *       {@code target[].code/display/equivalence}.</li>
 * </ul>
 * Only equivalences that allow transcoding ({@code equivalent, equal, wider, subsumes, relatedto, inexact,
 * specializes, narrower}) become mappings; {@code unmatched} and {@code disjoint} are remembered as reviewed but
 * produce no target. A source code with two targets in the same value set is kept as is: the index reports it as
 * ambiguous instead of choosing.
 */
public final class ConceptMapLoader {

    static final List<String> CSV_COLUMNS = List.of("source_system", "source_code", "target_system", "target_code",
            "equivalence");
    private static final Set<String> TRANSCODABLE = Set.of("equivalent", "equal", "wider", "subsumes", "relatedto",
            "inexact", "specializes", "narrower");
    private static final Set<String> NO_TARGET = Set.of("unmatched", "disjoint");

    private final ObjectMapper json;

    public ConceptMapLoader(ObjectMapper json) {
        this.json = json;
    }

    /** Returns the number of mappings read (unmatched lines included). */
    public int load(Path file, CatalogueIndex.Builder into) throws TerminologyLoadException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int n = name.endsWith(".csv") ? loadCsv(file, into) : loadJson(file, into);
        into.source(file.getFileName() + " (" + n + " mappings)");
        return n;
    }

    /**
     * The canonical URL a CSV map is known by ({@code ConceptMap/$translate?url=…}): CSV has no place for one,
     * so it is derived from the file name.
     */
    public static String csvMapUrl(Path file) {
        String name = file.getFileName().toString();
        return "urn:passerelle:conceptmap:" + name.substring(0, name.length() - ".csv".length());
    }

    private int loadCsv(Path file, CatalogueIndex.Builder into) throws TerminologyLoadException {
        int n = 0;
        String mapUrl = csvMapUrl(file);
        for (CsvLines.Row row : CsvLines.read(file, CSV_COLUMNS)) {
            String equivalence = row.required("equivalence").toLowerCase(Locale.ROOT);
            Coding source = new Coding(row.required("source_system"), row.required("source_code"),
                    Displays.normalise(row.optional("source_display")));
            add(file + ":" + row.line(), mapUrl, source, row.optional("target_system"), row.optional("target_code"),
                    Displays.normalise(row.optional("target_display")), equivalence, row.optional("provenance"), into);
            n++;
        }
        return n;
    }

    private int loadJson(Path file, CatalogueIndex.Builder into) throws TerminologyLoadException {
        JsonNode root = MvcPackageLoader.readJson(json, file);
        if (!"ConceptMap".equals(root.path("resourceType").asText())) {
            throw new TerminologyLoadException(file.toString(), "not a FHIR ConceptMap (resourceType)");
        }
        String mapUrl = MvcPackageLoader.text(root, "url");
        if (mapUrl == null || mapUrl.isBlank()) {
            // $translate selects maps by URL; a map without one could never be selected.
            throw new TerminologyLoadException(file.toString(), "ConceptMap without url");
        }
        int n = 0;
        int g = 0;
        for (JsonNode group : root.path("group")) {
            String where = file + "!group[" + g++ + "]";
            String sourceSystem = MvcPackageLoader.text(group, "source");
            String targetSystem = MvcPackageLoader.text(group, "target");
            if (sourceSystem == null) {
                throw new TerminologyLoadException(where, "group without source system");
            }
            int e = 0;
            for (JsonNode element : group.path("element")) {
                String at = where + ".element[" + e++ + "]";
                String code = MvcPackageLoader.text(element, "code");
                if (code == null || code.isBlank()) {
                    throw new TerminologyLoadException(at, "element without code");
                }
                Coding source = new Coding(sourceSystem, code.strip(),
                        Displays.normalise(MvcPackageLoader.text(element, "display")));
                for (JsonNode target : element.path("target")) {
                    String equivalence = target.path("equivalence").asText("equivalent").toLowerCase(Locale.ROOT);
                    // FHIR R4 has no provenance element on a map line; its comment says where the line comes from.
                    add(at, mapUrl.strip(), source, targetSystem, MvcPackageLoader.text(target, "code"),
                            Displays.normalise(MvcPackageLoader.text(target, "display")), equivalence,
                            MvcPackageLoader.text(target, "comment"), into);
                    n++;
                }
            }
        }
        return n;
    }

    private static void add(String where, String mapUrl, Coding source, String targetSystem, String targetCode,
                            String targetDisplay, String equivalence, String provenance,
                            CatalogueIndex.Builder into) throws TerminologyLoadException {
        if (source.display() != null) {
            into.concept(source.system(), source.code(), source.display());
        }
        if (NO_TARGET.contains(equivalence)) {
            into.mapEntry(mapUrl, source, null, equivalence, provenance);
            return;
        }
        if (!TRANSCODABLE.contains(equivalence)) {
            throw new TerminologyLoadException(where, "unknown equivalence '" + equivalence + "'");
        }
        if (targetSystem == null || targetCode == null || targetCode.isBlank()) {
            throw new TerminologyLoadException(where, "mapping '" + equivalence + "' needs a target system and code");
        }
        Coding target = new Coding(targetSystem.strip(), targetCode.strip(), targetDisplay);
        into.mapEntry(mapUrl, source, target, equivalence, provenance);
    }
}
