package fr.passerelle.gateway.exchange;

import fr.passerelle.gateway.ehdsi.ExchangeError;
import fr.passerelle.gateway.healthspace.HealthSpaceCaller;
import fr.passerelle.gateway.healthspace.HealthSpaceUnavailableException;
import fr.passerelle.gateway.access.CrossBorderTransaction;
import fr.passerelle.gateway.access.DocumentFilter;
import fr.passerelle.gateway.healthspace.DocumentEntry;
import fr.passerelle.gateway.healthspace.DocumentKind;
import fr.passerelle.gateway.healthspace.NationalHealthSpace;
import fr.passerelle.gateway.healthspace.StoredDocument;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.healthspace.PrescriptionLine;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Retrieves one document for a foreign professional (XCA retrieve, FHIR $summary, Bundle and Binary reads): the
 * policy decides on the document's own patient and kind, a masked or dispensed document is answered as absent
 * (its existence is not disclosed), and the translation comes from the cache when it was made before.
 */
@Component
public class DocumentRetrieval {

    /** The audit trail's reasons for a refused read of a document id. */
    static final String UNKNOWN_RESOURCE_RULE = "UNKNOWN_RESOURCE";
    static final String NOT_SERVED_RULE = "DOCUMENT_NOT_SERVED";

    private final NationalHealthSpace healthSpace;
    private final AccessControl gate;
    private final DocumentListing listing;
    private final TranslatedDocuments translations;

    public DocumentRetrieval(NationalHealthSpace healthSpace, AccessControl gate, DocumentListing listing,
                             TranslatedDocuments translations) {
        this.healthSpace = healthSpace;
        this.gate = gate;
        this.listing = listing;
        this.translations = translations;
    }

    public RetrievalOutcome retrieve(CrossBorderCall call, RetrievalRequest request) {
        return retrieve(call, request, kind -> request.rendering());
    }

    /**
     * The FHIR document Bundle of a document, whichever its kind makes ({@link Rendering#fhirDocumentOf}: the IPS of
     * a Patient Summary, the laboratory report of a CR-BIO): FHIR {@code Bundle/<id>}. A document of a kind without
     * one is answered as absent, like any document not served in the rendering asked.
     */
    public RetrievalOutcome retrieveFhirDocument(CrossBorderCall call, String uniqueId, Optional<String> language) {
        RetrievalRequest request = new RetrievalRequest(uniqueId, Optional.empty(), Rendering.FHIR_IPS, language);
        return retrieve(call, request, kind -> Rendering.fhirDocumentOf(kind).orElse(request.rendering()));
    }

    private RetrievalOutcome retrieve(CrossBorderCall call, RetrievalRequest asked,
                                      Function<DocumentKind, Rendering> renderingOf) {
        try {
            return HealthSpaceCaller.callAs(call.requester(), () -> retrieveOnBehalf(call, asked, renderingOf));
        } catch (HealthSpaceUnavailableException e) {
            // Answered in time with an eHDSI error rather than a server error, and audited; nothing was effected.
            return new RetrievalOutcome.Refused(gate.unanswered(call, asked.patient(), Set.of(),
                    CrossBorderTransaction.DOCUMENT_RETRIEVE, e));
        }
    }

    private RetrievalOutcome retrieveOnBehalf(CrossBorderCall call, RetrievalRequest asked,
                                              Function<DocumentKind, Rendering> renderingOf) {
        // Metadata only: the French bytes are read below only when the translation is not cached (a document never
        // changes under its id), which spares the database read and the allocation of the whole CDA per request.
        Optional<DocumentEntry> french = healthSpace.entry(asked.uniqueId());
        int item = 0;
        if (french.isEmpty() && asked.rendering() == Rendering.PIVOT_CDA) {
            // Not a French uniqueId: perhaps one item of a multi-line ePrescription (PrescriptionItemId).
            Optional<PrescriptionItemId> asItem = PrescriptionItemId.parse(asked.uniqueId());
            Optional<DocumentEntry> prescription = asItem.flatMap(i -> healthSpace.entry(i.prescriptionUniqueId()))
                    .filter(e -> e.kind() == DocumentKind.EPRESCRIPTION);
            if (prescription.isPresent()) {
                french = prescription;
                item = asItem.get().item();
            }
        }
        Optional<DocumentEntry> stored = french;
        RetrievalRequest request = stored.map(entry -> new RetrievalRequest(asked.uniqueId(), asked.patient(),
                renderingOf.apply(entry.kind()), asked.language())).orElse(asked);
        if (stored.isEmpty() || !DocumentListing.LISTABLE.contains(stored.get().kind())
                || request.patient().filter(p -> !p.equals(stored.get().patient())).isPresent()
                || !request.rendering().appliesTo(stored.get().kind())) {
            // Unknown, not served abroad, another patient's, or not in this rendering: all look the same from
            // outside, and are audited without a patient (not even the document's: it was not disclosed).
            return new RetrievalOutcome.Refused(gate.unidentified(call, CrossBorderTransaction.DOCUMENT_RETRIEVE,
                    stored.isEmpty() ? UNKNOWN_RESOURCE_RULE : NOT_SERVED_RULE,
                    ExchangeError.ERROR_GENERIC_DOCUMENT_MISSING));
        }
        DocumentEntry entry = stored.get();
        AccessControl.Admission passage = gate.admit(call, entry.patient(), Set.of(entry.kind()),
                CrossBorderTransaction.DOCUMENT_RETRIEVE);
        if (passage instanceof AccessControl.Refused turned) {
            return new RetrievalOutcome.Refused(turned.refusal());
        }
        AccessControl.Admitted admitted = (AccessControl.Admitted) passage;
        if (!DocumentFilter.isVisible(admitted.decision(), entry)
                || (entry.kind() == DocumentKind.EPRESCRIPTION && !listing.stillDispensable(entry))
                || (item > 0 && itemDispensed(entry, item))) {
            return new RetrievalOutcome.Refused(gate.failed(admitted, ExchangeRefusal.of(ExchangeError.ERROR_GENERIC_DOCUMENT_MISSING)));
        }
        Supplier<byte[]> source = () -> healthSpace.retrieve(entry.uniqueId()).map(StoredDocument::content)
                .orElseThrow(() -> new IllegalStateException("a listed document cannot be retrieved"));
        TranslatedDocuments.Translation translation = item > 0
                ? translations.translateItem(entry.uniqueId(), item, request.language(), source)
                : translations.translate(entry.uniqueId(), request.rendering(), request.language(), source);
        if (translation instanceof TranslatedDocuments.Failed failed) {
            return new RetrievalOutcome.Refused(gate.failed(admitted, failed.refusal()));
        }
        if (item == 0 && request.rendering() == Rendering.PIVOT_CDA
                && ((TranslatedDocuments.Done) translation).items() > 1) {
            // eHDSI allows one prescription item per ePrescription document: a multi-line prescription is offered,
            // and so served, item by item only (PrescriptionItemId); its whole pivot would fail the validators.
            return new RetrievalOutcome.Refused(gate.failed(admitted, new ExchangeRefusal(
                    ExchangeError.ERROR_GENERIC_DOCUMENT_MISSING, "this ePrescription holds "
                    + ((TranslatedDocuments.Done) translation).items()
                    + " items and is served item by item, each under its own document id")));
        }
        gate.granted(admitted, List.of(entry.uniqueId()));
        return new RetrievalOutcome.Retrieved(new RenderedDocument(entry, request.rendering(),
                request.language().orElse(null), ((TranslatedDocuments.Done) translation).content()));
    }

    /** An item already dispensed is no longer served (the whole prescription's other items still are). */
    private boolean itemDispensed(DocumentEntry prescription, int item) {
        List<PrescriptionLine> lines = listing.prescriptionLines(prescription.uniqueId());
        return lines.size() >= item && lines.get(item - 1).dispensed();
    }

    /**
     * The patient's newest document of a kind this requester may see (FHIR {@code $summary}): one decision, one
     * audit record naming the document returned.
     */
    public RetrievalOutcome retrieveLatest(CrossBorderCall call, Ins patient, DocumentKind kind, Rendering rendering,
                                           Optional<String> language) {
        try {
            return HealthSpaceCaller.callAs(call.requester(),
                    () -> retrieveLatestOnBehalf(call, patient, kind, rendering, language));
        } catch (HealthSpaceUnavailableException e) {
            // Answered in time with an eHDSI error rather than a server error, and audited; nothing was effected.
            return new RetrievalOutcome.Refused(gate.unanswered(call, Optional.of(patient), Set.of(kind),
                    CrossBorderTransaction.DOCUMENT_RETRIEVE, e));
        }
    }

    private RetrievalOutcome retrieveLatestOnBehalf(CrossBorderCall call, Ins patient, DocumentKind kind, Rendering rendering,
                                           Optional<String> language) {
        if (!rendering.appliesTo(kind)) {
            throw new IllegalArgumentException(rendering + " does not apply to " + kind);
        }
        if (healthSpace.findPatient(patient).isEmpty()) {
            return new RetrievalOutcome.Refused(gate.unknownPatient(call, patient, Set.of(kind),
                    CrossBorderTransaction.DOCUMENT_RETRIEVE));
        }
        AccessControl.Admission passage = gate.admit(call, patient, Set.of(kind), CrossBorderTransaction.DOCUMENT_RETRIEVE);
        if (passage instanceof AccessControl.Refused turned) {
            return new RetrievalOutcome.Refused(turned.refusal());
        }
        AccessControl.Admitted admitted = (AccessControl.Admitted) passage;
        ExchangeError none = switch (kind) {
            case PATIENT_SUMMARY -> ExchangeError.ERROR_PS_NOT_FOUND;
            case EPRESCRIPTION -> ExchangeError.ERROR_EP_NOT_FOUND;
            default -> ExchangeError.ERROR_GENERIC_DOCUMENT_MISSING;
        };
        Optional<DocumentEntry> newest = DocumentFilter.visible(admitted.decision(), healthSpace.documents(patient, kind))
                .stream()
                .filter(entry -> kind != DocumentKind.EPRESCRIPTION || listing.stillDispensable(entry))
                .max(Comparator.comparing(DocumentEntry::creationTime));
        if (newest.isEmpty()) {
            return new RetrievalOutcome.Refused(gate.failed(admitted, ExchangeRefusal.of(none)));
        }
        DocumentEntry entry = newest.get();
        // The bytes are read only when the translation is not cached (a document never changes under its id).
        TranslatedDocuments.Translation translation = translations.translate(entry.uniqueId(), rendering, language,
                () -> healthSpace.retrieve(entry.uniqueId()).map(StoredDocument::content)
                        .orElseThrow(() -> new IllegalStateException("a listed document cannot be retrieved")));
        if (translation instanceof TranslatedDocuments.Failed failed) {
            return new RetrievalOutcome.Refused(gate.failed(admitted, failed.refusal()));
        }
        gate.granted(admitted, List.of(entry.uniqueId()));
        return new RetrievalOutcome.Retrieved(new RenderedDocument(entry, rendering, language.orElse(null),
                ((TranslatedDocuments.Done) translation).content()));
    }
}
