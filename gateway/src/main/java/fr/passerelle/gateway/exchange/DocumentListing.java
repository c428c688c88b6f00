package fr.passerelle.gateway.exchange;

import fr.passerelle.gateway.ehdsi.ExchangeError;
import fr.passerelle.gateway.healthspace.HealthSpaceCaller;
import fr.passerelle.gateway.healthspace.HealthSpaceUnavailableException;
import fr.passerelle.gateway.access.CrossBorderTransaction;
import fr.passerelle.gateway.access.DocumentFilter;
import fr.passerelle.gateway.healthspace.DocumentEntry;
import fr.passerelle.gateway.healthspace.DocumentKind;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.healthspace.NationalHealthSpace;
import fr.passerelle.gateway.healthspace.PrescriptionLine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Lists a patient's documents of the asked kinds (XCA query, FHIR DocumentReference search, MedicationRequest
 * search): only what the policy grants, never a masked document, never a fully dispensed ePrescription. A consent
 * covering some of the asked kinds lists those and says which were withheld ({@link AccessControl#admitEachKind}).
 */
@Component
public class DocumentListing {

    /** What can be listed abroad: dispensations are recorded, not served. */
    public static final Set<DocumentKind> LISTABLE = EnumSet.of(DocumentKind.PATIENT_SUMMARY,
            DocumentKind.EPRESCRIPTION, DocumentKind.LABORATORY_RESULT, DocumentKind.HOSPITAL_DISCHARGE_REPORT,
            DocumentKind.MEDICAL_IMAGING_REPORT);

    /**
     * What a listing that names no kind lists: the Patient Summary and ePrescriptions, as before the original clinical
     * documents were served — those are listed when asked for by their class (XCA) or type/category (FHIR), so a
     * client that never asked for them neither gets them nor has them withheld under a consent that predates them.
     */
    public static final Set<DocumentKind> UNNAMED = EnumSet.of(DocumentKind.PATIENT_SUMMARY,
            DocumentKind.EPRESCRIPTION);

    private final NationalHealthSpace healthSpace;
    private final AccessControl gate;

    public DocumentListing(NationalHealthSpace healthSpace, AccessControl gate) {
        this.healthSpace = healthSpace;
        this.gate = gate;
    }

    public ListingOutcome list(CrossBorderCall call, Ins patient, Set<DocumentKind> kinds) {
        try {
            return HealthSpaceCaller.callAs(call.requester(), () -> listOnBehalf(call, patient, kinds));
        } catch (HealthSpaceUnavailableException e) {
            // Answered in time with an eHDSI error rather than a server error, and audited; nothing was effected.
            return new ListingOutcome.Refused(gate.unanswered(call, Optional.of(patient), kinds,
                    CrossBorderTransaction.DOCUMENT_LIST, e));
        }
    }

    private ListingOutcome listOnBehalf(CrossBorderCall call, Ins patient, Set<DocumentKind> kinds) {
        Set<DocumentKind> asked = kinds.isEmpty() ? UNNAMED : EnumSet.copyOf(kinds);
        if (!LISTABLE.containsAll(asked)) {
            return new ListingOutcome.Refused(new ExchangeRefusal(ExchangeError.ERROR_GENERIC_DOCUMENT_MISSING,
                    "only Patient Summaries, ePrescriptions and original clinical documents (laboratory, "
                            + "imaging and hospital discharge reports) are served abroad"));
        }
        if (healthSpace.findPatient(patient).isEmpty()) {
            return new ListingOutcome.Refused(gate.unknownPatient(call, patient, asked,
                    CrossBorderTransaction.DOCUMENT_LIST));
        }
        AccessControl.Admission passage = gate.admitEachKind(call, patient, asked, CrossBorderTransaction.DOCUMENT_LIST);
        if (passage instanceof AccessControl.Refused turned) {
            return new ListingOutcome.Refused(turned.refusal());
        }
        AccessControl.Admitted admitted = (AccessControl.Admitted) passage;
        List<DocumentEntry> visible = new ArrayList<>();
        for (DocumentKind kind : admitted.request().documents()) {
            for (DocumentEntry entry : DocumentFilter.visible(admitted.decision(), healthSpace.documents(patient, kind))) {
                if (kind != DocumentKind.EPRESCRIPTION || stillDispensable(entry)) {
                    visible.add(entry);
                }
            }
        }
        visible.sort(Comparator.comparing(DocumentEntry::creationTime).reversed());
        gate.granted(admitted, visible.stream().map(DocumentEntry::uniqueId).toList());
        return new ListingOutcome.Listed(visible, admitted.withheld());
    }

    /**
     * The items of an ePrescription the caller was already granted, in document order, each saying whether it was
     * dispensed (a road shows dispensed items as completed).
     */
    public List<PrescriptionLine> prescriptionLines(String prescriptionUniqueId) {
        return healthSpace.prescriptionLines(prescriptionUniqueId);
    }

    /**
     * The same, read on behalf of the call's requester: a remote health space (the DMP) reads the items only for an
     * identified professional (its VIHF), so a road serving a cross-border call uses this one.
     *
     * @throws fr.passerelle.gateway.healthspace.HealthSpaceUnavailableException when the health space cannot answer
     */
    public List<PrescriptionLine> prescriptionLines(CrossBorderCall call, String prescriptionUniqueId) {
        return HealthSpaceCaller.callAs(call.requester(), () -> healthSpace.prescriptionLines(prescriptionUniqueId));
    }

    /** An ePrescription with every line dispensed is no longer offered abroad. */
    boolean stillDispensable(DocumentEntry prescription) {
        List<PrescriptionLine> lines = healthSpace.prescriptionLines(prescription.uniqueId());
        return lines.isEmpty() || lines.stream().anyMatch(line -> !line.dispensed());
    }
}
