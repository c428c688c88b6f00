package fr.passerelle.gateway.fhir.requester;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * @param tokenReuse        {@code once} (default): a bearer token is accepted once, like a SAML assertion;
 *                          {@code until-expiry}: the same token may be presented again until it expires (a
 *                          partner's negotiated leniency); another token reusing a seen {@code jti} is refused
 *                          either way
 * @param issuers           per country code, the {@code iss} values its NCP's tokens may carry; a country not
 *                          listed must name itself in {@code iss} as {@code urn:<namespace>:<CC>:<name>}
 */
@ConfigurationProperties("passerelle.fhir.security")
public record FhirSecurityProperties(Path trustListDir,
                                     @DefaultValue("urn:passerelle:ncp-fr:fhir") String tokenAudience,
                                     @DefaultValue("5m") Duration maxTokenLifetime,
                                     @DefaultValue("60s") Duration clockSkew,
                                     @DefaultValue("once") TokenReuse tokenReuse,
                                     Map<String, List<String>> issuers) {

    public FhirSecurityProperties {
        issuers = issuers == null ? Map.of() : Map.copyOf(issuers);
    }
}
