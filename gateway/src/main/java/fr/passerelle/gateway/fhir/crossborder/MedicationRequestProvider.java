package fr.passerelle.gateway.fhir.crossborder;

import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.model.api.ResourceMetadataKeyEnum;
import ca.uhn.fhir.model.valueset.BundleEntrySearchModeEnum;
import org.hl7.fhir.instance.model.api.IBaseResource;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IncludeParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import fr.passerelle.gateway.exchange.DocumentListing;
import fr.passerelle.gateway.exchange.DocumentRetrieval;
import fr.passerelle.gateway.exchange.ListingOutcome;
import fr.passerelle.gateway.exchange.Rendering;
import fr.passerelle.gateway.exchange.RetrievalOutcome;
import fr.passerelle.gateway.exchange.RetrievalRequest;
import fr.passerelle.gateway.exchange.CrossBorderCall;
import fr.passerelle.gateway.fhir.outcome.FhirRefusal;
import fr.passerelle.gateway.fhir.requester.RequesterInterceptor;
import fr.passerelle.gateway.healthspace.DocumentEntry;
import fr.passerelle.gateway.healthspace.DocumentKind;
import fr.passerelle.gateway.healthspace.HealthSpaceUnavailableException;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.healthspace.PrescriptionLine;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * {@code GET /MedicationRequest?patient=…&status=active[&_include=MedicationRequest:medication]}: the items of the
 * patient's ePrescriptions the requester may see, in the HL7 Europe MPD shape built by {@code translation}; a
 * dispensed item is {@code completed}. Paged by {@code _count}/{@code _offset} ({@link SearchPage}). Item ids are
 * {@code <document id>-<position>}, what a MedicationDispense's {@code authorizingPrescription} points at.
 */
@Component
public class MedicationRequestProvider implements IResourceProvider {

    static final String INCLUDE_MEDICATION = "MedicationRequest:medication";

    private final DocumentListing listing;
    private final DocumentRetrieval retrieval;
    private final FhirContext context;
    private final FhirPatientIds patientIds;

    public MedicationRequestProvider(DocumentListing listing, DocumentRetrieval retrieval, FhirContext context,
                                     FhirPatientIds patientIds) {
        this.listing = listing;
        this.retrieval = retrieval;
        this.context = context;
        this.patientIds = patientIds;
    }

    @Override
    public Class<MedicationRequest> getResourceType() {
        return MedicationRequest.class;
    }

    @Search
    public IBundleProvider search(
            @RequiredParam(name = MedicationRequest.SP_PATIENT, chainWhitelist = {"", Patient.SP_IDENTIFIER},
                    targetTypes = Patient.class) ReferenceParam patient,
            @OptionalParam(name = MedicationRequest.SP_STATUS) TokenParam status,
            @IncludeParam(allow = {INCLUDE_MEDICATION}) Set<Include> includes,
            @Offset Integer offset, @Count Integer count,
            RequestDetails request) {
        SearchPage page = SearchPage.of(offset, count);
        Ins ins = PatientReferences.of(patient, false, patientIds);
        String wanted = status == null ? null : status.getValue();
        if (wanted != null && !wanted.equals("active") && !wanted.equals("completed")) {
            throw FhirRefusal.invalid("status: active or completed");
        }
        CrossBorderCall call = RequesterInterceptor.callOf(request);
        ListingOutcome listed = listing.list(call, ins, Set.of(DocumentKind.EPRESCRIPTION));
        if (listed instanceof ListingOutcome.Refused refused) {
            throw FhirRefusal.of(refused.refusal());
        }
        boolean withMedications = includes != null
                && includes.stream().anyMatch(i -> INCLUDE_MEDICATION.equals(i.getValue()));
        List<MedicationRequest> found = new ArrayList<>();
        for (DocumentEntry entry : ((ListingOutcome.Listed) listed).documents()) {
            Optional<String> documentId = FhirIds.documentId(entry.uniqueId());
            if (documentId.isEmpty()) {
                continue;
            }
            RetrievalOutcome outcome = retrieval.retrieve(call, new RetrievalRequest(entry.uniqueId(),
                    Optional.of(ins), Rendering.FHIR_MPD, Requests.language(request)));
            if (outcome instanceof RetrievalOutcome.Refused refused) {
                throw FhirRefusal.of(refused.refusal());
            }
            byte[] mpd = ((RetrievalOutcome.Retrieved) outcome).document().content();
            List<PrescriptionLine> lines;
            try {
                lines = listing.prescriptionLines(call, entry.uniqueId());
            } catch (HealthSpaceUnavailableException e) {
                throw FhirRefusal.of(e);
            }
            for (MedicationRequest item : items(mpd, documentId.get(), ins, lines)) {
                if (wanted == null || wanted.equals(item.getStatus().toCode())) {
                    found.add(item);
                }
            }
        }
        return page.cut(found, item -> {
            IBaseResource medication = item.getMedicationReference().getResource();
            item.getMedicationReference().setResource(null);
            if (withMedications && medication instanceof Medication included) {
                // Marked as included: the plain server does not follow choice-type references by itself.
                ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put(included, BundleEntrySearchModeEnum.INCLUDE);
                return List.of(included);
            }
            return List.of();
        });
    }

    /** The Bundle's MedicationRequests with server ids, the patient's reference and their Medication attached. */
    private List<MedicationRequest> items(byte[] mpd, String documentId, Ins patient, List<PrescriptionLine> lines) {
        Bundle bundle = context.newJsonParser().parseResource(Bundle.class, new String(mpd, StandardCharsets.UTF_8));
        Map<String, Resource> byUrl = new HashMap<>();
        bundle.getEntry().forEach(e -> byUrl.put(e.getFullUrl(), e.getResource()));
        List<MedicationRequest> items = new ArrayList<>();
        int position = 0;
        for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
            if (!(e.getResource() instanceof MedicationRequest item)) {
                continue;
            }
            position++;
            String id = FhirIds.itemId(documentId, position);
            item.setId(id);
            item.setSubject(new Reference(patientIds.referenceOf(patient)));
            boolean dispensed = position <= lines.size() && lines.get(position - 1).dispensed();
            item.setStatus(dispensed ? MedicationRequest.MedicationRequestStatus.COMPLETED
                    : MedicationRequest.MedicationRequestStatus.ACTIVE);
            if (item.hasMedicationReference()
                    && byUrl.get(item.getMedicationReference().getReference()) instanceof Medication medication) {
                medication.setId(documentId + "-m" + position);
                Reference reference = new Reference("Medication/" + medication.getIdElement().getIdPart());
                reference.setResource(medication);
                item.setMedication(reference);
            }
            Resource prescriber = item.hasRequester() ? byUrl.get(item.getRequester().getReference()) : null;
            if (prescriber != null) {
                // Contained: the prescriber is not a resource this server serves on its own.
                prescriber.setId((String) null);
                item.setRequester(new Reference(prescriber));
            }
            // Contained too: the pregnancy status and vital signs the prescriber recorded, which the item cites.
            List<Reference> supporting = new ArrayList<>();
            for (Reference r : item.getSupportingInformation()) {
                Resource cited = byUrl.get(r.getReference());
                if (cited != null) {
                    cited.setId((String) null);
                    supporting.add(new Reference(cited));
                }
            }
            item.setSupportingInformation(supporting);
            items.add(item);
        }
        return items;
    }
}
