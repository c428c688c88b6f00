package fr.passerelle.gateway.fhir.crossborder;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import fr.passerelle.gateway.exchange.CrossBorderCall;
import fr.passerelle.gateway.exchange.DocumentListing;
import fr.passerelle.gateway.exchange.DocumentOffers;
import fr.passerelle.gateway.exchange.Rendering;
import fr.passerelle.gateway.exchange.ListingOutcome;
import fr.passerelle.gateway.ehdsi.ExchangeError;
import fr.passerelle.gateway.fhir.outcome.FhirRefusal;
import fr.passerelle.gateway.fhir.requester.RequesterInterceptor;
import fr.passerelle.gateway.healthspace.DocumentEntry;
import fr.passerelle.gateway.healthspace.DocumentKind;
import fr.passerelle.gateway.healthspace.HealthSpaceUnavailableException;
import fr.passerelle.gateway.healthspace.Ins;
import java.util.EnumSet;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.stereotype.Component;

/**
 * {@code GET /DocumentReference?patient.identifier=…&type=…&date=…} (MyHealth@EU, chained identifier) and
 * {@code GET /DocumentReference?patient=Patient/<id>&type=…} (MHD): the Patient Summaries and ePrescriptions
 * the requester may see, in the health space's stable order (per kind, newest first), paged by {@code _count}
 * and {@code _offset} ({@link SearchPage}). Each is offered as {@link DocumentOffers} says, as on XCA: a
 * multi-line ePrescription item by item, and only the forms a read serves ({@link DocumentReferences}).
 */
@Component
public class DocumentReferenceProvider implements IResourceProvider {

    /** Beside the pivot CDA level 3, what a DocumentReference may offer when the document translates into it. */
    private static final Set<Rendering> ALSO_OFFERED = EnumSet.of(Rendering.PIVOT_PDF, Rendering.FHIR_IPS,
            Rendering.FHIR_LAB);

    private final DocumentListing listing;
    private final DocumentOffers offers;
    private final FhirPatientIds patientIds;

    public DocumentReferenceProvider(DocumentListing listing, DocumentOffers offers, FhirPatientIds patientIds) {
        this.listing = listing;
        this.offers = offers;
        this.patientIds = patientIds;
    }

    @Override
    public Class<DocumentReference> getResourceType() {
        return DocumentReference.class;
    }

    @Search
    public IBundleProvider search(
            @OptionalParam(name = DocumentReference.SP_PATIENT, chainWhitelist = {"", Patient.SP_IDENTIFIER},
                    targetTypes = Patient.class) ReferenceParam patient,
            @OptionalParam(name = DocumentReference.SP_TYPE) TokenOrListParam type,
            @OptionalParam(name = DocumentReference.SP_CATEGORY) TokenOrListParam category,
            @OptionalParam(name = DocumentReference.SP_DATE) DateRangeParam date,
            @Offset Integer offset, @Count Integer count,
            RequestDetails request) {
        SearchPage page = SearchPage.of(offset, count);
        Ins ins = PatientReferences.of(patient, false, patientIds);
        Set<DocumentKind> kinds = EnumSet.noneOf(DocumentKind.class);
        kinds(type, kinds);
        kinds(category, kinds);
        CrossBorderCall call = RequesterInterceptor.callOf(request);
        ListingOutcome outcome = listing.list(call, ins, kinds);
        if (outcome instanceof ListingOutcome.Refused refused) {
            throw FhirRefusal.of(refused.refusal());
        }
        List<DocumentEntry> listed = ((ListingOutcome.Listed) outcome).documents().stream()
                .filter(entry -> within(date, entry)).toList();
        DocumentOffers.Offered offered;
        try {
            offered = offers.offers(call, listed, ALSO_OFFERED);
        } catch (HealthSpaceUnavailableException e) {
            throw FhirRefusal.of(e);
        }
        return page.cut(offered.offers().stream().flatMap(offer -> DocumentReferences.of(offer, patientIds).stream())
                .toList(), notSent(offered.notOffered()));
    }

    /**
     * The documents listed but not sent (translation failed, or the enforced eHDSI check refused the pivot), as an
     * OperationOutcome entry of the searchset (search mode {@code outcome}): one warning each, with its eHDSI code,
     * kind and date — never silently left out.
     */
    private static List<OperationOutcome> notSent(List<DocumentOffers.NotOffered> notOffered) {
        if (notOffered.isEmpty()) {
            return List.of();
        }
        OperationOutcome outcome = new OperationOutcome();
        for (DocumentOffers.NotOffered unsent : notOffered) {
            ExchangeError error = unsent.refusal().error();
            DocumentEntry french = unsent.french();
            outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.WARNING)
                    .setCode(OperationOutcome.IssueType.PROCESSING)
                    .setDiagnostics("A document of type LOINC " + french.kind().loincClassCode() + " of "
                            + french.creationTime().toLocalDate() + " not sent: " + unsent.refusal().reason())
                    .setDetails(new CodeableConcept().setText(error.description())).getDetails().addCoding()
                    .setSystem(FhirRefusal.EHDSI_ERROR_SYSTEM).setCode(error.code()).setDisplay(error.description());
        }
        return List.of(outcome);
    }

    private static void kinds(TokenOrListParam tokens, Set<DocumentKind> kinds) {
        if (tokens == null) {
            return;
        }
        for (TokenParam token : tokens.getValuesAsQueryTokens()) {
            kinds.add(DocumentReferences.kindOf(token.getSystem(), token.getValue())
                    .orElseThrow(() -> FhirRefusal.invalid("type/category: only LOINC 60591-5 (Patient Summary), "
                            + "57833-6 (ePrescription), 11502-2 (laboratory report), 34105-7 (hospital discharge "
                            + "report) and 18748-4 (imaging report) are served")));
        }
    }

    private static boolean within(DateRangeParam range, DocumentEntry entry) {
        if (range == null) {
            return true;
        }
        Date created = Date.from(entry.creationTime().toInstant());
        Date from = range.getLowerBoundAsInstant();
        Date to = range.getUpperBoundAsInstant();
        return (from == null || !created.before(from)) && (to == null || !created.after(to));
    }
}
