package fr.passerelle.terminology.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.terminology.TerminologyLoadException;
import fr.passerelle.terminology.catalogue.CatalogueIndex;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds a whole {@link CatalogueIndex} from a terminology data directory:
 * <pre>
 *   mvc/*.tgz                       eHDSI MVC FHIR package(s)
 * </pre>
 * All or nothing: the first bad file aborts the load with a {@link TerminologyLoadException} naming it.
 */
public final class CatalogueLoader {

    private final LoadProgress progress;
    private final ObjectMapper json = new ObjectMapper();

    public CatalogueLoader(LoadProgress progress) {
        this.progress = progress;
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
        return builder.build();
    }

    static List<Path> files(Path dir, String suffix) throws TerminologyLoadException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix) && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new TerminologyLoadException(dir.toString(), "cannot list directory: " + e.getMessage(), e);
        }
    }
}
