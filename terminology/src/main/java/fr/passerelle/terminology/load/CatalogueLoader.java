package fr.passerelle.terminology.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.terminology.TerminologyLoadException;
import fr.passerelle.terminology.catalogue.CatalogueIndex;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds a whole {@link CatalogueIndex} from a terminology data directory:
 * <pre>
 *   mvc/*.tgz                       eHDSI MVC FHIR package(s)                         required
 *   ehdsi/*.xml                     eHDSI coded_element_list_ehdsi.xml                 optional
 *   fr-value-sets/*.xml             ANS SVS value sets (other XML such as SVS.xsd skipped) optional
 *   concept-maps/*.csv|*.json       national-to-pivot maps (CSV or FHIR ConceptMap)   optional
 *   designations/*.csv|*.json       displays by language (CSV or CodeSystem supplement) optional
 * </pre>
 * Order matters only for displays: the MVC's own display of a code wins over an ANS display, which becomes
 * the code's {@code fr} designation.
 * All or nothing: the first bad file aborts the load with a {@link TerminologyLoadException} naming it.
 */
public final class CatalogueLoader {

    private final LoadProgress progress;
    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock;

    public CatalogueLoader(LoadProgress progress) {
        this(progress, Clock.systemUTC());
    }

    /** The clock decides which ANS concepts have ended ({@code dateFin}). */
    public CatalogueLoader(LoadProgress progress, Clock clock) {
        this.progress = progress;
        this.clock = clock;
    }

    public CatalogueIndex load(Path dataDir) throws TerminologyLoadException {
        if (!Files.isDirectory(dataDir)) {
            throw new TerminologyLoadException(dataDir.toString(), "terminology data directory does not exist");
        }
        CatalogueIndex.Builder builder = CatalogueIndex.builder();
        List<Path> packages = files(dataDir.resolve("mvc"), ".tgz");
        if (packages.isEmpty()) {
            throw new TerminologyLoadException(dataDir.resolve("mvc").toString(), "no MVC package (*.tgz) found");
        }
        MvcPackageLoader mvc = new MvcPackageLoader(json);
        for (Path p : packages) {
            mvc.load(p, builder, progress);
        }
        CodedElementListLoader elements = new CodedElementListLoader();
        List<Path> elementLists = files(dataDir.resolve("ehdsi"), ".xml");
        int i = 0;
        for (Path p : elementLists) {
            elements.load(p, builder);
            progress.progress("eHDSI coded elements", ++i, elementLists.size());
        }
        SvsValueSetLoader svs = new SvsValueSetLoader(LocalDate.now(clock));
        List<Path> svsFiles = files(dataDir.resolve("fr-value-sets"), ".xml");
        i = 0;
        int frValueSets = 0;
        for (Path p : svsFiles) {
            if (svs.load(p, builder).isPresent()) {
                frValueSets++;
            }
            progress.progress("ANS value sets", ++i, svsFiles.size());
        }
        if (frValueSets > 0) {
            builder.source("fr-value-sets (" + frValueSets + " ANS value sets)");
        }
        ConceptMapLoader maps = new ConceptMapLoader(json);
        List<Path> mapFiles = files(dataDir.resolve("concept-maps"), ".csv", ".json");
        i = 0;
        for (Path p : mapFiles) {
            maps.load(p, builder);
            progress.progress("concept maps", ++i, mapFiles.size());
        }
        DesignationLoader designations = new DesignationLoader(json);
        List<Path> designationFiles = files(dataDir.resolve("designations"), ".csv", ".json");
        i = 0;
        for (Path p : designationFiles) {
            designations.load(p, builder);
            progress.progress("designations", ++i, designationFiles.size());
        }
        return builder.build();
    }

    private static boolean endsWithAny(String name, String... suffixes) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        for (String s : suffixes) {
            if (lower.endsWith(s)) {
                return true;
            }
        }
        return false;
    }

    static List<Path> files(Path dir, String... suffixes) throws TerminologyLoadException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isRegularFile(p) && endsWithAny(p.getFileName().toString(), suffixes))
                    .sorted().toList();
        } catch (IOException e) {
            throw new TerminologyLoadException(dir.toString(), "cannot list directory: " + e.getMessage(), e);
        }
    }
}
