package fr.passerelle.gateway.soap;

import java.util.Optional;

/** How the request readers take a value of the protocol model: trimmed, and absent when blank (as before JAXB). */
public final class ReadValues {

    private ReadValues() {
    }

    public static Optional<String> present(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
