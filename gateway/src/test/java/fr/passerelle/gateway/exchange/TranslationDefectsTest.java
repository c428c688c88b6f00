package fr.passerelle.gateway.exchange;

import fr.passerelle.gateway.conformance.PivotConformance;
import fr.passerelle.gateway.ehdsi.ExchangeError;
import fr.passerelle.gateway.testsupport.Fixtures;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import fr.passerelle.gateway.fhir.outcome.FhirRefusal;
import fr.passerelle.gateway.soap.BusinessRefusal;
import fr.passerelle.gateway.soap.XuaServiceProvider;
import fr.passerelle.terminology.TerminologyCatalogue;
import fr.passerelle.translation.DocumentTranslator;
import fr.passerelle.translation.TranslationOutcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A translation that cannot be made is answered with the eHDSI transcoding error (4203) on every road, never a
 * server error: a document the translator rejects, and — should one ever escape — a translator defect, which is
 * logged once with its stack trace.
 */
class TranslationDefectsTest {

    private static final Path FR_CDA = Fixtures.FR_CDA;

    @Test
    void aTranslatorThatThrowsIsLoggedOnceWithItsStackAndAnsweredAsTheTranscodingError() {
        Logger logger = (Logger) LoggerFactory.getLogger(TranslationDefects.class);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        logger.addAppender(logs);
        try {
            Optional<TranslationOutcome> outcome = TranslationDefects.guarded("FHIR_IPS", () -> {
                throw new NullPointerException("a defect");
            });

            assertThat(outcome).isEmpty();
            assertThat(logs.list).hasSize(1);
            ILoggingEvent event = logs.list.get(0);
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getThrowableProxy()).isNotNull();
            assertThat(event.getThrowableProxy().getClassName()).isEqualTo(NullPointerException.class.getName());
            assertThat(event.getFormattedMessage()).contains("FHIR_IPS").contains("4203");
        } finally {
            logger.detachAppender(logs);
        }

        ExchangeRefusal refusal = TranslationDefects.refusal();
        assertThat(refusal.error()).isEqualTo(ExchangeError.ERROR_TRANSCODING_ERROR);
        assertThat(refusal.reason()).contains("internal fault").doesNotContain("NullPointerException");
        // SOAP roads: a RegistryError 4203; FHIR roads: an OperationOutcome coded 4203, not a 500.
        BusinessRefusal soap = XuaServiceProvider.refusalOf(refusal);
        assertThat(soap.code().code()).isEqualTo("4203");
        FhirRefusal fhir = FhirRefusal.of(refusal);
        assertThat(fhir.getStatusCode()).isEqualTo(422);
        assertThat(((OperationOutcome) fhir.getOperationOutcome()).getIssueFirstRep().getDetails().getCodingFirstRep()
                .getCode()).isEqualTo("4203");
    }

    @Test
    void aRejectedTranslationIsTheTranscodingErrorAndAnIrregularQuantityNoLongerFailsTheFhirRoad() throws Exception {
        TranslatedDocuments translations = new TranslatedDocuments(new DocumentTranslator(
                TerminologyCatalogue.load(Path.of("../src/data/terminology"))), 1 << 20, PivotConformance.off());
        byte[] dispensation = Files.readAllBytes(FR_CDA.resolve("eDISP-MED_2024.01.xml"));

        TranslatedDocuments.Translation rejected = translations.translate("edisp", Rendering.PIVOT_CDA, Optional.empty(),
                () -> dispensation);

        assertThat(rejected).isInstanceOf(TranslatedDocuments.Failed.class);
        assertThat(((TranslatedDocuments.Failed) rejected).refusal().error()).isEqualTo(ExchangeError.ERROR_TRANSCODING_ERROR);

        // A nullFlavored quantity and a decimal comma in a vital sign made the FHIR road throw (a 500) before.
        String vsm = Files.readString(FR_CDA.resolve("VSM_1.4_2022.01.xml"), StandardCharsets.UTF_8);
        String irregular = vsm.replaceFirst("(<value xsi:type=\"PQ\" value=\")([0-9]+)(\\.[0-9]+)?\"", "$1$2,5\"");
        assertThat(irregular).isNotEqualTo(vsm);
        TranslatedDocuments.Translation done = translations.translate("vsm-comma", Rendering.FHIR_IPS, Optional.empty(),
                () -> irregular.getBytes(StandardCharsets.UTF_8));
        assertThat(done).isInstanceOf(TranslatedDocuments.Done.class);
    }
}
