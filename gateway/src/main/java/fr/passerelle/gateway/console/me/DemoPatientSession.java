package fr.passerelle.gateway.console.me;

import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.security.SecurityConfiguration;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A demo patient's session, opened by choosing a synthetic patient on the demo sign-in page. Java-serialised into the
 * session table (Spring Session JDBC) like every security context, so it keeps the INS as its two strings
 * ({@link Ins} is not {@link java.io.Serializable}).
 */
public final class DemoPatientSession extends AbstractAuthenticationToken {

    private static final long serialVersionUID = 1L;

    private final String insOid;
    private final String insValue;
    private final String name;

    public DemoPatientSession(Ins patient, String name) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + SecurityConfiguration.PATIENT)));
        this.insOid = patient.oid();
        this.insValue = patient.value();
        this.name = name;
        setAuthenticated(true);
    }

    public Ins patient() {
        return new Ins(insOid, insValue);
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
