package fr.passerelle.gateway.terminology;

import fr.passerelle.terminology.TerminologyCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The jar carries its terminology: extracted to an empty folder, it loads the whole catalogue. */
class PackagedTerminologyDataTest {

    @Test
    void extractsThePackagedCopyAndReplacesAStaleOne(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("terminology");
        Files.createDirectories(target.resolve("concept-maps"));
        Files.writeString(target.resolve("concept-maps/stale.csv"), "left over from an older jar");

        Path extracted = PackagedTerminologyData.extractTo(target);

        assertThat(extracted.resolve("mvc/hl7.eu.terminology.ehdsi-8.1.0.tgz")).exists();
        assertThat(extracted.resolve("concept-maps/fr-demo-to-ehdsi.csv")).exists();
        assertThat(extracted.resolve("concept-maps/stale.csv")).doesNotExist();
        TerminologyCatalogue catalogue = TerminologyCatalogue.load(extracted);
        assertThat(catalogue.statistics().valueSets()).isGreaterThan(500);
        assertThat(catalogue.valueSetByOid("1.3.6.1.4.1.12559.11.10.1.3.1.42.24")).isPresent();
    }

    @Test
    void extractsIntoAFolderGivenWithDotSegments(@TempDir Path dir) throws Exception {
        // The jar's default is "./data/terminology": a path that is not normalised must still receive every file.
        Path target = dir.resolve(".").resolve("data").resolve("..").resolve("terminology");

        Path extracted = PackagedTerminologyData.extractTo(target);

        assertThat(extracted).isEqualTo(dir.resolve("terminology").toAbsolutePath().normalize());
        assertThat(extracted.resolve("mvc/hl7.eu.terminology.ehdsi-8.1.0.tgz")).exists();
    }

    @Test
    void indexListsExactlyTheFilesOfTheRepositoryFolder() throws Exception {
        Path folder = Path.of("../src/data/terminology");
        List<String> onDisk;
        try (var paths = Files.walk(folder)) {
            onDisk = paths.filter(Files::isRegularFile)
                    .map(p -> folder.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals("INDEX"))
                    .sorted()
                    .toList();
        }
        List<String> indexed = Files.readAllLines(folder.resolve("INDEX")).stream()
                .filter(line -> !line.isBlank()).sorted().toList();

        assertThat(indexed)
                .as("src/data/terminology/INDEX must list every file (regenerate: cd src/data/terminology && "
                        + "find . -type f ! -name INDEX | sed 's#^./##' | LC_ALL=C sort > INDEX)")
                .containsExactlyElementsOf(onDisk);
    }
}
