package fr.passerelle.gateway.console.me;

import fr.passerelle.gateway.consent.ConsentStatus;
import fr.passerelle.gateway.consent.ConsentTerms;
import fr.passerelle.gateway.consent.ConsentVersion;
import fr.passerelle.gateway.consent.CountryScope;
import fr.passerelle.gateway.consent.DefaultConsent;
import fr.passerelle.gateway.consent.SharedDocuments;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The patient's sharing told in plain French or English. */
final class SharingWords {

    /** The countries offered on the form: the EU and EEA countries other than France. */
    static final List<String> COUNTRIES = List.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "GR",
            "HR", "HU", "IE", "IS", "IT", "LI", "LT", "LU", "LV", "MT", "NL", "NO", "PL", "PT", "RO", "SE", "SI", "SK");

    private static final DateTimeFormatter FR_DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);
    private static final DateTimeFormatter EN_DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private SharingWords() {
    }

    /** The current state: what a foreign professional can see today. */
    static String current(Optional<ConsentVersion> current, DefaultConsent defaultAccess, Instant now, boolean fr) {
        if (current.isEmpty()) {
            if (defaultAccess == DefaultConsent.ALL_PARTICIPATING_COUNTRIES) {
                return fr ? "Vous n'avez rien choisi : par défaut, votre synthèse médicale et vos ordonnances "
                        + "électroniques peuvent être consultées par les professionnels de santé de tous les pays "
                        + "participants."
                        : "You have not chosen yet: by default, health professionals of every participating country "
                        + "can see your patient summary and your ePrescriptions.";
            }
            return fr ? "Vous n'avez rien choisi : par défaut, aucun professionnel de santé à l'étranger ne peut "
                    + "consulter vos données."
                    : "You have not chosen yet: by default, no health professional abroad can see your data.";
        }
        ConsentVersion version = current.get();
        if (version.status() == ConsentStatus.REVOKED || version.terms().isEmpty()) {
            return fr ? "Vous ne partagez pas vos données : aucun professionnel de santé à l'étranger ne peut les "
                    + "consulter."
                    : "You do not share your data: no health professional abroad can see it.";
        }
        ConsentTerms terms = version.terms().get();
        if (terms.expiredAt(now)) {
            return fr ? "Votre partage a pris fin le " + lastDay(terms, true) + " : plus personne à l'étranger ne "
                    + "peut consulter vos données."
                    : "Your sharing ended on " + lastDay(terms, false) + ": nobody abroad can see your data any more.";
        }
        return terms(terms, fr);
    }

    /** The terms of an authorisation, as one sentence. */
    static String terms(ConsentTerms terms, boolean fr) {
        String documents = terms.documents().stream().sorted().map(d -> document(d, fr))
                .collect(Collectors.joining(fr ? " et " : " and "));
        String who = terms.countries() instanceof CountryScope.Listed listed
                ? (fr ? "les professionnels de santé de ces pays : " : "health professionals of these countries: ")
                        + listed.countries().stream().sorted().map(c -> country(c, fr))
                        .collect(Collectors.joining(", "))
                : (fr ? "les professionnels de santé de tous les pays participants"
                        : "health professionals of every participating country");
        String until = terms.validUntil().isPresent()
                ? (fr ? ", jusqu'au " + lastDay(terms, true) + " inclus" : ", until " + lastDay(terms, false)
                        + " included")
                : (fr ? ", jusqu'à ce que vous changiez d'avis" : ", until you change your mind");
        return fr ? "Vous partagez " + documents + " avec " + who + until + "."
                : "You share " + documents + " with " + who + until + ".";
    }

    static String document(SharedDocuments document, boolean fr) {
        return switch (document) {
            case PATIENT_SUMMARY -> fr ? "votre synthèse médicale" : "your patient summary";
            case EPRESCRIPTIONS -> fr ? "vos ordonnances électroniques" : "your ePrescriptions";
            case ORIGINAL_CLINICAL_DOCUMENTS -> fr
                    ? "vos comptes rendus (analyses de biologie, imagerie, sorties d'hospitalisation)"
                    : "your reports (laboratory results, imaging, hospital discharge)";
        };
    }

    static String country(String code, boolean fr) {
        String iso = code.equals("EL") ? "GR" : code;
        return new Locale("", iso).getDisplayCountry(fr ? Locale.FRENCH : Locale.ENGLISH);
    }

    private static String lastDay(ConsentTerms terms, boolean fr) {
        return terms.validUntil().map(end -> end.atZone(SharingChoice.FRANCE).toLocalDate().minusDays(1))
                .map(day -> (fr ? FR_DAY : EN_DAY).format(day)).orElse("");
    }
}
