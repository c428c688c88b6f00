package fr.passerelle.gateway.fhir;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code passerelle.fhir.*}.
 *
 * @param path          servlet mapping of the FHIR endpoint
 * @param defaultFormat response format when the client does not ask ({@code json} or {@code xml})
 */
@ConfigurationProperties("passerelle.fhir")
public record FhirServerProperties(@DefaultValue("/fhir/*") String path, @DefaultValue("json") String defaultFormat) {
}
