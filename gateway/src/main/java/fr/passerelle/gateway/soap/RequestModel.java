package fr.passerelle.gateway.soap;

import fr.passerelle.gateway.ihe.ProtocolModel;
import java.util.Optional;
import org.w3c.dom.Element;

/** How the SOAP request readers take a body and its values from the protocol model ({@link ProtocolModel}). */
public final class RequestModel {

    private RequestModel() {
    }

    /**
     * The body as its generated type; a value JAXB cannot convert (an attribute typed integer holding a word, which
     * schema validation refuses unless switched off) is a malformed request, not a server error.
     */
    public static <T> T read(ProtocolModel model, Element body, Class<T> type) {
        try {
            return model.fromDom(body, type);
        } catch (IllegalArgumentException e) {
            throw new MalformedRequest(body.getLocalName() + " has a value that is not of its schema type");
        }
    }

    /** The value trimmed, absent when blank (as the DOM readers took attributes and text). */
    public static Optional<String> present(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
