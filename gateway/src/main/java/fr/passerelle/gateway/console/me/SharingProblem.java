package fr.passerelle.gateway.console.me;

/** What is wrong with a sharing form, in the patient's language. */
public enum SharingProblem {
    NO_CHOICE("Choisissez si vous partagez vos données, et avec quels pays.",
            "Choose whether you share your data, and with which countries."),
    NO_COUNTRY("Cochez au moins un pays, ou choisissez « tous les pays ».",
            "Tick at least one country, or choose \"all countries\"."),
    BAD_COUNTRY("Un des pays choisis n'est pas reconnu.", "One of the chosen countries is not recognised."),
    NO_DOCUMENT("Cochez au moins un type de document à partager.", "Tick at least one kind of document to share."),
    BAD_DATE("La date de fin doit être une date (jour, mois, année).",
            "The end date must be a date (day, month, year)."),
    PAST_DATE("La date de fin doit être aujourd'hui ou plus tard.", "The end date must be today or later.");

    private final String french;
    private final String english;

    SharingProblem(String french, String english) {
        this.french = french;
        this.english = english;
    }

    public String text(boolean inFrench) {
        return inFrench ? french : english;
    }

    /** Thrown by {@link SharingChoice#toChange} for a form that cannot be recorded. */
    static final class Invalid extends Exception {
        private final SharingProblem problem;

        Invalid(SharingProblem problem) {
            super(problem.name(), null, false, false);
            this.problem = problem;
        }

        SharingProblem problem() {
            return problem;
        }
    }
}
