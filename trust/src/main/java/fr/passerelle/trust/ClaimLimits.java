package fr.passerelle.trust;

/**
 * The longest identity claims Passerelle believes, whichever way they arrive (SAML assertion, bearer token): checked
 * where a claim is read, so an over-long one is a refusal with a reason, never a failure further on (a database
 * column, a log line). Generous for real identifiers: eHDSI NameIDs, OIDs and URNs stay well under them.
 */
public final class ClaimLimits {

    /** Assertion and token ids, practitioner ids (NameID, {@code sub}), the TRC patient, attribute values. */
    public static final int IDENTIFIER = 256;
    /** Practitioner and organisation names, organisation ids, point of care, facility. */
    public static final int NAME = 256;
    /** Role codes and display names, permissions, purposes of use. */
    public static final int CODE = 128;
    /** How many permissions or values one claim may list. */
    public static final int VALUES = 64;

    private ClaimLimits() {
    }

    /** Whether {@code value} is absent or at most {@code max} characters. */
    public static boolean fits(String value, int max) {
        return value == null || value.length() <= max;
    }
}
