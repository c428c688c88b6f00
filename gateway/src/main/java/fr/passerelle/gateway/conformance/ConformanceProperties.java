package fr.passerelle.gateway.conformance;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code passerelle.conformance.*}: the run-time check of outgoing pivot documents.
 *
 * @param validation       {@code off} (default), {@code log} or {@code enforce}: the mode of every document kind
 *                         not named in {@code validationByDocument}
 * @param runtimeDir       the unpacked eHDSI ART-DECOR runtime (its {@code *.sch} files with {@code include/}); the
 *                         runtime is not redistributable, so the agency installs it — required unless off
 * @param patientSummary   Patient Summary level-3 schematron, relative to the runtime folder
 * @param patientSummaryL1 Patient Summary level-1 ("PDF embedded") schematron
 * @param eprescription    ePrescription level-3 schematron
 * @param eprescriptionL1  ePrescription level-1 schematron
 * @param orcdLaboratoryResult    original clinical document schematron: laboratory result (a French CR-BIO)
 * @param orcdDischargeReport     original clinical document schematron: hospital discharge report (LDL-SES)
 * @param orcdImagingReport       original clinical document schematron: medical imaging report (CR-IMG)
 * @param logBacklog       in {@code log} mode, how many pivots may wait for the background check; a pivot sent
 *                         while the backlog is full is not checked (counted {@code outcome=unchecked-busy})
 * @param validationByDocument a mode for one kind of document, both levels, in place of {@code validation}
 *                         ({@code validation-by-document.original-clinical-document=enforce}): a report's check costs
 *                         ~2 ms, an ePrescription's adds 1.6–2 times its first retrieve and a Patient Summary's 4–5
 *                         times (docs/benchmarks/translation.md), so an agency may enforce the cheaper kinds and log
 *                         the others
 */
@ConfigurationProperties("passerelle.conformance")
public record ConformanceProperties(@DefaultValue("off") Mode validation, Path runtimeDir,
                                    @DefaultValue("epsos-PatientSummary.sch") String patientSummary,
                                    @DefaultValue("epsos-PatientSummary_L1.sch") String patientSummaryL1,
                                    @DefaultValue("epsos-ePrescription.sch") String eprescription,
                                    @DefaultValue("epsos-ePrescriptionL1.sch") String eprescriptionL1,
                                    @DefaultValue("epsos-OrCD_Laboratory_Result.sch") String orcdLaboratoryResult,
                                    @DefaultValue("epsos-OrCD_Hospital_Discharge_Report.sch")
                                    String orcdDischargeReport,
                                    @DefaultValue("epsos-OrCD_Medical_Imaging_Report.sch") String orcdImagingReport,
                                    @DefaultValue("32") int logBacklog,
                                    Map<DocumentKind, Mode> validationByDocument) {

    public ConformanceProperties {
        validationByDocument = validationByDocument == null ? Map.of() : Map.copyOf(validationByDocument);
    }

    /** The mode of a kind of document: its own if set, else {@link #validation()}. */
    public Mode validation(DocumentKind kind) {
        return validationByDocument.getOrDefault(kind, validation);
    }

    /** The kinds of document the check knows: summaries and prescriptions at level 3 and 1, the three reports. */
    public enum DocumentKind {
        PATIENT_SUMMARY, EPRESCRIPTION, ORIGINAL_CLINICAL_DOCUMENT
    }

    public enum Mode {
        /** No check (nothing compiled). */
        OFF,
        /**
         * Send every pivot at once and check it in the background (one thread, a bounded backlog): count and log
         * the failed rules. The practitioner never waits for the check.
         */
        LOG,
        /** Check every pivot before it is first sent and refuse one with an error (eHDSI transcoding error 4203). */
        ENFORCE
    }
}
