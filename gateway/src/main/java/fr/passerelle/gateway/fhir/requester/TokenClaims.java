package fr.passerelle.gateway.fhir.requester;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The claims of a bearer token whose signature verified, read with their JSON types checked one by one: a claim of
 * the wrong shape is refused naming the claim and what it must be ({@link ClaimShapeException}), never mistaken for
 * a token that is not a JWT at all. Types are those of RFC 7519 §4.1 for the registered claims ({@code exp},
 * {@code iat} NumericDate numbers; {@code aud} a string or an array of strings; {@code iss}, {@code sub},
 * {@code jti} strings) and of {@code docs/implementers.md} for Passerelle's.
 */
final class TokenClaims {

    private final Map<String, Object> json;

    private TokenClaims(Map<String, Object> json) {
        this.json = json;
    }

    /** The payload as a JSON object; not one is a shape error of the whole claims set. */
    static TokenClaims of(Map<String, Object> payload) throws ClaimShapeException {
        if (payload == null) {
            throw new ClaimShapeException("the bearer token's payload must be a JSON object of claims");
        }
        return new TokenClaims(payload);
    }

    Optional<String> string(String claim) throws ClaimShapeException {
        Object value = json.get(claim);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            throw wrong(claim, "a string", value);
        }
        return Optional.of(text);
    }

    /** A string claim that must be present and not blank. */
    String requiredString(String claim) throws ClaimShapeException {
        Optional<String> value = string(claim);
        if (value.isEmpty() || value.get().isBlank()) {
            throw new ClaimShapeException("the bearer token must carry " + claim + " (a non-empty string)");
        }
        return value.get();
    }

    /** A NumericDate: seconds since the epoch, a JSON number (fractions allowed, RFC 7519 §2). */
    Instant requiredTime(String claim) throws ClaimShapeException {
        Object value = json.get(claim);
        if (value == null) {
            throw new ClaimShapeException("the bearer token must carry " + claim
                    + " (a number: seconds since 1970-01-01T00:00:00Z)");
        }
        if (!(value instanceof Number number)) {
            throw wrong(claim, "a number (seconds since 1970-01-01T00:00:00Z)", value);
        }
        double seconds = number.doubleValue();
        if (Double.isNaN(seconds) || Double.isInfinite(seconds) || Math.abs(seconds) > 1.0e11) {
            throw new ClaimShapeException("the bearer token's " + claim + " is not a plausible time");
        }
        return Instant.ofEpochMilli(Math.round(seconds * 1000));
    }

    /** An array of strings, or absent (empty); {@code aud} may also be one string (RFC 7519 §4.1.3). */
    List<String> strings(String claim, boolean singleStringAllowed) throws ClaimShapeException {
        Object value = json.get(claim);
        if (value == null) {
            return List.of();
        }
        if (singleStringAllowed && value instanceof String text) {
            return List.of(text);
        }
        String expected = singleStringAllowed ? "a string or an array of strings" : "an array of strings";
        if (!(value instanceof List<?> list)) {
            throw wrong(claim, expected, value);
        }
        List<String> strings = new ArrayList<>(list.size());
        for (Object element : list) {
            if (!(element instanceof String text)) {
                throw new ClaimShapeException("the bearer token's " + claim + " must be " + expected
                        + ", but it holds " + jsonType(element));
            }
            strings.add(text);
        }
        return strings;
    }

    private static ClaimShapeException wrong(String claim, String expected, Object value) {
        return new ClaimShapeException("the bearer token's " + claim + " must be " + expected + ", not "
                + jsonType(value));
    }

    /** The JSON type of a value (never the value itself: it may be personal data). */
    private static String jsonType(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Number) {
            return "a number";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof List<?>) {
            return "an array";
        }
        return "an object";
    }

    /** A claim whose JSON type or presence is not what the token format requires. */
    static final class ClaimShapeException extends Exception {
        private static final long serialVersionUID = 1L;

        ClaimShapeException(String message) {
            super(message, null, false, false);
        }
    }
}
