package fr.passerelle.gateway.console.me;

import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.security.SecurityConfiguration;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A demo patient's session, opened by choosing a synthetic patient on the demo sign-in page. */
public final class DemoPatientSession extends AbstractAuthenticationToken {

    private final Ins patient;
    private final String name;

    public DemoPatientSession(Ins patient, String name) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + SecurityConfiguration.PATIENT)));
        this.patient = patient;
        this.name = name;
        setAuthenticated(true);
    }

    public Ins patient() {
        return patient;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return name;
    }

    @Override
    public String getName() {
        return name;
    }
}
