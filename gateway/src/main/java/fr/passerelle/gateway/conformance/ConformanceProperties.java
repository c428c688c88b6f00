package fr.passerelle.gateway.conformance;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code passerelle.conformance.*}: the run-time check of outgoing pivot documents.
 *
 * @param validation       {@code off} (default), {@code log} or {@code enforce}
 * @param runtimeDir       the unpacked eHDSI ART-DECOR runtime (its {@code *.sch} files with {@code include/}); the
 *                         runtime is not redistributable, so the agency installs it — required unless off
 * @param patientSummary   Patient Summary level-3 schematron, relative to the runtime folder
 * @param patientSummaryL1 Patient Summary level-1 ("PDF embedded") schematron
 * @param eprescription    ePrescription level-3 schematron
 * @param eprescriptionL1  ePrescription level-1 schematron
 */
@ConfigurationProperties("passerelle.conformance")
public record ConformanceProperties(@DefaultValue("off") Mode validation, Path runtimeDir,
                                    @DefaultValue("epsos-PatientSummary.sch") String patientSummary,
                                    @DefaultValue("epsos-PatientSummary_L1.sch") String patientSummaryL1,
                                    @DefaultValue("epsos-ePrescription.sch") String eprescription,
                                    @DefaultValue("epsos-ePrescriptionL1.sch") String eprescriptionL1) {

    public enum Mode {
        /** No check (nothing compiled). */
        OFF,
        /** Check every pivot before it is first sent; count and log the failed rules, send it anyway. */
        LOG,
        /** As {@link #LOG}, and refuse to send a pivot with an error (eHDSI transcoding error 4203). */
        ENFORCE
    }
}
