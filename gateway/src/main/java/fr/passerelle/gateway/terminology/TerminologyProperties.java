package fr.passerelle.gateway.terminology;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

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
public record TerminologyProperties(Path dataDir, Path extractDir, @DefaultValue("1000") int expandMaxCount) {
}
