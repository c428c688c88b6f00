package fr.passerelle.gateway.patient.token;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code passerelle.patient.*}.
 *
 * @param insClaim    the claim carrying the patient's INS value
 * @param insOidClaim the claim carrying its OID (INS-NIR, INS-NIA, test NIR…)
 * @param devIssuer   the demo's local issuer
 */
@ConfigurationProperties("passerelle.patient")
public record PatientTokenProperties(@DefaultValue("ins") String insClaim,
                                     @DefaultValue("ins_oid") String insOidClaim,
                                     @DefaultValue DevIssuer devIssuer) {

    /**
     * @param enabled  sign patient tokens locally (demo only: anyone reaching the gateway can get a token);
     *                 unset means "only on the demo health space", see {@link DevIssuerEnabled}
     * @param issuer   the {@code iss} of those tokens
     * @param audience their {@code aud}
     * @param lifetime how long they are valid
     */
    public record DevIssuer(Boolean enabled,
                            @DefaultValue("urn:passerelle:dev-patient-issuer") String issuer,
                            @DefaultValue("passerelle-patient-api") String audience,
                            @DefaultValue("PT15M") Duration lifetime) {
    }
}
