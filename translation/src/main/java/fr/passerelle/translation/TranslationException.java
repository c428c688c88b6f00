package fr.passerelle.translation;

/** Carries a {@link TranslationFailure} out of the readers and writers; callers see the failure. */
public final class TranslationException extends Exception {

    private final transient TranslationFailure failure;

    public TranslationException(TranslationFailure failure) {
        super(failure.message(), null, false, false);
        this.failure = failure;
    }

    public TranslationFailure failure() {
        return failure;
    }
}
