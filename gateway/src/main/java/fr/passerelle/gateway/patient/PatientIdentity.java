package fr.passerelle.gateway.patient;

import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.patient.token.PatientTokenProperties;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/** The patient a bearer token names: their INS, read from the configured claims, and nothing else. */
@Component
public class PatientIdentity {

    private final PatientTokenProperties properties;

    public PatientIdentity(PatientTokenProperties properties) {
        this.properties = properties;
    }

    public Ins of(Jwt token) {
        String value = token.getClaimAsString(properties.insClaim());
        String oid = token.getClaimAsString(properties.insOidClaim());
        if (value == null || oid == null) {
            throw new AccessDeniedException("The token names no patient (claims " + properties.insClaim() + ", "
                    + properties.insOidClaim() + ")");
        }
        try {
            return new Ins(oid, value);
        } catch (IllegalArgumentException e) {
            throw new AccessDeniedException("The token's patient is not an INS");
        }
    }
}
