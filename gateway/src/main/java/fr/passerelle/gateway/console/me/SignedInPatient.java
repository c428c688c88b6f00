package fr.passerelle.gateway.console.me;

import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.patient.token.PatientTokenProperties;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/** The patient a session belongs to — from the session alone, never from a request parameter. */
@Component
public class SignedInPatient {

    private final PatientTokenProperties claims;

    public SignedInPatient(PatientTokenProperties claims) {
        this.claims = claims;
    }

    public Ins of(Authentication session) {
        if (session instanceof DemoPatientSession demo) {
            return demo.patient();
        }
        if (session != null && session.getPrincipal() instanceof OidcUser user) {
            return OidcPatients.insOf(user, claims);
        }
        throw new AccessDeniedException("This session is not a patient's");
    }

    /** A name to greet the patient with. */
    public String name(Authentication session) {
        if (session != null && session.getPrincipal() instanceof OidcUser user && user.getGivenName() != null) {
            return user.getGivenName() + (user.getFamilyName() == null ? "" : " " + user.getFamilyName());
        }
        return session == null ? "" : session.getName();
    }
}
