package fr.passerelle.terminology.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.terminology.MvcPackage;
import fr.passerelle.terminology.TerminologyLoadException;
import fr.passerelle.terminology.ValueSet;
import fr.passerelle.terminology.catalogue.CatalogueIndex;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Builds a whole {@link CatalogueIndex} from a terminology data directory:
 * <pre>
 *   mvc/*.tgz                       eHDSI MVC FHIR package (one is chosen, see below) required
 *                                   and supplement packages
 *   ehdsi/*.xml                     eHDSI coded_element_list_ehdsi.xml                 optional
 *   fr-value-sets/*.xml             ANS SVS value sets (other XML such as SVS.xsd skipped) optional
 *   concept-maps/*.csv|*.json       national-to-pivot maps (CSV or FHIR ConceptMap)   optional
 *   designations/*.csv|*.json       displays by language (CSV or CodeSystem supplement) optional
 *   fr-products/*.csv               French medicinal products (CIS, CIP13, EDQM, strengths) optional
 * </pre>
 * The {@code mvc/} folder may hold several MVC releases (package ids {@link MvcPackage#KNOWN_IDS}) while an
 * agency moves from one to the next: the {@link MvcPackage} given chooses one, and with {@link MvcPackage#ANY}
 * the folder must hold exactly one. Other packages there (supplements) are loaded after it, but never replace a
 * value set the chosen MVC already has (same URL or OID): the MVC wins, and the skip is listed in the sources.
 * Order matters only for displays: the MVC's own display of a code wins over an ANS display, which becomes
 * the code's {@code fr} designation.
 * All or nothing: the first bad file aborts the load with a {@link TerminologyLoadException} naming it.
 */
public final class CatalogueLoader {

    private final LoadProgress progress;
    private final ObjectMapper json = new ObjectMapper();
    /** Decides which ANS concepts have ended ({@code dateFin}). */
    private final Clock clock = Clock.systemUTC();
    private final MvcPackage mvc;

    public CatalogueLoader(LoadProgress progress, MvcPackage mvc) {
        this.progress = progress;
        this.mvc = java.util.Objects.requireNonNull(mvc, "mvc");
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
        loadPackages(dataDir.resolve("mvc"), packages, builder);
        CodedElementListLoader elements = new CodedElementListLoader();
        loadEach(dataDir.resolve("ehdsi"), "eHDSI coded elements", p -> elements.load(p, builder), ".xml");
        SvsValueSetLoader svs = new SvsValueSetLoader(LocalDate.now(clock));
        List<ValueSet> frValueSets = new ArrayList<>();
        loadEach(dataDir.resolve("fr-value-sets"), "ANS value sets",
                p -> svs.load(p, builder).ifPresent(frValueSets::add), ".xml");
        if (!frValueSets.isEmpty()) {
            builder.source("fr-value-sets (" + frValueSets.size() + " ANS value sets)");
        }
        ConceptMapLoader maps = new ConceptMapLoader(json);
        loadEach(dataDir.resolve("concept-maps"), "concept maps", p -> maps.load(p, builder), ".csv", ".json");
        ProductTableLoader products = new ProductTableLoader();
        loadEach(dataDir.resolve("fr-products"), "French medicinal products", p -> products.load(p, builder), ".csv");
        DesignationLoader designations = new DesignationLoader(json);
        loadEach(dataDir.resolve("designations"), "designations", p -> designations.load(p, builder), ".csv", ".json");
        return builder.build();
    }

    private void loadPackages(Path folder, List<Path> files, CatalogueIndex.Builder builder)
            throws TerminologyLoadException {
        MvcPackageLoader loader = new MvcPackageLoader(json);
        List<MvcPackageLoader.FhirPackage> mvcReleases = new ArrayList<>();
        List<MvcPackageLoader.FhirPackage> others = new ArrayList<>();
        for (Path p : files) {
            MvcPackageLoader.FhirPackage pkg = loader.read(p);
            boolean isMvc = MvcPackage.KNOWN_IDS.contains(pkg.id()) || pkg.id().equals(mvc.id());
            (isMvc ? mvcReleases : others).add(pkg);
        }
        List<MvcPackageLoader.FhirPackage> chosen = mvcReleases.stream()
                .filter(pkg -> mvc.matches(pkg.id(), pkg.version())).toList();
        String found = mvcReleases.isEmpty() ? "none" : String.join(", ",
                mvcReleases.stream().map(MvcPackageLoader.FhirPackage::label).toList());
        if (chosen.size() > 1) {
            throw new TerminologyLoadException(folder.toString(), "several MVC packages match " + mvc + " (" + found
                    + "): choose one by id and version");
        }
        if (chosen.isEmpty() && (mvc.id() != null || !mvcReleases.isEmpty())) {
            throw new TerminologyLoadException(folder.toString(), "no MVC package " + mvc + " (found: " + found + ")");
        }
        Set<String> mvcValueSets = new HashSet<>();
        if (!chosen.isEmpty()) {
            MvcPackageLoader.FhirPackage pkg = chosen.get(0);
            int n = loader.load(pkg, builder, progress, vs -> true);
            for (ValueSet vs : builder.valueSets()) {
                mvcValueSets.add(vs.url());
                if (vs.oid() != null) {
                    mvcValueSets.add(vs.oid());
                }
            }
            builder.mvcPackage(pkg.label());
            builder.source(pkg.file().getFileName() + " (MVC " + pkg.label() + ", " + n + " value sets)");
            for (MvcPackageLoader.FhirPackage other : mvcReleases) {
                if (other != pkg) {
                    builder.source(other.file().getFileName() + " (MVC " + other.label() + ", not loaded: "
                            + pkg.label() + " is the chosen release)");
                }
            }
        }
        for (MvcPackageLoader.FhirPackage pkg : others) {
            List<String> kept = new ArrayList<>();
            int n = loader.load(pkg, builder, progress, vs -> {
                if (MvcPackageLoader.alreadyIn(vs, mvcValueSets)) {
                    kept.add(vs.name() != null ? vs.name() : vs.url());
                    return false;
                }
                return true;
            });
            builder.source(pkg.file().getFileName() + " (" + pkg.label() + ", " + n + " value sets"
                    + (kept.isEmpty() ? "" : "; the MVC's own kept for " + String.join(", ", kept)) + ")");
        }
    }

    @FunctionalInterface
    private interface FileLoad {
        void load(Path file) throws TerminologyLoadException;
    }

    /** Loads each file of {@code dir} with one of the suffixes, in name order, reporting progress as {@code step}. */
    private void loadEach(Path dir, String step, FileLoad load, String... suffixes) throws TerminologyLoadException {
        List<Path> found = files(dir, suffixes);
        int i = 0;
        for (Path p : found) {
            load.load(p);
            progress.progress(step, ++i, found.size());
        }
    }

    static List<Path> files(Path dir, String... suffixes) throws TerminologyLoadException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isRegularFile(p) && Arrays.stream(suffixes)
                    .anyMatch(p.getFileName().toString().toLowerCase(Locale.ROOT)::endsWith)).sorted().toList();
        } catch (IOException e) {
            throw new TerminologyLoadException(dir.toString(), "cannot list directory: " + e.getMessage(), e);
        }
    }
}
