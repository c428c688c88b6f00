package fr.passerelle.gateway.exchange;

import fr.passerelle.gateway.healthspace.DocumentEntry;
import fr.passerelle.gateway.healthspace.DocumentKind;
import fr.passerelle.gateway.healthspace.HealthSpaceCaller;
import fr.passerelle.gateway.healthspace.NationalHealthSpace;
import fr.passerelle.gateway.healthspace.PrescriptionLine;
import fr.passerelle.gateway.healthspace.StoredDocument;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * What each listed French document is offered as abroad, and only what a retrieval of it serves: everything offered
 * must be servable, on every road alike. A document whose pivot CDA cannot be made (or that the enforced eHDSI check
 * refuses) is not offered, and is said not offered ({@link NotOffered}) so the requester learns that it exists; a French
 * ePrescription with several items is offered item by item (eHDSI allows one prescription item per ePrescription
 * document), each under its {@link PrescriptionItemId}, and an item already dispensed is not offered (its retrieval
 * is refused); another rendering (the level-1 PDF, the IPS Bundle) is offered only when it translates. Translations
 * come from {@link TranslatedDocuments}, so a later retrieval answers the very bytes offered here; the French bytes
 * are read, on the requester's behalf, only for what is not translated yet.
 */
@Component
public class DocumentOffers {

    private final NationalHealthSpace healthSpace;
    private final DocumentListing listing;
    private final TranslatedDocuments translations;

    public DocumentOffers(NationalHealthSpace healthSpace, DocumentListing listing, TranslatedDocuments translations) {
        this.healthSpace = healthSpace;
        this.listing = listing;
        this.translations = translations;
    }

    /**
     * One listed document as offered.
     *
     * @param pivots     the eHDSI pivot CDA level 3 documents offered: the whole French document, or its items
     *                   still to dispense when {@code itemised}
     * @param itemised   the French document is a multi-line ePrescription, offered item by item
     * @param renderings the other renderings asked for that the document translates into (whole document)
     */
    public record Offer(DocumentEntry french, List<Pivot> pivots, boolean itemised,
                        Map<Rendering, byte[]> renderings) {
        public Offer {
            pivots = List.copyOf(pivots);
            renderings = Map.copyOf(renderings);
        }

        public Optional<byte[]> rendered(Rendering rendering) {
            return Optional.ofNullable(renderings.get(rendering));
        }
    }

    /**
     * A listed document, or one item of a multi-line ePrescription, that is not offered because its pivot could not be
     * made or was refused by the enforced eHDSI check: the roads tell the requester, never drop it silently.
     *
     * @param uniqueId the id a retrieval would have named it by (the French document's, or the item's)
     * @param refusal  why, in words safe to send (no clinical content)
     */
    public record NotOffered(DocumentEntry french, String uniqueId, ExchangeRefusal refusal) {
    }

    /** What a listing is offered as, in the listing's order, and what of it could not be. */
    public record Offered(List<Offer> offers, List<NotOffered> notOffered) {
        public Offered {
            offers = List.copyOf(offers);
            notOffered = List.copyOf(notOffered);
        }
    }

    /**
     * One pivot CDA level 3 offered.
     *
     * @param uniqueId the XDS uniqueId a retrieval names it by: the French one, or the item's
     *                 ({@link PrescriptionItemId#xdsUniqueId()}, also its {@code ClinicalDocument/id})
     * @param item     the prescription item's position from 1, 0 for the whole document
     * @param content  the translated bytes (shared with the cache: not to be modified)
     */
    public record Pivot(String uniqueId, int item, byte[] content) {
    }

    /**
     * The offers for documents a listing granted to this call, in their order; renderings in {@code alsoOffered}
     * that do not apply to a document's kind are not tried.
     *
     * @throws fr.passerelle.gateway.healthspace.HealthSpaceUnavailableException when the health space cannot answer
     */
    public Offered offers(CrossBorderCall call, List<DocumentEntry> listed, Set<Rendering> alsoOffered) {
        if (alsoOffered.contains(Rendering.PIVOT_CDA)) {
            throw new IllegalArgumentException("the pivot CDA level 3 is always offered");
        }
        // A remote health space (the DMP) reads the bytes and the prescription lines for the requester only.
        return HealthSpaceCaller.callAs(call.requester(), () -> {
            List<Offer> offers = new ArrayList<>();
            List<NotOffered> notOffered = new ArrayList<>();
            for (DocumentEntry french : listed) {
                offer(french, alsoOffered, notOffered).ifPresent(offers::add);
            }
            return new Offered(offers, notOffered);
        });
    }

    private Optional<Offer> offer(DocumentEntry french, Set<Rendering> alsoOffered, List<NotOffered> notOffered) {
        FrenchBytes source = new FrenchBytes(french.uniqueId());
        try {
            TranslatedDocuments.Translation pivot = translations.translate(french.uniqueId(), Rendering.PIVOT_CDA,
                    Optional.empty(), source);
            if (pivot instanceof TranslatedDocuments.Failed failed) {
                notOffered.add(new NotOffered(french, french.uniqueId(), failed.refusal()));
                return Optional.empty();
            }
            TranslatedDocuments.Done whole = (TranslatedDocuments.Done) pivot;
            List<Pivot> pivots = new ArrayList<>();
            boolean itemised = french.kind() == DocumentKind.EPRESCRIPTION && whole.items() > 1;
            if (itemised) {
                List<PrescriptionLine> lines = listing.prescriptionLines(french.uniqueId());
                for (int item = 1; item <= whole.items(); item++) {
                    boolean dispensed = lines.size() >= item && lines.get(item - 1).dispensed();
                    if (dispensed) {
                        continue;
                    }
                    String itemId = new PrescriptionItemId(french.uniqueId(), item).xdsUniqueId();
                    TranslatedDocuments.Translation itemDocument = translations.translateItem(french.uniqueId(), item,
                            Optional.empty(), source);
                    if (itemDocument instanceof TranslatedDocuments.Done done) {
                        pivots.add(new Pivot(itemId, item, done.content()));
                    } else {
                        notOffered.add(new NotOffered(french, itemId, ((TranslatedDocuments.Failed) itemDocument)
                                .refusal()));
                    }
                }
            } else {
                pivots.add(new Pivot(french.uniqueId(), 0, whole.content()));
            }
            Map<Rendering, byte[]> renderings = new EnumMap<>(Rendering.class);
            for (Rendering rendering : alsoOffered) {
                if (rendering.appliesTo(french.kind()) && translations.translate(french.uniqueId(), rendering,
                        Optional.empty(), source) instanceof TranslatedDocuments.Done done) {
                    renderings.put(rendering, done.content());
                }
            }
            return Optional.of(new Offer(french, pivots, itemised, renderings));
        } catch (Vanished gone) {
            return Optional.empty();
        }
    }

    /** The French bytes, read at most once and only when a translation is not cached. */
    private final class FrenchBytes implements Supplier<byte[]> {
        private final String uniqueId;
        private byte[] content;

        FrenchBytes(String uniqueId) {
            this.uniqueId = uniqueId;
        }

        @Override
        public byte[] get() {
            if (content == null) {
                content = healthSpace.retrieve(uniqueId).map(StoredDocument::content).orElseThrow(Vanished::new);
            }
            return content;
        }
    }

    /** A listed document the health space no longer returns: not offered (it could not be retrieved either). */
    private static final class Vanished extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Vanished() {
            super("a listed document is no longer in the health space", null, false, false);
        }
    }
}
