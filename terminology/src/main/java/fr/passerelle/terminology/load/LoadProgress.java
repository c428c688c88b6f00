package fr.passerelle.terminology.load;

/** Told of each file as a load goes, for a progress bar; the default does nothing. */
@FunctionalInterface
public interface LoadProgress {

    LoadProgress SILENT = (step, done, total) -> { };

    /** {@code done} of {@code total} files of the current step (e.g. "ANS value sets") are loaded. */
    void progress(String step, int done, int total);
}
