package fr.passerelle.gateway.exchange;

import fr.passerelle.gateway.ehdsi.ExchangeError;
import fr.passerelle.gateway.healthspace.HealthSpaceCaller;
import fr.passerelle.gateway.healthspace.HealthSpaceUnavailableException;
import fr.passerelle.gateway.access.CrossBorderTransaction;
import fr.passerelle.gateway.access.DocumentFilter;
import fr.passerelle.gateway.healthspace.DispensationReceipt;
import fr.passerelle.gateway.healthspace.DispensationRefusedException;
import fr.passerelle.gateway.healthspace.DocumentKind;
import fr.passerelle.gateway.healthspace.FrenchDispensation;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.healthspace.NationalHealthSpace;
import fr.passerelle.gateway.healthspace.PrescriptionLine;
import fr.passerelle.gateway.healthspace.StoredDocument;
import fr.passerelle.translation.TranslationException;
import fr.passerelle.translation.cda.CdaDocument;
import fr.passerelle.translation.cda.CdaReader;
import fr.passerelle.translation.cda.ClinicalEntry;
import fr.passerelle.translation.cda.SectionKind;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records a dispensation made abroad against a French ePrescription (XDR eDispensation, FHIR MedicationDispense).
 * The health-space write and its audit record commit together; a resubmission under the same id changes nothing
 * and is answered like the first. When the road knows the dispensed medicine, it must be the prescribed one or, where
 * the prescriber allowed substitution, one of its active substance ({@link SubstitutionRule}).
 */
@Component
public class DispensationRecording {

    private final NationalHealthSpace healthSpace;
    private final AccessControl gate;
    private final TransactionTemplate transaction;

    public DispensationRecording(NationalHealthSpace healthSpace, AccessControl gate,
                                 PlatformTransactionManager transactions) {
        this.healthSpace = healthSpace;
        this.gate = gate;
        this.transaction = new TransactionTemplate(transactions);
    }

    public DispensationOutcome record(CrossBorderCall call, Ins patient, FrenchDispensation dispensation) {
        return record(call, patient, dispensation, Optional.empty());
    }

    /**
     * The same, checking the dispensed medicine against the prescribed line first ({@link SubstitutionRule}): the
     * prescribed product, or a product of its active substance where the prescriber allowed substitution.
     */
    public DispensationOutcome record(CrossBorderCall call, Ins patient, FrenchDispensation dispensation,
                                      Optional<DispensedMedicine> dispensed) {
        try {
            return HealthSpaceCaller.callAs(call.requester(),
                    () -> recordOnBehalf(call, patient, dispensation, dispensed));
        } catch (HealthSpaceUnavailableException e) {
            // Answered in time with an eHDSI error rather than a server error, and audited; nothing was effected.
            return new DispensationOutcome.Refused(gate.unanswered(call, Optional.of(patient),
                    Set.of(DocumentKind.EDISPENSATION), CrossBorderTransaction.DISPENSATION, e));
        }
    }

    private DispensationOutcome recordOnBehalf(CrossBorderCall call, Ins patient, FrenchDispensation asked,
                                               Optional<DispensedMedicine> dispensed) {
        if (healthSpace.findPatient(patient).isEmpty()) {
            return new DispensationOutcome.Refused(gate.unknownPatient(call, patient,
                    Set.of(DocumentKind.EDISPENSATION), CrossBorderTransaction.DISPENSATION));
        }
        AccessControl.Admission passage = gate.admit(call, patient, Set.of(DocumentKind.EDISPENSATION),
                CrossBorderTransaction.DISPENSATION);
        if (passage instanceof AccessControl.Refused turned) {
            return new DispensationOutcome.Refused(turned.refusal());
        }
        AccessControl.Admitted admitted = (AccessControl.Admitted) passage;
        FrenchDispensation dispensation = againstFrenchPrescription(asked);
        Optional<StoredDocument> prescription = healthSpace.retrieve(dispensation.prescriptionId());
        if (prescription.isEmpty() || prescription.get().entry().kind() != DocumentKind.EPRESCRIPTION
                || !prescription.get().entry().patient().equals(patient)
                || !DocumentFilter.isVisible(admitted.decision(), prescription.get().entry())) {
            return new DispensationOutcome.Refused(gate.failed(admitted,
                    ExchangeRefusal.of(ExchangeError.ERROR_ED_EPRESCRIPTION_NOT_IDENTIFIABLE)));
        }
        if (dispensed.isPresent()) {
            Optional<CdaDocument> french = readable(prescription.get());
            Optional<ExchangeRefusal> mismatch = french.isEmpty()
                    ? Optional.of(new ExchangeRefusal(ExchangeError.ERROR_ED_EPRESCRIPTION_NOT_IDENTIFIABLE,
                            "the French prescription cannot be read to check the dispensed medicine"))
                    : prescribedLine(french.get(), dispensation.prescriptionLineId())
                            .flatMap(line -> SubstitutionRule.judge(DispensedMedicine.of(line.product(), false),
                                    line.substitutionAllowed(), dispensed.get()));
            // A line the French prescription does not hold is left to the health space (UNKNOWN_LINE).
            if (mismatch.isPresent()) {
                return new DispensationOutcome.Refused(gate.failed(admitted, mismatch.get()));
            }
        }
        try {
            DispensationReceipt receipt = transaction.execute(status -> {
                DispensationReceipt r = healthSpace.submitDispensation(patient, dispensation);
                gate.granted(admitted, List.of(dispensation.id()));
                return r;
            });
            return new DispensationOutcome.Recorded(receipt);
        } catch (DispensationRefusedException e) {
            return new DispensationOutcome.Refused(gate.failed(admitted, refusal(e.reason())));
        }
    }

    /**
     * The dispensation as France records it: an eDispensation fulfilling one item document of a multi-line French
     * prescription ({@link PrescriptionItemId}) is recorded against the French prescription when it names that
     * item's line; any other id is kept as sent (an unknown one is refused as not identifiable).
     */
    private FrenchDispensation againstFrenchPrescription(FrenchDispensation asked) {
        if (healthSpace.entry(asked.prescriptionId()).isPresent()) {
            return asked;
        }
        Optional<PrescriptionItemId> item = PrescriptionItemId.parse(asked.prescriptionId());
        return item.flatMap(i -> healthSpace.retrieve(i.prescriptionUniqueId()))
                .filter(p -> namesItsLine(p, item.get().item(), asked.prescriptionLineId()))
                .map(p -> asked.forPrescription(p.entry().uniqueId()))
                .orElse(asked);
    }

    /** The French prescription as the translation reads it; empty when it cannot be read. */
    private static Optional<CdaDocument> readable(StoredDocument prescription) {
        try {
            return Optional.of(new CdaReader().read(prescription.content()));
        } catch (TranslationException unreadable) {
            return Optional.empty();
        }
    }

    /** The French prescription's line with this id, as the translation reads it. */
    private static Optional<ClinicalEntry.PrescriptionLine> prescribedLine(CdaDocument french, String lineId) {
        return french.entries(SectionKind.PRESCRIPTIONS).stream()
                .filter(ClinicalEntry.PrescriptionLine.class::isInstance).map(ClinicalEntry.PrescriptionLine.class::cast)
                .filter(line -> lineId.equals(line.id())).findFirst();
    }

    /** An item document's dispensation names that item's line, not another line of the French prescription. */
    private boolean namesItsLine(StoredDocument prescription, int item, String lineId) {
        List<PrescriptionLine> lines = healthSpace.prescriptionLines(prescription.entry().uniqueId());
        return lines.size() >= item && lines.get(item - 1).lineId().equals(lineId);
    }

    /**
     * Records a dispensation or discard the road refused before any use case could run — its patient id is not an
     * INS, its eDispensation cannot be read or translated — and returns the refusal to send. Filed without a patient,
     * as other refusals before identification: nothing of the request was checked against the health space.
     *
     * @param rule the audit trail's reason (at most 64 characters)
     */
    public ExchangeRefusal refusedUnread(CrossBorderCall call, String rule, ExchangeRefusal refusal) {
        gate.unidentified(call, CrossBorderTransaction.DISPENSATION, rule, refusal.error());
        return refusal;
    }

    private static ExchangeRefusal refusal(DispensationRefusedException.Reason reason) {
        return switch (reason) {
            case UNKNOWN_PRESCRIPTION, UNKNOWN_LINE, OTHER_PATIENT -> ExchangeRefusal.of(ExchangeError.ERROR_ED_EPRESCRIPTION_NOT_IDENTIFIABLE);
            case ALREADY_DISPENSED -> ExchangeRefusal.of(ExchangeError.ERROR_EP_ALREADY_DISPENSED);
            case CONFLICTING_RESUBMISSION -> ExchangeRefusal.of(ExchangeError.ERROR_ED_GENERIC);
        };
    }
}
