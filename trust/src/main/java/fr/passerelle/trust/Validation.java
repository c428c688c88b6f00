package fr.passerelle.trust;

/** The verdict on a request's assertions: believed ({@link VerifiedRequester}) or refused ({@link Refusal}). */
public sealed interface Validation permits VerifiedRequester, Refusal {
}
