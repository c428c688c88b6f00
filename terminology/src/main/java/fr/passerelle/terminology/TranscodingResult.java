package fr.passerelle.terminology;

import java.util.Objects;

/** The outcome of {@link Terminology#transcode}: a pivot coding, or why there is none. */
public sealed interface TranscodingResult {

    Coding original();

    /** The pivot coding from the MVC; {@code original} is kept to be written as CDA {@code <translation>}. */
    record Transcoded(Coding pivot, Coding original) implements TranscodingResult {
        public Transcoded {
            Objects.requireNonNull(pivot, "pivot");
            Objects.requireNonNull(original, "original");
        }
    }

    record NotTranscoded(Coding original, TranscodingFailure failure) implements TranscodingResult {
        public NotTranscoded {
            Objects.requireNonNull(original, "original");
            Objects.requireNonNull(failure, "failure");
        }
    }
}
