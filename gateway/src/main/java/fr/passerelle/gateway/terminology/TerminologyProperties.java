package fr.passerelle.gateway.terminology;

import fr.passerelle.terminology.MvcPackage;
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
 * @param mvcPackage    id of the MVC FHIR package to load from {@code mvc/} ({@code hl7.eu.terminology.ehdsi} up to
 *                      8.x, {@code myhealth.eu.fhir.mvc-package} from 9.x); unset = the single MVC package there
 * @param mvcVersion    its version (e.g. {@code 9.1.0}); unset = the only release of that id in {@code mvc/}
 */
@ConfigurationProperties("passerelle.terminology")
public record TerminologyProperties(String dataDir, String extractDir, @DefaultValue("1000") int expandMaxCount,
                                    String mvcPackage, String mvcVersion) {

    /** The MVC release to load; a version without its package id is a configuration error. */
    public MvcPackage mvc() {
        try {
            return new MvcPackage(mvcPackage, mvcVersion);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("passerelle.terminology.mvc-version needs passerelle.terminology.mvc-package: "
                    + e.getMessage(), e);
        }
    }

    // Strings, not Paths: Spring's Path conversion resolves "../x" as a classpath resource and refuses it.

    public Optional<Path> dataDirPath() {
        return dataDir == null || dataDir.isBlank() ? Optional.empty() : Optional.of(Path.of(dataDir.strip()));
    }

    public Optional<Path> extractDirPath() {
        return extractDir == null || extractDir.isBlank() ? Optional.empty() : Optional.of(Path.of(extractDir.strip()));
    }
}
