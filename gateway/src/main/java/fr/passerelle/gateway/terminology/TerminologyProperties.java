package fr.passerelle.gateway.terminology;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code passerelle.terminology.*}.
 *
 * @param dataDir       a terminology folder on disk (layout in terminology/README.md), e.g. an agency's newer
 *                      MVC package and official maps; unset = the copy packaged in the jar, extracted at start-up
 *                      to {@code extractDir}
 * @param extractDir    where the packaged copy is extracted; default {@code <passerelle.data-dir>/terminology}
 * @param expandMaxCount largest page {@code ValueSet/$expand} returns
 */
@ConfigurationProperties("passerelle.terminology")
public record TerminologyProperties(String dataDir, String extractDir, @DefaultValue("1000") int expandMaxCount) {

    // Strings, not Paths: Spring's Path conversion resolves "../x" as a classpath resource and refuses it.

    public Optional<Path> dataDirPath() {
        return dataDir == null || dataDir.isBlank() ? Optional.empty() : Optional.of(Path.of(dataDir.strip()));
    }

    public Optional<Path> extractDirPath() {
        return extractDir == null || extractDir.isBlank() ? Optional.empty() : Optional.of(Path.of(extractDir.strip()));
    }
}
