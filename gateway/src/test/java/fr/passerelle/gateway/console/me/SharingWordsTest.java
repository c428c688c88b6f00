package fr.passerelle.gateway.console.me;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.consent.ConsentTerms;
import fr.passerelle.gateway.consent.CountryScope;
import fr.passerelle.gateway.consent.SharedDocuments;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The consent page tells the original clinical documents in words a patient knows: their reports. */
class SharingWordsTest {

    @Test
    void theReportsChoiceIsToldAsTheThreeKindsOfReport() {
        ConsentTerms terms = new ConsentTerms(CountryScope.all(), EnumSet.of(SharedDocuments.PATIENT_SUMMARY,
                SharedDocuments.ORIGINAL_CLINICAL_DOCUMENTS), Optional.empty());

        assertThat(SharingWords.terms(terms, true)).isEqualTo("Vous partagez votre synthèse médicale et vos comptes "
                + "rendus (analyses de biologie, imagerie, sorties d'hospitalisation) avec les professionnels de santé "
                + "de tous les pays participants, jusqu'à ce que vous changiez d'avis.");
        assertThat(SharingWords.terms(terms, false)).isEqualTo("You share your patient summary and your reports "
                + "(laboratory results, imaging, hospital discharge) with health professionals of every participating "
                + "country, until you change your mind.");
    }
}
