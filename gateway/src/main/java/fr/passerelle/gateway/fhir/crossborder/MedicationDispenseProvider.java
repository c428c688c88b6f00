package fr.passerelle.gateway.fhir.crossborder;

import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import fr.passerelle.gateway.exchange.DispensationOutcome;
import fr.passerelle.gateway.exchange.DispensationRecording;
import fr.passerelle.gateway.exchange.DispensedMedicine;
import fr.passerelle.gateway.exchange.DocumentListing;
import fr.passerelle.gateway.fhir.outcome.FhirRefusal;
import fr.passerelle.gateway.fhir.requester.RequesterInterceptor;
import fr.passerelle.gateway.healthspace.DispensationReceipt;
import fr.passerelle.gateway.exchange.CrossBorderCall;
import fr.passerelle.gateway.healthspace.FrenchDispensation;
import fr.passerelle.gateway.healthspace.FrenchPatient;
import fr.passerelle.gateway.healthspace.HealthSpaceCaller;
import fr.passerelle.gateway.healthspace.HealthSpaceUnavailableException;
import fr.passerelle.gateway.healthspace.NationalHealthSpace;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.healthspace.PrescriptionLine;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;

/**
 * {@code POST /MedicationDispense}: a dispensation abroad of one item of a French ePrescription, recorded in the
 * French health space with its French eDISP-MED document ({@link DispenseDocuments}). Idempotent on the dispense's identifier: the same dispense again answers 200 with the same
 * id and changes nothing; a first recording answers 201.
 */
@Component
public class MedicationDispenseProvider implements IResourceProvider {

    /** Stands for an item position the prescription does not have; the health space refuses it as unknown. */
    private static final String NO_SUCH_ITEM = "0";

    private final DispensationRecording recording;
    private final DocumentListing listing;
    private final NationalHealthSpace healthSpace;
    private final DispenseDocuments documents;
    private final FhirPatientIds patientIds;

    public MedicationDispenseProvider(DispensationRecording recording, DocumentListing listing,
                                      NationalHealthSpace healthSpace, DispenseDocuments documents,
                                      FhirPatientIds patientIds) {
        this.recording = recording;
        this.listing = listing;
        this.healthSpace = healthSpace;
        this.documents = documents;
        this.patientIds = patientIds;
    }

    @Override
    public Class<MedicationDispense> getResourceType() {
        return MedicationDispense.class;
    }

    @Create
    public MethodOutcome create(@ResourceParam MedicationDispense dispense, RequestDetails request) {
        Identifier identifier = dispense.getIdentifier().stream().filter(i -> i.hasValue()).findFirst()
                .orElseThrow(() -> FhirRefusal.unprocessable("a MedicationDispense needs an identifier (the "
                        + "idempotency key of the dispensation)"));
        Ins patient = patient(dispense.getSubject());
        if (dispense.getAuthorizingPrescription().size() != 1) {
            throw FhirRefusal.unprocessable("a MedicationDispense dispenses exactly one authorizingPrescription");
        }
        FhirIds.Item item = FhirIds.item(Objects.requireNonNullElse(
                        new IdType(dispense.getAuthorizingPrescriptionFirstRep().getReference()).getIdPart(), ""))
                .orElseThrow(() -> FhirRefusal.unprocessable("authorizingPrescription must reference a "
                        + "MedicationRequest of this server"));
        if (!dispense.hasWhenHandedOver()) {
            throw FhirRefusal.unprocessable("whenHandedOver is required");
        }
        DispensedMedicine handedOver = DispensedProduct.of(dispense);
        String prescriptionId = FhirIds.uniqueIdOf(item.documentId());
        // The line id is resolved here but only trusted after the exchange checked access to the prescription.
        CrossBorderCall call = RequesterInterceptor.callOf(request);
        List<PrescriptionLine> lines;
        try {
            lines = listing.prescriptionLines(call, prescriptionId);
        } catch (HealthSpaceUnavailableException e) {
            throw FhirRefusal.of(e);
        }
        String lineId = item.position() >= 1 && item.position() <= lines.size()
                ? lines.get(item.position() - 1).lineId() : NO_SUCH_ITEM;
        String dispenser = dispense.getPerformer().stream().map(p -> p.getActor().getDisplay())
                .filter(d -> d != null && !d.isBlank()).findFirst().orElse(call.requester().organisation());
        String key = (identifier.hasSystem() ? identifier.getSystem() + "|" : "") + identifier.getValue();
        // The French document is written before the exchange checks access, like on the XDR road; it is only kept
        // when the dispensation is recorded. Unknown patient or line: no document, the exchange refuses.
        byte[] edispMed = frenchPatient(call, patient).filter(p -> !NO_SUCH_ITEM.equals(lineId))
                .map(french -> documents.edispMed(dispense, new DispenseDocuments.Dispensed(key, french,
                        prescriptionId, lineId, call.requester(), dispenser)))
                .orElse(null);
        FrenchDispensation dispensation = new FrenchDispensation(key, prescriptionId, lineId,
                dispense.getWhenHandedOverElement().getValueAsCalendar().toZonedDateTime().toOffsetDateTime()
                        .withOffsetSameInstant(ZoneOffset.UTC), dispenser, edispMed);
        DispensationOutcome outcome = recording.record(call, patient, dispensation, Optional.of(handedOver));
        if (outcome instanceof DispensationOutcome.Refused refused) {
            throw FhirRefusal.of(refused.refusal());
        }
        DispensationReceipt receipt = ((DispensationOutcome.Recorded) outcome).receipt();
        String id = HexFormat.of().formatHex(key.getBytes(StandardCharsets.UTF_8));
        id = id.length() > 64 ? id.substring(0, 64) : id;
        dispense.setId(new IdType("MedicationDispense", id, "1"));
        dispense.setStatus(MedicationDispense.MedicationDispenseStatus.COMPLETED);
        MethodOutcome result = new MethodOutcome(dispense.getIdElement(), !receipt.duplicate());
        result.setResource(dispense);
        return result;
    }

    /** The patient's identity as the health space holds it, for the French document. */
    private Optional<FrenchPatient> frenchPatient(CrossBorderCall call, Ins patient) {
        try {
            return HealthSpaceCaller.callAs(call.requester(), () -> healthSpace.findPatient(patient));
        } catch (HealthSpaceUnavailableException e) {
            throw FhirRefusal.of(e);
        }
    }

    private Ins patient(Reference subject) {
        if (subject == null || subject.isEmpty()) {
            throw FhirRefusal.unprocessable("subject (the patient) is required");
        }
        if (subject.hasIdentifier()) {
            return FhirIds.ins(subject.getIdentifier().getSystem(), subject.getIdentifier().getValue());
        }
        IdType id = new IdType(subject.getReference());
        if (!"Patient".equals(id.getResourceType())) {
            throw FhirRefusal.unprocessable("subject must reference a Patient");
        }
        return patientIds.insOfRequested(id.getIdPart());
    }
}
