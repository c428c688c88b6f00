package fr.passerelle.gateway.fhir.requester;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code passerelle.fhir.security.*}.
 *
 * @param trustListDir      folder of trusted country certificates ({@code <CC>/*.pem}); default
 *                          {@code <data-dir>/trust-list}. Used when the application wires no trust list of its own
 * @param tokenAudience     the {@code aud} a bearer token must name: this gateway
 * @param maxTokenLifetime  longest accepted {@code exp - iat} of a bearer token (short-lived by design)
 * @param clockSkew         tolerance on token times
 */
@ConfigurationProperties("passerelle.fhir.security")
public record FhirSecurityProperties(Path trustListDir,
                                     @DefaultValue("urn:passerelle:ncp-fr:fhir") String tokenAudience,
                                     @DefaultValue("5m") Duration maxTokenLifetime,
                                     @DefaultValue("60s") Duration clockSkew) {
}
