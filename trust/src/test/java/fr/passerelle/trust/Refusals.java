package fr.passerelle.trust;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertion helpers: a validation must be a refusal with this error, at this check, for this reason. */
final class Refusals {

    private Refusals() {
    }

    static void assertRefused(Validation validation, EhdsiError error, String check, String reasonFragment) {
        assertThat(validation).isInstanceOf(Refusal.class);
        Refusal refusal = (Refusal) validation;
        assertThat(refusal.check()).as("failed check of %s", refusal).isEqualTo(check);
        assertThat(refusal.reason()).as("reason of %s", refusal).contains(reasonFragment);
        assertThat(refusal.error()).as("error of %s", refusal).isEqualTo(error);
    }
}
