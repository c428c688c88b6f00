package fr.passerelle.gateway.consent;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code passerelle.consent.*}.
 *
 * @param defaultAccess what applies before a patient decided anything ({@code no-access} unless the national
 *                      policy of the deployment says otherwise)
 */
@ConfigurationProperties("passerelle.consent")
public record ConsentProperties(@DefaultValue("no-access") DefaultConsent defaultAccess) {
}
