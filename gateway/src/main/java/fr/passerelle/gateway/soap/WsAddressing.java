package fr.passerelle.gateway.soap;

import java.util.Objects;
import java.util.Optional;

/** The WS-Addressing headers of a request that Passerelle reads. */
public record WsAddressing(String action, String messageId, Optional<String> to) {

    public WsAddressing {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(messageId, "messageId");
        to = to == null ? Optional.empty() : to;
    }
}
