package fr.passerelle.gateway.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import fr.passerelle.gateway.conformance.ConformanceProperties.DocumentKind;
import fr.passerelle.gateway.conformance.ConformanceProperties.Mode;
import fr.passerelle.gateway.conformance.PivotConformance.PivotType;
import fr.passerelle.gateway.conformance.PivotConformance.Refuse;
import fr.passerelle.gateway.conformance.PivotConformance.Send;
import fr.passerelle.gateway.ehdsi.ExchangeError;
import fr.passerelle.gateway.exchange.Rendering;
import fr.passerelle.gateway.exchange.TranslatedDocuments;
import fr.passerelle.terminology.TerminologyCatalogue;
import fr.passerelle.translation.DocumentTranslator;
import fr.passerelle.translation.TranslationOutcome;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * The run-time check of outgoing pivots: with schematrons written for the test (tiny: rules our pivots meet;
 * strict: a rule they do not), and with the real eHDSI ART-DECOR runtime when it is present (skipped loudly
 * otherwise, failed when {@code PASSERELLE_EHDSI_VALIDATORS=required}).
 */
class PivotConformanceTest {

    private static final Path SCHEMATRONS = Path.of("src/test/resources/conformance");
    private static final Path DEMO = Path.of("../src/data/demo/documents");
    private static DocumentTranslator translator;
    private static String psPivot;

    @BeforeAll
    static void translateADemoSummary() throws Exception {
        translator = new DocumentTranslator(TerminologyCatalogue.load(Path.of("../src/data/terminology")));
        psPivot = pivot("lefevre-ps-vsm.xml");
    }

    @Test
    void aConformantPivotIsSentAndCounted() {
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        PivotConformance check = PivotConformance.start(properties(Mode.ENFORCE, "tiny.sch"), metrics);
        // The warning of tiny.sch fails on every pivot: a warning never refuses.
        assertThat(check.check(bytes(psPivot))).isInstanceOf(Send.class);
        assertThat(metrics.counter(PivotConformance.DOCUMENTS, "document", "PS_L3", "outcome", "conformant").count())
                .isEqualTo(1);
        assertThat(metrics.find(PivotConformance.RULE_FAILURES).counters()).isEmpty();
        assertThat(metrics.timer(PivotConformance.TIMER, "document", "PS_L3").count()).isEqualTo(1);
    }

    @Test
    void logModeSendsANonConformantPivotAndCountsEachFailedRule() {
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        PivotConformance check = PivotConformance.start(properties(Mode.LOG, "tiny.sch"), metrics, Runnable::run);
        String broken = psPivot.replaceFirst("(?s)<relatedDocument.*?</relatedDocument>", "");
        assertThat(check.check(bytes(broken))).isInstanceOf(Send.class);
        assertThat(metrics.counter(PivotConformance.RULE_FAILURES, "document", "PS_L3", "rule", "tiny#2").count())
                .isEqualTo(1);
        assertThat(metrics.counter(PivotConformance.DOCUMENTS, "document", "PS_L3", "outcome", "sent-nonconformant")
                .count()).isEqualTo(1);
    }

    @Test
    void logModeAnswersBeforeTheCheckRunsAndChecksOnTheBackgroundThread() throws Exception {
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        List<Runnable> pending = new ArrayList<>();
        PivotConformance deferred = PivotConformance.start(properties(Mode.LOG, "tiny.sch"), metrics, pending::add);
        String broken = psPivot.replaceFirst("(?s)<relatedDocument.*?</relatedDocument>", "");
        assertThat(deferred.check(bytes(broken))).isInstanceOf(Send.class);
        assertThat(metrics.find(PivotConformance.RULE_FAILURES).counters()).isEmpty();
        assertThat(pending).hasSize(1);
        pending.get(0).run();
        assertThat(metrics.counter(PivotConformance.RULE_FAILURES, "document", "PS_L3", "rule", "tiny#2").count())
                .isEqualTo(1);

        // The gateway's own background: a daemon thread of its own, its backlog a gauge.
        SimpleMeterRegistry live = new SimpleMeterRegistry();
        try (PivotConformance background = PivotConformance.start(properties(Mode.LOG, "tiny.sch"), live)) {
            assertThat(background.check(bytes(broken))).isInstanceOf(Send.class);
            assertThat(live.find(PivotConformance.BACKLOG).gauge()).isNotNull();
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (live.find(PivotConformance.DOCUMENTS).tag("outcome", "sent-nonconformant").counter() == null
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(live.counter(PivotConformance.DOCUMENTS, "document", "PS_L3", "outcome", "sent-nonconformant")
                    .count()).isEqualTo(1);
        }
    }

    @Test
    void aPivotSentWhileTheBacklogIsFullIsCountedUnchecked() {
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        PivotConformance busy = PivotConformance.start(properties(Mode.LOG, "tiny.sch"), metrics, task -> {
            throw new RejectedExecutionException("full");
        });
        assertThat(busy.check(bytes(psPivot))).isInstanceOf(Send.class);
        assertThat(metrics.counter(PivotConformance.DOCUMENTS, "document", "PS_L3", "outcome", "unchecked-busy")
                .count()).isEqualTo(1);
        assertThatThrownBy(() -> PivotConformance.start(new ConformanceProperties(Mode.LOG, SCHEMATRONS, "tiny.sch",
                "tiny.sch", "tiny.sch", "tiny.sch", "tiny.sch", "tiny.sch", "tiny.sch", 0, null), metrics))
                .hasMessageContaining("log-backlog");
    }

    /** An agency may enforce the check where it is cheap (ePrescriptions) and only log it where it is not. */
    @Test
    void eachKindOfDocumentIsCheckedInItsOwnMode() throws Exception {
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        PivotConformance check = PivotConformance.start(properties(Mode.LOG, "tiny.sch",
                Map.of(DocumentKind.EPRESCRIPTION, Mode.ENFORCE)), metrics, Runnable::run);
        String brokenSummary = psPivot.replaceFirst("(?s)<recordTarget>.*?</recordTarget>", "");
        String brokenPrescription = pivot("lefevre-ep.xml").replaceFirst("(?s)<recordTarget>.*?</recordTarget>", "");
        assertThat(check.check(bytes(brokenSummary))).isInstanceOf(Send.class);
        assertThat(check.check(bytes(brokenPrescription))).isInstanceOfSatisfying(Refuse.class,
                r -> assertThat(r.reason()).contains("EP_L3"));
        assertThat(metrics.counter(PivotConformance.DOCUMENTS, "document", "PS_L3", "outcome", "sent-nonconformant")
                .count()).isEqualTo(1);
        assertThat(metrics.counter(PivotConformance.DOCUMENTS, "document", "EP_L3", "outcome", "refused").count())
                .isEqualTo(1);

        // Patient Summaries off, ePrescriptions enforced: a summary is not even looked at ...
        SimpleMeterRegistry only = new SimpleMeterRegistry();
        PivotConformance prescriptions = PivotConformance.start(new ConformanceProperties(Mode.OFF, SCHEMATRONS,
                "missing.sch", "missing.sch", "tiny.sch", "tiny.sch", "missing.sch", "missing.sch", "missing.sch", 1,
                Map.of(DocumentKind.EPRESCRIPTION, Mode.ENFORCE)), only);
        assertThat(prescriptions.check(bytes(brokenSummary))).isInstanceOf(Send.class);
        assertThat(only.find(PivotConformance.TIMER).timers()).isEmpty();
        assertThat(prescriptions.check(bytes(brokenPrescription))).isInstanceOf(Refuse.class);
        // ... but a pivot of no known kind could be an enforced one: not sent.
        assertThat(prescriptions.check(bytes("<ClinicalDocument xmlns=\"urn:hl7-org:v3\"/>")))
                .isInstanceOf(Refuse.class);
        PivotConformance logged = PivotConformance.start(properties(Mode.OFF, "tiny.sch",
                Map.of(DocumentKind.EPRESCRIPTION, Mode.LOG)), new SimpleMeterRegistry(), Runnable::run);
        assertThat(logged.check(bytes("<ClinicalDocument xmlns=\"urn:hl7-org:v3\"/>"))).isInstanceOf(Send.class);
    }

    /** The original clinical documents are eHDSI pivots too, each with its own schematron: checked, not refused. */
    @Test
    void anOriginalClinicalDocumentIsCheckedAgainstItsOwnSchematron() throws Exception {
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        PivotConformance check = PivotConformance.start(properties(Mode.ENFORCE, "tiny.sch"), metrics);
        for (String[] report : new String[][] {{"berthelot-cr-bio.xml", "ORCD_LABORATORY_RESULT"},
                {"lefevre-ldl-ses.xml", "ORCD_DISCHARGE_REPORT"}, {"berthelot-cr-img.xml", "ORCD_IMAGING_REPORT"}}) {
            String orcd = orcd(report[0]);
            assertThat(check.check(bytes(orcd))).as(report[0]).isInstanceOf(Send.class);
            assertThat(metrics.timer(PivotConformance.TIMER, "document", report[1]).count()).as(report[0]).isEqualTo(1);
            String broken = orcd.replaceFirst("(?s)<recordTarget>.*?</recordTarget>", "");
            assertThat(check.check(bytes(broken))).as(report[0]).isInstanceOfSatisfying(Refuse.class,
                    r -> assertThat(r.reason()).contains(report[1]));
        }
    }

    @Test
    void enforceModeRefusesANonConformantPivot() {
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        PivotConformance check = PivotConformance.start(properties(Mode.ENFORCE, "tiny.sch"), metrics);
        String broken = psPivot.replaceFirst("(?s)<recordTarget>.*?</recordTarget>", "");
        assertThat(check.check(bytes(broken))).isInstanceOfSatisfying(Refuse.class,
                r -> assertThat(r.reason()).contains("PS_L3").contains("1 rule(s)").doesNotContain("PAT-TROIS"));
        assertThat(metrics.counter(PivotConformance.RULE_FAILURES, "document", "PS_L3", "rule", "tiny#1").count())
                .isEqualTo(1);
        // Not an eHDSI pivot at all: nothing to check it with, so it is not sent.
        assertThat(check.check(bytes("<ClinicalDocument xmlns=\"urn:hl7-org:v3\"/>"))).isInstanceOf(Refuse.class);
    }

    /** Where the gateway uses the check: a refused pivot is the eHDSI transcoding error, and is not kept. */
    @Test
    void anEnforcedRefusalIsTheTranscodingErrorOfTheRetrieve() throws Exception {
        byte[] french = Files.readAllBytes(DEMO.resolve("lefevre-ps-vsm.xml"));
        TranslatedDocuments enforced = new TranslatedDocuments(translator, 1 << 20,
                PivotConformance.start(properties(Mode.ENFORCE, "strict.sch"), new SimpleMeterRegistry()));
        TranslatedDocuments.Translation refused = enforced.translate("1.2.3^ps", Rendering.PIVOT_CDA, Optional.empty(),
                () -> french);
        assertThat(refused).isInstanceOfSatisfying(TranslatedDocuments.Failed.class,
                f -> assertThat(f.refusal().error()).isEqualTo(ExchangeError.ERROR_TRANSCODING_ERROR));
        assertThat(enforced.cachedEntries()).isZero();
        // FHIR renderings are not pivots: not checked.
        assertThat(enforced.translate("1.2.3^ps", Rendering.FHIR_IPS, Optional.empty(), () -> french))
                .isInstanceOf(TranslatedDocuments.Done.class);

        TranslatedDocuments logged = new TranslatedDocuments(translator, 1 << 20,
                PivotConformance.start(properties(Mode.LOG, "strict.sch"), new SimpleMeterRegistry(), Runnable::run));
        assertThat(logged.translate("1.2.3^ps", Rendering.PIVOT_CDA, Optional.empty(), () -> french))
                .isInstanceOf(TranslatedDocuments.Done.class);
    }

    @Test
    void offCompilesNothingAndSendsEverything() {
        PivotConformance off = PivotConformance.start(new ConformanceProperties(Mode.OFF, null, "a", "b", "c", "d", "e", "f", "g", 1,
                null),
                new SimpleMeterRegistry());
        assertThat(off.check(bytes("not even XML"))).isInstanceOf(Send.class);
    }

    @Test
    void theGatewayDoesNotStartWithTheCheckOnAndNoSchematron(@TempDir Path empty) {
        ApplicationContextRunner context = new ApplicationContextRunner()
                .withUserConfiguration(ConformanceConfiguration.class, Properties.class);
        context.withPropertyValues("passerelle.conformance.validation=enforce").run(c -> assertThat(c).hasFailed()
                .getFailure().rootCause().hasMessageContaining("passerelle.conformance.runtime-dir")
                .hasMessageContaining("does not ship"));
        context.withPropertyValues("passerelle.conformance.validation=log",
                "passerelle.conformance.runtime-dir=" + empty).run(c -> assertThat(c).hasFailed()
                .getFailure().rootCause().hasMessageContaining("passerelle.conformance.patient-summary")
                .hasMessageContaining("epsos-PatientSummary.sch"));
        context.withPropertyValues("passerelle.conformance.validation=log",
                "passerelle.conformance.runtime-dir=" + SCHEMATRONS.toAbsolutePath(),
                "passerelle.conformance.patient-summary=tiny.sch", "passerelle.conformance.patient-summary-l1=tiny.sch",
                "passerelle.conformance.eprescription=tiny.sch", "passerelle.conformance.eprescription-l1=tiny.sch",
                "passerelle.conformance.orcd-laboratory-result=tiny.sch",
                "passerelle.conformance.orcd-discharge-report=tiny.sch",
                "passerelle.conformance.orcd-imaging-report=tiny.sch")
                .run(c -> assertThat(c.getBean(PivotConformance.class).mode(PivotType.EP_L1)).isEqualTo(Mode.LOG));
        context.run(c -> assertThat(c.getBean(PivotConformance.class).mode(PivotType.PS_L3)).isEqualTo(Mode.OFF));
        // One kind checked: only its schematrons are needed (the Patient Summary's here points nowhere).
        context.withPropertyValues("passerelle.conformance.validation-by-document.eprescription=enforce",
                "passerelle.conformance.runtime-dir=" + SCHEMATRONS.toAbsolutePath(),
                "passerelle.conformance.eprescription=tiny.sch", "passerelle.conformance.eprescription-l1=tiny.sch")
                .run(c -> {
                    PivotConformance check = c.getBean(PivotConformance.class);
                    assertThat(check.mode(PivotType.EP_L3)).isEqualTo(Mode.ENFORCE);
                    assertThat(check.mode(PivotType.EP_L1)).isEqualTo(Mode.ENFORCE);
                    assertThat(check.mode(PivotType.PS_L3)).isEqualTo(Mode.OFF);
                });
        context.withPropertyValues("passerelle.conformance.validation-by-document.eprescription=log",
                "passerelle.conformance.runtime-dir=" + SCHEMATRONS.toAbsolutePath(),
                "passerelle.conformance.eprescription=missing.sch").run(c -> assertThat(c).hasFailed()
                .getFailure().rootCause().hasMessageContaining("validation-by-document.eprescription=log")
                .hasMessageContaining("passerelle.conformance.eprescription (").hasMessageContaining("missing.sch"));
        assertThatThrownBy(() -> PivotConformance.start(new ConformanceProperties(Mode.ENFORCE, SCHEMATRONS,
                "broken.sch", "tiny.sch", "tiny.sch", "tiny.sch", "tiny.sch", "tiny.sch", "tiny.sch", 1, null),
                new SimpleMeterRegistry()))
                .hasMessageContaining("passerelle.conformance.patient-summary");
    }

    /** The real eHDSI runtime, as an agency installs it (the .tgz unpacked into a folder). */
    @Test
    void theEhdsiRuntimeRefusesAPivotWithoutItsPatient(@TempDir Path runtime) throws Exception {
        String tgz = Optional.ofNullable(System.getProperty("passerelle.ehdsi.runtime"))
                .or(() -> Optional.ofNullable(System.getenv("PASSERELLE_EHDSI_RUNTIME")))
                .orElse("../../shared/validators/ehdsi-artdecor-runtime-20240422.tgz");
        if (!Files.isRegularFile(Path.of(tgz))) {
            String why = "eHDSI ART-DECOR runtime not found at " + Path.of(tgz).toAbsolutePath().normalize()
                    + ": the run-time check is NOT tested against it. Enable with -Dpasserelle.ehdsi.runtime=<.tgz> or"
                    + " env PASSERELLE_EHDSI_RUNTIME; PASSERELLE_EHDSI_VALIDATORS=required makes its absence fail.";
            if ("required".equalsIgnoreCase(System.getenv("PASSERELLE_EHDSI_VALIDATORS"))) {
                fail(why);
            }
            System.err.println("SKIPPED: " + why);
            Assumptions.abort(why);
        }
        Process tar = new ProcessBuilder("tar", "-xzf", Path.of(tgz).toAbsolutePath().toString(), "-C",
                runtime.toString()).inheritIO().start();
        assertThat(tar.waitFor()).isZero();
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        PivotConformance check = PivotConformance.start(new ConformanceProperties(Mode.ENFORCE, runtime,
                "epsos-PatientSummary.sch", "epsos-PatientSummary_L1.sch", "epsos-ePrescription.sch",
                "epsos-ePrescriptionL1.sch", "epsos-OrCD_Laboratory_Result.sch", "epsos-OrCD_Hospital_Discharge_Report.sch",
                "epsos-OrCD_Medical_Imaging_Report.sch", 1, null), metrics);
        String broken = psPivot.replaceFirst("(?s)<recordTarget>.*?</recordTarget>", "");
        assertThat(check.check(bytes(broken))).isInstanceOf(Refuse.class);
        assertThat(metrics.find(PivotConformance.RULE_FAILURES).tag("document", "PS_L3").counters())
                .isNotEmpty();
        String ep = pivot("lefevre-ep.xml");
        // Whatever the eP pivot's state, the check runs the ePrescription schematron on it.
        check.check(bytes(ep));
        assertThat(metrics.timer(PivotConformance.TIMER, "document", "EP_L3").count()).isEqualTo(1);
        // A French lab report's original clinical document passes its eHDSI schematron (docs/orcd.md).
        assertThat(check.check(bytes(orcd("berthelot-cr-bio.xml")))).isInstanceOf(Send.class);
        assertThat(metrics.counter(PivotConformance.DOCUMENTS, "document", "ORCD_LABORATORY_RESULT", "outcome",
                "conformant").count()).isEqualTo(1);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ConformanceProperties.class)
    static class Properties {
    }

    private static ConformanceProperties properties(Mode mode, String schematron) {
        return properties(mode, schematron, Map.of());
    }

    private static ConformanceProperties properties(Mode mode, String schematron, Map<DocumentKind, Mode> byDocument) {
        return new ConformanceProperties(mode, SCHEMATRONS, schematron, schematron, schematron, schematron, schematron,
                schematron, schematron, 1, byDocument);
    }

    private static String orcd(String demoDocument) throws Exception {
        TranslationOutcome out = translator.toOrcd(Files.readAllBytes(DEMO.resolve(demoDocument)), null);
        return ((TranslationOutcome.Translated) out).document();
    }

    private static String pivot(String demoDocument) throws Exception {
        TranslationOutcome out = translator.toPivot(Files.readAllBytes(DEMO.resolve(demoDocument)), null);
        return ((TranslationOutcome.Translated) out).document();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
