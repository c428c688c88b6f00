package fr.passerelle.gateway.soap;

import java.util.Optional;
import org.w3c.dom.Element;

/**
 * What the envelope carries for trust to judge: the {@code wsse:Security} header element as received (a DOM node of
 * the request envelope, so signatures over the assertions can be verified in place), and the WS-Addressing
 * headers of the request.
 */
public record RequestSecurity(Optional<Element> wsseSecurity, WsAddressing addressing) {

    public RequestSecurity {
        wsseSecurity = wsseSecurity == null ? Optional.empty() : wsseSecurity;
        java.util.Objects.requireNonNull(addressing, "addressing");
    }
}
