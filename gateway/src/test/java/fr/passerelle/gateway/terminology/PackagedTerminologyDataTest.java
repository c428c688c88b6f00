package fr.passerelle.gateway.terminology;

import fr.passerelle.terminology.TerminologyCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

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
}
