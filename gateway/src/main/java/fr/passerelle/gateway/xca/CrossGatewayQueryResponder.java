package fr.passerelle.gateway.xca;

import fr.passerelle.gateway.exchange.CrossBorderCall;
import fr.passerelle.gateway.exchange.DocumentListing;
import fr.passerelle.gateway.exchange.DocumentOffers;
import fr.passerelle.gateway.exchange.ListingOutcome;
import fr.passerelle.gateway.exchange.Rendering;
import fr.passerelle.gateway.exchange.ExchangeRefusal;
import fr.passerelle.gateway.healthspace.DocumentKind;
import fr.passerelle.gateway.healthspace.HealthSpaceUnavailableException;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.soap.BusinessRefusal;
import fr.passerelle.gateway.ehdsi.ExchangeError;
import fr.passerelle.gateway.soap.RequestSecurity;
import fr.passerelle.gateway.soap.SoapProperties;
import fr.passerelle.gateway.soap.XuaServiceProvider;
import fr.passerelle.trust.Transaction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The XCA query road: trust (TRC patient = query patient), then the exchange's listing (health space → access
 * policy → masked-document filter → audit). Each visible document is offered as {@link DocumentOffers} says, as on
 * the FHIR road: pivot CDA level 3 (a multi-line ePrescription item by item) and, when the French document embeds a
 * PDF, level 1; size and hash are those of the translated bytes retrieve will return (translations are cached per
 * uniqueId), and a document that cannot be translated is not offered. A class asked for that the patient's consent
 * does not cover while another is covered is answered beside the documents (PartialSuccess, a RegistryError 4701
 * naming the class), not by refusing the whole query; a class code France does not serve over XCA asked beside
 * served ones is named in a RegistryError of severity Warning (PartialSuccess), never ignored silently.
 */
@Component
public class CrossGatewayQueryResponder implements DocumentQueryRoad {

    private final XuaServiceProvider trust;
    private final DocumentListing listing;
    private final DocumentOffers offers;
    private final SoapProperties properties;

    public CrossGatewayQueryResponder(XuaServiceProvider trust, DocumentListing listing, DocumentOffers offers,
                                    SoapProperties properties) {
        this.trust = trust;
        this.listing = listing;
        this.offers = offers;
        this.properties = properties;
    }

    @Override
    public DocumentQueryOutcome respond(RequestSecurity security, DocumentQuery query) {
        return trust.check(security, Transaction.XCA_QUERY, Optional.of(query.patientId().toCx()))
                .fold(DocumentQueryOutcome.Untrusted::new, DocumentQueryOutcome.Refused::new,
                        call -> list(call, query));
    }

    private DocumentQueryOutcome list(CrossBorderCall call, DocumentQuery query) {
        Optional<Ins> ins = ins(query.patientId());
        if (ins.isEmpty()) {
            return new DocumentQueryOutcome.Refused(BusinessRefusal.of(ExchangeError.ERROR_PI_NO_MATCH));
        }
        Set<DocumentKind> kinds = EnumSet.noneOf(DocumentKind.class);
        query.classes().forEach(c -> kinds.add(c.kind()));
        ListingOutcome outcome = listing.list(call, ins.get(), kinds);
        if (outcome instanceof ListingOutcome.Refused refused) {
            return new DocumentQueryOutcome.Refused(XuaServiceProvider.refusalOf(refused.refusal()));
        }
        DocumentOffers.Offered offered;
        try {
            offered = offers.offers(call,
                    ((ListingOutcome.Listed) outcome).documents(), Set.of(Rendering.PIVOT_PDF));
        } catch (HealthSpaceUnavailableException e) {
            return new DocumentQueryOutcome.Refused(XuaServiceProvider.refusalOf(ExchangeRefusal.of(e)));
        }
        List<DocumentEntry> entries = new ArrayList<>();
        offered.offers().forEach(offer -> entries.addAll(entries(query, offer)));
        List<DocumentQueryOutcome.NotSent> notSent = offered.notOffered().stream().map(unsent -> {
            DocumentClass documentClass = DocumentClass.of(unsent.french().kind());
            return new DocumentQueryOutcome.NotSent(unsent.uniqueId(), new BusinessRefusal(unsent.refusal().error(),
                    documentClass.asCode().displayName() + " (" + documentClass.loincCode() + ") not sent: "
                            + unsent.refusal().reason()));
        }).toList();
        List<BusinessRefusal> withheld = new ArrayList<>();
        ((ListingOutcome.Listed) outcome).withheld().forEach((kind, refusal) -> {
            DocumentClass documentClass = DocumentClass.of(kind);
            withheld.add(new BusinessRefusal(refusal.error(), documentClass.asCode().displayName() + " ("
                    + documentClass.loincCode() + "): " + refusal.reason()));
        });
        return new DocumentQueryOutcome.Found(entries, withheld, unserved(query), notSent);
    }

    /** Longest class code echoed back (the requester's own words, bounded: a code is a few characters). */
    private static final int MAX_ECHOED_CODE = 32;
    private static final int MAX_ECHOED_CODES = 10;

    /**
     * The asked class codes France does not serve over XCA, named in one warning (IHE ITI TF-2a 3.38 / TF-2b 3.18:
     * PartialSuccess, the served classes answered); none when every asked class is served.
     */
    private static List<BusinessRefusal> unserved(DocumentQuery query) {
        if (query.unsupportedClassCodes().isEmpty()) {
            return List.of();
        }
        List<String> codes = query.unsupportedClassCodes().stream().distinct().limit(MAX_ECHOED_CODES)
                .map(code -> code.length() > MAX_ECHOED_CODE ? code.substring(0, MAX_ECHOED_CODE) + "…" : code)
                .toList();
        int more = (int) query.unsupportedClassCodes().stream().distinct().count() - codes.size();
        return List.of(new BusinessRefusal(ExchangeError.ERROR_GENERIC_SERVICE_SIGNIFIER_UNKNOWN,
                "class code(s) not served by France over XCA, not answered: " + String.join(", ", codes)
                        + (more > 0 ? " and " + more + " more" : "") + "; served: " + DocumentClass.served()));
    }

    /**
     * An offer's XDS entries: each pivot level 3 (the document, or each item still to dispense of a multi-line
     * ePrescription) and the level 1; the level-1 PDF of a multi-line prescription shows the whole French
     * prescription, so it transforms no item document.
     */
    private List<DocumentEntry> entries(DocumentQuery query, DocumentOffers.Offer offer) {
        List<DocumentEntry> entries = new ArrayList<>();
        Optional<String> transformOf = Optional.empty();
        for (DocumentOffers.Pivot pivot : offer.pivots()) {
            DocumentEntry l3 = entry(query, offer.french(), pivot.uniqueId(), false, pivot.content(), Optional.empty(),
                    offer.french().kind() == DocumentKind.EPRESCRIPTION ? PrescriptionItemMetadata.of(pivot.content())
                            : offer.french().kind().originalClinicalDocument()
                                    ? PrescriptionItemMetadata.authorOf(pivot.content())
                                    : PrescriptionItemMetadata.none());
            entries.add(l3);
            if (!offer.itemised()) {
                transformOf = Optional.of(l3.entryUuid());
            }
        }
        Optional<String> l3 = transformOf;
        offer.rendered(Rendering.PIVOT_PDF).ifPresent(levelOne -> entries.add(entry(query, offer.french(),
                new PivotDocumentId(offer.french().uniqueId(), Rendering.PIVOT_PDF).xdsUniqueId(), true, levelOne, l3,
                PrescriptionItemMetadata.none())));
        return entries;
    }

    private DocumentEntry entry(DocumentQuery query, fr.passerelle.gateway.healthspace.DocumentEntry french,
                                String xdsUniqueId, boolean levelOne, byte[] content, Optional<String> transformOf,
                                PrescriptionItemMetadata item) {
        DocumentClass documentClass = DocumentClass.of(french.kind());
        XdsCode format = levelOne ? DocumentClass.Formats.ORIGINAL : documentClass.format();
        return new DocumentEntry("urn:uuid:" + UUID.nameUUIDFromBytes(xdsUniqueId.getBytes(StandardCharsets.UTF_8)),
                xdsUniqueId, properties.homeCommunityId(), properties.homeCommunityId(), query.patientId(),
                french.title() == null || french.title().isBlank() ? documentClass.asCode().displayName() : french.title(),
                "text/xml", documentClass.asCode(), documentClass.asCode(), format,
                new XdsCode("N", "2.16.840.1.113883.5.25", "Normal"), new XdsCode("FR", "1.0.3166.1", "FRANCE"),
                new XdsCode("Not Used", "eHDSI Practice Setting Codes-Not Used", "Not Used"),
                french.creationTime().toInstant(), french.languageCode() == null ? "fr-FR" : french.languageCode(),
                content.length, sha1(content), transformOf, item,
                french.service().start().map(java.time.OffsetDateTime::toInstant),
                french.service().stop().map(java.time.OffsetDateTime::toInstant));
    }

    static Optional<Ins> ins(XdsPatientId patientId) {
        if (!Ins.isInsOid(patientId.root())) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Ins(patientId.root(), patientId.extension()));
        } catch (IllegalArgumentException notAnIns) {
            return Optional.empty();
        }
    }

    private static String sha1(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is a required JDK algorithm", e);
        }
    }
}
