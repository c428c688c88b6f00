package fr.passerelle.gateway.soap;

import java.util.Optional;
import org.w3c.dom.Element;

/**
 * What the envelope carries for trust to judge: the {@code wsse:Security} header element as received (a DOM node of
 * the request envelope, so signatures over the assertions can be verified in place), the WS-Addressing
 * headers of the request, and whether it came as an MTOM/XOP package (ITI-39 and ITI-41 must; judged once the
 * requesting country is known, {@link fr.passerelle.gateway.partner.Leniency#REQUEST_WITHOUT_MTOM}).
 */
public record RequestSecurity(Optional<Element> wsseSecurity, WsAddressing addressing, boolean mtom) {

    public RequestSecurity {
        wsseSecurity = wsseSecurity == null ? Optional.empty() : wsseSecurity;
        java.util.Objects.requireNonNull(addressing, "addressing");
    }
}
