package fr.passerelle.terminology;

import fr.passerelle.terminology.catalogue.PackageContent;
import fr.passerelle.terminology.catalogue.CatalogueIndex;
import fr.passerelle.terminology.catalogue.CatalogueStatistics;
import fr.passerelle.terminology.load.CatalogueLoader;
import fr.passerelle.terminology.load.LoadProgress;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The live terminology: answers every call from one immutable {@link CatalogueIndex} and swaps in a new one
 * atomically when {@link #reload()} succeeds, so a request sees either the old catalogue or the new one, never a
 * mix. A failed reload leaves the old catalogue live.
 *
 * <p>Usage without any framework: {@code Terminology t = TerminologyCatalogue.load(Path.of("src/data/terminology"));}
 */
public final class TerminologyCatalogue implements Terminology {

    private final Path dataDir;
    private final MvcPackage mvc;
    private final AtomicReference<CatalogueIndex> current;
    private volatile Instant loadedAt;

    private TerminologyCatalogue(Path dataDir, MvcPackage mvc, CatalogueIndex index) {
        this.dataDir = dataDir;
        this.mvc = mvc;
        this.current = new AtomicReference<>(index);
        this.loadedAt = Instant.now();
    }

    /** Loads everything under {@code dataDir} (layout in terminology/README.md). */
    public static TerminologyCatalogue load(Path dataDir) throws TerminologyLoadException {
        return load(dataDir, LoadProgress.SILENT);
    }

    public static TerminologyCatalogue load(Path dataDir, LoadProgress progress) throws TerminologyLoadException {
        return load(dataDir, progress, MvcPackage.ANY);
    }

    /** Loads with the MVC release {@code mvc} (id and version) chosen among the packages of {@code mvc/}. */
    public static TerminologyCatalogue load(Path dataDir, LoadProgress progress, MvcPackage mvc)
            throws TerminologyLoadException {
        Objects.requireNonNull(dataDir, "dataDir");
        return new TerminologyCatalogue(dataDir, mvc, new CatalogueLoader(progress, mvc).load(dataDir));
    }

    /** Wraps an already built index (tests, or data assembled elsewhere); {@link #reload()} then reads dataDir. */
    public static TerminologyCatalogue of(Path dataDir, CatalogueIndex index) {
        return new TerminologyCatalogue(dataDir, MvcPackage.ANY, index);
    }

    /** Reloads from the same directory; on failure the previous catalogue stays live and the error is thrown. */
    public CatalogueStatistics reload() throws TerminologyLoadException {
        return reload(dataDir, LoadProgress.SILENT);
    }

    /** Reloads from another directory (an agency pointing at newer data), with the same MVC choice. */
    public CatalogueStatistics reload(Path from, LoadProgress progress) throws TerminologyLoadException {
        CatalogueIndex fresh = new CatalogueLoader(progress, mvc).load(from);
        current.set(fresh);
        loadedAt = Instant.now();
        return fresh.statistics();
    }

    /** The snapshot answering right now; hold it to answer several questions from one consistent state. */
    public CatalogueIndex index() {
        return current.get();
    }

    public CatalogueStatistics statistics() {
        return current.get().statistics();
    }

    /** When the catalogue answering now was loaded (at start, or by the last successful reload). */
    public Instant loadedAt() {
        return loadedAt;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The MVC release this catalogue chooses on every (re)load. */
    public MvcPackage mvcPackage() {
        return mvc;
    }

    @Override
    public TranscodingResult transcode(Coding national, String targetValueSet) {
        return current.get().transcode(national, targetValueSet);
    }

    @Override
    public Optional<String> translate(Coding coding, String language) {
        return current.get().translate(coding, language);
    }

    @Override
    public CodeValidation validate(Coding coding, String valueSet) {
        return current.get().validate(coding, valueSet);
    }

    @Override
    public Optional<Coding> lookup(Coding coding) {
        return current.get().concept(coding.system(), coding.code())
                .map(c -> new Coding(c.system(), c.code(), c.display()));
    }

    @Override
    public Optional<PackageContent> packageContent(Coding presentation) {
        return index().packageContent(presentation);
    }

    @Override
    public Optional<ValueSet> valueSetByOid(String oid) {
        String key = oid.startsWith("urn:oid:") ? oid : "urn:oid:" + oid.strip();
        return current.get().valueSet(key);
    }

    @Override
    public Optional<ValueSet> valueSetByUrl(String canonicalUrl) {
        return current.get().valueSet(canonicalUrl);
    }

    @Override
    public Optional<ValueSet> valueSet(String oidOrUrl) {
        return current.get().valueSet(oidOrUrl);
    }

    @Override
    public Collection<ValueSet> valueSets() {
        return current.get().valueSets();
    }
}
