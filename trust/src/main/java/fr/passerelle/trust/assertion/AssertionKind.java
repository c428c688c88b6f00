package fr.passerelle.trust.assertion;

import java.util.Arrays;
import java.util.Optional;

/** The eHDSI assertion types, told apart by the {@code Issuer/@NameQualifier} every eHDSI NCP sets. */
public enum AssertionKind {
    HCP("urn:ehdsi:assertions:hcp"),
    TRC("urn:ehdsi:assertions:trc"),
    NOK("urn:ehdsi:assertions:nok");

    private final String nameQualifier;

    AssertionKind(String nameQualifier) {
        this.nameQualifier = nameQualifier;
    }

    public String nameQualifier() {
        return nameQualifier;
    }

    public static Optional<AssertionKind> ofNameQualifier(String value) {
        return Arrays.stream(values()).filter(k -> k.nameQualifier.equals(value)).findFirst();
    }
}
