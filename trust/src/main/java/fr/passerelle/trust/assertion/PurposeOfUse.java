package fr.passerelle.trust.assertion;

import java.util.Locale;
import java.util.Optional;

/** Why the practitioner asks, as eHDSI allows it. */
public enum PurposeOfUse {
    TREATMENT,
    EMERGENCY;

    public static Optional<PurposeOfUse> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
