package fr.passerelle.gateway.soap;

import java.util.Objects;
import org.w3c.dom.Element;

/** A request that passed the envelope checks: which operation it is, what trust will judge, and its body element. */
public record InboundRequest(EhdsiOperation operation, RequestSecurity security, Element body) {

    public InboundRequest {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(body, "body");
    }
}
