package fr.passerelle.gateway.access;

import static fr.passerelle.gateway.access.AccessFixtures.NOW;
import static fr.passerelle.gateway.access.AccessFixtures.authorised;
import static fr.passerelle.gateway.access.AccessFixtures.psRetrieve;
import static fr.passerelle.gateway.access.AccessFixtures.request;
import static fr.passerelle.gateway.access.AccessFixtures.revoked;
import static fr.passerelle.gateway.access.AccessFixtures.spanishGp;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.consent.CountryScope;
import fr.passerelle.gateway.consent.DefaultConsent;
import fr.passerelle.gateway.consent.SharedDocuments;
import fr.passerelle.gateway.ehdsi.ExchangeError;
import fr.passerelle.gateway.healthspace.DocumentKind;
import fr.passerelle.gateway.healthspace.PatientControls;
import fr.passerelle.trust.assertion.PurposeOfUse;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every rule of the access policy, each with the decision and the eHDSI code it reports. */
class PatientRulesTest {

    private final PatientRules optIn = new PatientRules(DefaultConsent.NO_ACCESS);
    private final PatientRules optOut = new PatientRules(DefaultConsent.ALL_PARTICIPATING_COUNTRIES);
    private final Optional<fr.passerelle.gateway.consent.ConsentVersion> allCountriesBoth = authorised(
            CountryScope.all(), Optional.empty(), SharedDocuments.PATIENT_SUMMARY, SharedDocuments.EPRESCRIPTIONS);

    @Test
    void noDecisionMeansNoAccessByDefault() {
        AccessDecision decision = optIn.decide(psRetrieve(spanishGp(), PurposeOfUse.TREATMENT), Optional.empty(),
                PatientControls.NONE, NOW);

        assertThat(decision).isEqualTo(new AccessDecision.Refused(DecidingRule.NO_CONSENT, ExchangeError.ERROR_NO_CONSENT));
        assertThat(((AccessDecision.Refused) decision).error().code()).isEqualTo("4701");
    }

    @Test
    void anOptOutDeploymentGrantsUntilThePatientDecides() {
        assertThat(optOut.decide(psRetrieve(spanishGp(), PurposeOfUse.TREATMENT), Optional.empty(),
                PatientControls.NONE, NOW)).isEqualTo(new AccessDecision.Granted(DecidingRule.DEFAULT_ALLOWS, false));
        // …and a revocation still wins over the default.
        assertThat(optOut.decide(psRetrieve(spanishGp(), PurposeOfUse.TREATMENT), revoked(), PatientControls.NONE,
                NOW).rule()).isEqualTo(DecidingRule.CONSENT_REVOKED);
    }

    @Test
    void anOptOutDefaultDoesNotShareTheOriginalClinicalDocuments() {
        for (DocumentKind kind : DocumentKind.ORIGINAL_CLINICAL_DOCUMENTS) {
            assertThat(optOut.decide(request(spanishGp(), PurposeOfUse.TREATMENT, CrossBorderTransaction.DOCUMENT_LIST,
                    kind), Optional.empty(), PatientControls.NONE, NOW)).as(kind.name())
                    .isEqualTo(new AccessDecision.Refused(DecidingRule.DOCUMENTS_NOT_AUTHORISED,
                            ExchangeError.ERROR_NO_CONSENT));
        }
        assertThat(optOut.decide(request(spanishGp(), PurposeOfUse.TREATMENT, CrossBorderTransaction.DOCUMENT_LIST,
                DocumentKind.EPRESCRIPTION), Optional.empty(), PatientControls.NONE, NOW).rule())
                .isEqualTo(DecidingRule.DEFAULT_ALLOWS);
    }

    @Test
    void aConsentToOriginalClinicalDocumentsCoversTheThreeReportsAndNothingElse() {
        Optional<fr.passerelle.gateway.consent.ConsentVersion> reports = authorised(CountryScope.all(),
                Optional.empty(), SharedDocuments.ORIGINAL_CLINICAL_DOCUMENTS);
        for (DocumentKind kind : DocumentKind.values()) {
            AccessDecision decision = optIn.decide(request(spanishGp(), PurposeOfUse.TREATMENT,
                    CrossBorderTransaction.DOCUMENT_LIST, kind), reports, PatientControls.NONE, NOW);
            assertThat(decision.rule()).as(kind.name()).isEqualTo(kind.originalClinicalDocument()
                    ? DecidingRule.CONSENT_COVERS_REQUEST : DecidingRule.DOCUMENTS_NOT_AUTHORISED);
        }
    }

    @Test
    void aConsentToAllCountriesAndBothDocumentsGrantsEach() {
        for (DocumentKind kind : EnumSet.complementOf(EnumSet.copyOf(DocumentKind.ORIGINAL_CLINICAL_DOCUMENTS))) {
            AccessDecision decision = optIn.decide(request(spanishGp(), PurposeOfUse.TREATMENT,
                    CrossBorderTransaction.DOCUMENT_LIST, kind), allCountriesBoth, PatientControls.NONE, NOW);
            assertThat(decision).as(kind.name())
                    .isEqualTo(new AccessDecision.Granted(DecidingRule.CONSENT_COVERS_REQUEST, false));
        }
    }

    @Test
    void aListOfCountriesRefusesTheOthers() {
        var belgiumOnly = authorised(CountryScope.of(Set.of("BE", "lu")), Optional.empty(),
                SharedDocuments.PATIENT_SUMMARY);
        Requester belgian = new Requester("be", "ncp-be", "BE-1", "2211", "CHU Liège");

        assertThat(optIn.decide(psRetrieve(spanishGp(), PurposeOfUse.TREATMENT), belgiumOnly, PatientControls.NONE,
                NOW)).isEqualTo(new AccessDecision.Refused(DecidingRule.COUNTRY_NOT_AUTHORISED,
                ExchangeError.ERROR_NO_CONSENT));
        assertThat(optIn.decide(psRetrieve(belgian, PurposeOfUse.TREATMENT), belgiumOnly, PatientControls.NONE,
                NOW)).isInstanceOf(AccessDecision.Granted.class);
    }

    @Test
    void aPatientSummaryConsentDoesNotOpenThePrescriptionsNorTheDispensation() {
        var psOnly = authorised(CountryScope.all(), Optional.empty(), SharedDocuments.PATIENT_SUMMARY);

        assertThat(optIn.decide(request(spanishGp(), PurposeOfUse.TREATMENT, CrossBorderTransaction.DOCUMENT_LIST,
                DocumentKind.EPRESCRIPTION), psOnly, PatientControls.NONE, NOW))
                .isEqualTo(new AccessDecision.Refused(DecidingRule.DOCUMENTS_NOT_AUTHORISED,
                        ExchangeError.ERROR_NO_CONSENT));
        assertThat(optIn.decide(request(spanishGp(), PurposeOfUse.TREATMENT, CrossBorderTransaction.DISPENSATION,
                DocumentKind.EDISPENSATION), psOnly, PatientControls.NONE, NOW).rule())
                .isEqualTo(DecidingRule.DOCUMENTS_NOT_AUTHORISED);
        // A request for both kinds is refused as a whole when one is not covered.
        assertThat(optIn.decide(request(spanishGp(), PurposeOfUse.TREATMENT, CrossBorderTransaction.DOCUMENT_LIST,
                DocumentKind.PATIENT_SUMMARY, DocumentKind.EPRESCRIPTION), psOnly, PatientControls.NONE, NOW).rule())
                .isEqualTo(DecidingRule.DOCUMENTS_NOT_AUTHORISED);
    }

    @Test
    void aPrescriptionConsentCoversTheDispensationAbroad() {
        var epOnly = authorised(CountryScope.all(), Optional.empty(), SharedDocuments.EPRESCRIPTIONS);

        assertThat(optIn.decide(request(spanishGp(), PurposeOfUse.TREATMENT, CrossBorderTransaction.DISPENSATION,
                DocumentKind.EDISPENSATION), epOnly, PatientControls.NONE, NOW))
                .isInstanceOf(AccessDecision.Granted.class);
    }

    @Test
    void aConsentEndsAtItsDate() {
        Instant until = NOW.plusSeconds(60);
        var dated = authorised(CountryScope.all(), Optional.of(until), SharedDocuments.PATIENT_SUMMARY);

        assertThat(optIn.decide(psRetrieve(spanishGp(), PurposeOfUse.TREATMENT), dated, PatientControls.NONE,
                until.minusMillis(1))).isInstanceOf(AccessDecision.Granted.class);
        assertThat(optIn.decide(psRetrieve(spanishGp(), PurposeOfUse.TREATMENT), dated, PatientControls.NONE, until))
                .isEqualTo(new AccessDecision.Refused(DecidingRule.CONSENT_EXPIRED, ExchangeError.ERROR_NO_CONSENT));
    }

    @Test
    void aRevokedConsentRefuses() {
        assertThat(optIn.decide(psRetrieve(spanishGp(), PurposeOfUse.TREATMENT), revoked(), PatientControls.NONE,
                NOW)).isEqualTo(new AccessDecision.Refused(DecidingRule.CONSENT_REVOKED, ExchangeError.ERROR_NO_CONSENT));
    }

    @Test
    void aBlockedProfessionalIsRefusedWhateverTheConsent() {
        PatientControls blocking = new PatientControls(Set.of("ES-12345"), false, false);

        AccessDecision decision = optIn.decide(psRetrieve(spanishGp(), PurposeOfUse.TREATMENT), allCountriesBoth,
                blocking, NOW);

        assertThat(decision).isEqualTo(new AccessDecision.Refused(DecidingRule.PROFESSIONAL_BLOCKED,
                ExchangeError.ERROR_INSUFFICIENT_RIGHTS));
        assertThat(((AccessDecision.Refused) decision).error().code()).isEqualTo("4703");
    }

    @Test
    void anOppositionToEmergencyAccessRefusesEmergencyButNotTreatment() {
        PatientControls opposes = new PatientControls(Set.of(), true, true);

        assertThat(optIn.decide(psRetrieve(spanishGp(), PurposeOfUse.EMERGENCY), allCountriesBoth, opposes, NOW))
                .isEqualTo(new AccessDecision.Refused(DecidingRule.EMERGENCY_ACCESS_OPPOSED,
                        ExchangeError.ERROR_INSUFFICIENT_RIGHTS));
        assertThat(optIn.decide(psRetrieve(spanishGp(), PurposeOfUse.TREATMENT), allCountriesBoth, opposes, NOW))
                .isEqualTo(new AccessDecision.Granted(DecidingRule.CONSENT_COVERS_REQUEST, false));
    }

    @Test
    void maskedDocumentsAreVisibleOnlyInAnEmergencyThePatientAllowedThemIn() {
        PatientControls allowsMasked = new PatientControls(Set.of(), false, true);
        PatientControls keepsMasked = new PatientControls(Set.of(), false, false);

        assertThat(optIn.decide(psRetrieve(spanishGp(), PurposeOfUse.EMERGENCY), allCountriesBoth, allowsMasked, NOW))
                .isEqualTo(new AccessDecision.Granted(DecidingRule.CONSENT_COVERS_REQUEST, true));
        assertThat(optIn.decide(psRetrieve(spanishGp(), PurposeOfUse.TREATMENT), allCountriesBoth, allowsMasked, NOW))
                .isEqualTo(new AccessDecision.Granted(DecidingRule.CONSENT_COVERS_REQUEST, false));
        assertThat(optIn.decide(psRetrieve(spanishGp(), PurposeOfUse.EMERGENCY), allCountriesBoth, keepsMasked, NOW))
                .isEqualTo(new AccessDecision.Granted(DecidingRule.CONSENT_COVERS_REQUEST, false));
    }

    @Test
    void emergencyStillNeedsTheCrossBorderConsent() {
        PatientControls allowsEmergency = new PatientControls(Set.of(), false, true);

        assertThat(optIn.decide(psRetrieve(spanishGp(), PurposeOfUse.EMERGENCY), Optional.empty(), allowsEmergency,
                NOW).rule()).isEqualTo(DecidingRule.NO_CONSENT);
    }

    @Test
    void identificationNeedsAConsentForTheCountry() {
        AccessRequest identify = request(spanishGp(), PurposeOfUse.TREATMENT,
                CrossBorderTransaction.PATIENT_IDENTIFICATION);
        var belgiumOnly = authorised(CountryScope.of(Set.of("BE")), Optional.empty(), SharedDocuments.EPRESCRIPTIONS);

        assertThat(optIn.decide(identify, Optional.empty(), PatientControls.NONE, NOW).rule())
                .isEqualTo(DecidingRule.NO_CONSENT);
        assertThat(optIn.decide(identify, belgiumOnly, PatientControls.NONE, NOW).rule())
                .isEqualTo(DecidingRule.COUNTRY_NOT_AUTHORISED);
        assertThat(optIn.decide(identify, allCountriesBoth, PatientControls.NONE, NOW))
                .isInstanceOf(AccessDecision.Granted.class);
    }
}
