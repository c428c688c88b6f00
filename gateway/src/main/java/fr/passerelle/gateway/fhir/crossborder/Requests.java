package fr.passerelle.gateway.fhir.crossborder;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a FHIR request asks beyond its parameters: the language of displays. */
final class Requests {

    private Requests() {
    }

    /** {@code _language} if given, else the first range of {@code Accept-Language}; empty keeps source displays. */
    static Optional<String> language(RequestDetails request) {
        String[] explicit = request.getParameters().get("_language");
        if (explicit != null && explicit.length > 0 && !explicit[0].isBlank()) {
            return Optional.of(explicit[0].trim());
        }
        String header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header);
            return ranges.stream().map(Locale.LanguageRange::getRange).filter(r -> !r.equals("*")).findFirst();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
