package fr.passerelle.gateway.xca;

import fr.passerelle.gateway.exchange.DocumentListing;
import fr.passerelle.gateway.exchange.ListingOutcome;
import fr.passerelle.gateway.exchange.PrescriptionItemId;
import fr.passerelle.gateway.healthspace.PrescriptionLine;
import fr.passerelle.gateway.exchange.Rendering;
import fr.passerelle.gateway.exchange.TranslatedDocuments;
import fr.passerelle.gateway.exchange.ExchangeRefusal;
import fr.passerelle.gateway.healthspace.DocumentKind;
import fr.passerelle.gateway.healthspace.HealthSpaceCaller;
import fr.passerelle.gateway.healthspace.HealthSpaceUnavailableException;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.healthspace.NationalHealthSpace;
import fr.passerelle.gateway.healthspace.StoredDocument;
import fr.passerelle.gateway.soap.BusinessRefusal;
import fr.passerelle.gateway.ehdsi.ExchangeError;
import fr.passerelle.gateway.soap.RequestSecurity;
import fr.passerelle.gateway.soap.SoapProperties;
import fr.passerelle.gateway.soap.TrustCheckpoint;
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
 * policy → masked-document filter → audit). Each visible document is offered as pivot CDA level 3 and, when the
 * French document embeds a PDF, level 1; size and hash are those of the translated bytes retrieve will return
 * (translations are cached per uniqueId), and a document that cannot be translated is not offered.
 */
@Component
public class TrustedDocumentQueryRoad implements DocumentQueryRoad {

    private final TrustCheckpoint trust;
    private final DocumentListing listing;
    private final NationalHealthSpace healthSpace;
    private final TranslatedDocuments translations;
    private final SoapProperties properties;

    public TrustedDocumentQueryRoad(TrustCheckpoint trust, DocumentListing listing, NationalHealthSpace healthSpace,
                                    TranslatedDocuments translations, SoapProperties properties) {
        this.trust = trust;
        this.listing = listing;
        this.healthSpace = healthSpace;
        this.translations = translations;
        this.properties = properties;
    }

    @Override
    public DocumentQueryOutcome travel(RequestSecurity security, DocumentQuery query) {
        TrustCheckpoint.Verdict verdict = trust.check(security, Transaction.XCA_QUERY,
                Optional.of(query.patientId().toCx()));
        if (verdict instanceof TrustCheckpoint.Untrusted untrusted) {
            return new DocumentQueryOutcome.Untrusted(untrusted.refusal());
        }
        if (verdict instanceof TrustCheckpoint.Throttled throttled) {
            return new DocumentQueryOutcome.Refused(throttled.refusal());
        }
        Optional<Ins> ins = ins(query.patientId());
        if (ins.isEmpty()) {
            return new DocumentQueryOutcome.Refused(BusinessRefusal.of(ExchangeError.ERROR_PI_NO_MATCH));
        }
        Set<DocumentKind> kinds = EnumSet.noneOf(DocumentKind.class);
        query.classes().forEach(c -> kinds.add(c == DocumentClass.PATIENT_SUMMARY
                ? DocumentKind.PATIENT_SUMMARY : DocumentKind.EPRESCRIPTION));
        ListingOutcome outcome = listing.list(((TrustCheckpoint.Believed) verdict).call(), ins.get(), kinds);
        if (outcome instanceof ListingOutcome.Refused refused) {
            return new DocumentQueryOutcome.Refused(TrustCheckpoint.refusalOf(refused.refusal()));
        }
        List<DocumentEntry> entries = new ArrayList<>();
        List<fr.passerelle.gateway.healthspace.DocumentEntry> listed = ((ListingOutcome.Listed) outcome).documents();
        try {
            // The offers need the bytes; a remote health space (the DMP) reads them for the requester only.
            HealthSpaceCaller.callAs(((TrustCheckpoint.Believed) verdict).call().requester(), () -> {
                listed.forEach(french -> healthSpace.retrieve(french.uniqueId())
                        .ifPresent(stored -> entries.addAll(offers(query, stored))));
                return entries;
            });
        } catch (HealthSpaceUnavailableException e) {
            return new DocumentQueryOutcome.Refused(TrustCheckpoint.refusalOf(ExchangeRefusal.of(e)));
        }
        return new DocumentQueryOutcome.Found(entries);
    }

    private List<DocumentEntry> offers(DocumentQuery query, StoredDocument stored) {
        List<DocumentEntry> offers = new ArrayList<>();
        if (translations.translate(stored, Rendering.PIVOT_CDA, Optional.empty())
                instanceof TranslatedDocuments.Done levelThree) {
            Optional<String> transformOf = Optional.empty();
            if (levelThree.items() > 1) {
                // eHDSI: one prescription item per ePrescription document. Each item still to dispense is offered
                // as its own document; the level-1 PDF shows the whole French prescription, so it transforms none.
                List<PrescriptionLine> lines = listing.prescriptionLines(stored.entry().uniqueId());
                for (int item = 1; item <= levelThree.items(); item++) {
                    boolean dispensed = lines.size() >= item && lines.get(item - 1).dispensed();
                    String uniqueId = stored.entry().uniqueId();
                    if (!dispensed && translations.translateItem(uniqueId, item, Optional.empty(), stored::content)
                            instanceof TranslatedDocuments.Done itemDocument) {
                        offers.add(entry(query, stored, new PrescriptionItemId(uniqueId, item).xdsUniqueId(),
                                false, itemDocument.content(), Optional.empty()));
                    }
                }
            } else {
                DocumentEntry l3 = entry(query, stored, stored.entry().uniqueId(), false, levelThree.content(),
                        Optional.empty());
                offers.add(l3);
                transformOf = Optional.of(l3.entryUuid());
            }
            if (translations.translate(stored, Rendering.PIVOT_PDF, Optional.empty())
                    instanceof TranslatedDocuments.Done levelOne) {
                offers.add(entry(query, stored, new PivotDocumentId(stored.entry().uniqueId(), Rendering.PIVOT_PDF)
                        .xdsUniqueId(), true, levelOne.content(), transformOf));
            }
        }
        return offers;
    }

    private DocumentEntry entry(DocumentQuery query, StoredDocument stored, String xdsUniqueId, boolean levelOne,
                                byte[] content, Optional<String> transformOf) {
        var french = stored.entry();
        DocumentClass documentClass = french.kind() == DocumentKind.PATIENT_SUMMARY
                ? DocumentClass.PATIENT_SUMMARY : DocumentClass.EPRESCRIPTION;
        XdsCode format = levelOne
                ? new XdsCode("urn:ihe:iti:xds-sd:pdf:2008", "IHE PCC", "PDF/A coded document")
                : documentClass == DocumentClass.PATIENT_SUMMARY
                        ? new XdsCode("urn:epSOS:ps:ps:2010", "eHDSI formatCodes", "eHDSI coded Patient Summary")
                        : new XdsCode("urn:epSOS:ep:pre:2010", "eHDSI formatCodes", "eHDSI coded ePrescription");
        return new DocumentEntry("urn:uuid:" + UUID.nameUUIDFromBytes(xdsUniqueId.getBytes(StandardCharsets.UTF_8)),
                xdsUniqueId, properties.homeCommunityId(), properties.homeCommunityId(), query.patientId(),
                french.title() == null || french.title().isBlank() ? documentClass.asCode().displayName() : french.title(),
                "text/xml", documentClass.asCode(), documentClass.asCode(), format,
                new XdsCode("N", "2.16.840.1.113883.5.25", "Normal"), new XdsCode("FR", "1.0.3166.1", "FRANCE"),
                new XdsCode("Not Used", "eHDSI Practice Setting Codes-Not Used", "Not Used"),
                french.creationTime().toInstant(), french.languageCode() == null ? "fr-FR" : french.languageCode(),
                content.length, sha1(content), transformOf);
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
