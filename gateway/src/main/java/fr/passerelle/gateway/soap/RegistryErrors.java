package fr.passerelle.gateway.soap;

import fr.passerelle.gateway.ihe.XdsVocabulary;
import fr.passerelle.gateway.ihe.ebxml.rs.RegistryError;
import fr.passerelle.gateway.ihe.ebxml.rs.RegistryErrorList;
import java.util.List;

/**
 * The ebRS {@code RegistryErrorList} of the protocol model: a {@code RegistryError} per refusal, with its location and
 * severity; the list's highest severity is Error unless every line is a warning.
 */
public final class RegistryErrors {

    public static final String ERROR_SEVERITY = XdsVocabulary.ERROR_SEVERITY;
    public static final String WARNING_SEVERITY = XdsVocabulary.WARNING_SEVERITY;

    /**
     * One error line: the refusal, where it applies (a document uniqueId, or empty for the whole request), and
     * whether it is only a warning (the request was answered, this part of it was not served).
     */
    public record Line(BusinessRefusal refusal, String location, boolean warning) {
        public Line {
            java.util.Objects.requireNonNull(refusal, "refusal");
            location = location == null ? "" : location;
        }

        public Line(BusinessRefusal refusal, String location) {
            this(refusal, location, false);
        }
    }

    private RegistryErrors() {
    }

    /** The list of the protocol model, or null (no list at all) when there is no error. */
    public static RegistryErrorList list(List<Line> lines) {
        if (lines.isEmpty()) {
            return null;
        }
        return new RegistryErrorList()
                .withHighestSeverity(lines.stream().allMatch(Line::warning) ? WARNING_SEVERITY : ERROR_SEVERITY)
                .withRegistryError(lines.stream().map(line -> new RegistryError()
                        .withErrorCode(line.refusal().code().code()).withCodeContext(line.refusal().context())
                        .withLocation(line.location()).withSeverity(line.warning() ? WARNING_SEVERITY : ERROR_SEVERITY))
                        .toList());
    }
}
