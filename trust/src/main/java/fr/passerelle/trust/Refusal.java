package fr.passerelle.trust;

/**
 * The request's assertions are not believed.
 *
 * @param error  the eHDSI error to report to the requesting NCP
 * @param check  the check that failed, e.g. {@code signature}
 * @param reason why, in words safe to log and to send back (never assertion content or patient ids)
 */
public record Refusal(EhdsiError error, String check, String reason) implements Validation {
}
