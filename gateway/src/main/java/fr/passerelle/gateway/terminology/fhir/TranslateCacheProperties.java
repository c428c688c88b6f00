package fr.passerelle.gateway.terminology.fhir;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code passerelle.terminology.translate-cache.*}.
 *
 * @param enabled    answer repeated {@code GET ConceptMap/$translate} from the kept encodings
 * @param maxEntries answers kept (one is the encoded Parameters, typically under 1 KB)
 */
@ConfigurationProperties("passerelle.terminology.translate-cache")
public record TranslateCacheProperties(@DefaultValue("true") boolean enabled,
                                       @DefaultValue("10000") long maxEntries) {
}
