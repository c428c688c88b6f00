package fr.passerelle.terminology;

/** The outcome of {@link Terminology#validate}. */
public sealed interface CodeValidation {

    boolean isValid();

    /** The coding is in the value set; {@code concept} carries the canonical system and catalogue display. */
    record Valid(Coding concept, String valueSetUrl) implements CodeValidation {
        @Override
        public boolean isValid() {
            return true;
        }
    }

    record Invalid(Coding coding, TranscodingFailure failure) implements CodeValidation {
        @Override
        public boolean isValid() {
            return false;
        }
    }
}
