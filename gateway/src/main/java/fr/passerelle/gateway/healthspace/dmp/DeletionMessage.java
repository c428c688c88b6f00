package fr.passerelle.gateway.healthspace.dmp;

import static fr.passerelle.gateway.healthspace.dmp.XdsModel.slot;

import fr.passerelle.gateway.ihe.ProtocolModel;
import fr.passerelle.gateway.ihe.XdsVocabulary;
import fr.passerelle.gateway.ihe.ebxml.lcm.SubmitObjectsRequest;
import fr.passerelle.gateway.ihe.ebxml.rim.AssociationType1;
import fr.passerelle.gateway.ihe.ebxml.rim.IdentifiableType;
import fr.passerelle.gateway.ihe.ebxml.rim.RegistryObjectListType;
import fr.passerelle.gateway.healthspace.Ins;
import jakarta.xml.bind.JAXBElement;
import java.time.Instant;
import java.util.List;
import org.w3c.dom.Element;

/**
 * The DMP's "suppression d'un document" (transaction TD3.3c): an IHE ITI-57 Update Document Set that moves one
 * DocumentEntry from {@code Approved} to the CI-SIS status {@code urn:asip:ci-sis:2010:StatusType:Deleted}. IHE's
 * form of a status change (ITI TF-2b, Update Document Set, DocumentEntry status update): a new submission set and an
 * {@code UpdateAvailabilityStatus} association from it to the entry's {@code entryUUID}, with slots
 * {@code OriginalStatus} and {@code NewStatus}. The DMP deletes logically (the entry stays, no longer current) and
 * lets only the document's author delete it.
 *
 * <p>Sources: ANS, "PDSm pour le DMP" implementation guide (github.com/ansforge/IG-FHIR-PDSM4DMP-EEDS, page
 * index.md: TD3.3c = ITI-57 with availabilityStatus {@code urn:asip:ci-sis:2010:StatusType:Deleted}; page
 * transaction_td3.3c.md: only the author may delete, no physical deletion). The DMP integration guide itself
 * ([DMP-MDRF], distributed to accredited vendors) was not available: the DMP's own checks on this message (which
 * submission-set metadata it requires, its error codes) are not known here.
 */
final class DeletionMessage {

    /** The CI-SIS availability status of a deleted document (JDV_J52). */
    static final String DELETED = "urn:asip:ci-sis:2010:StatusType:Deleted";
    static final String UPDATE_AVAILABILITY_STATUS = "urn:ihe:iti:2010:AssociationType:UpdateAvailabilityStatus";

    private DeletionMessage() {
    }

    /**
     * @param entryUuid       the DocumentEntry's {@code entryUUID} in the DMP's registry (from GetDocuments)
     * @param author          the professional asking, as an XCN
     * @param submissionSetId unique id of the submission set (an OID under the configured root)
     */
    static Element request(Ins patient, String entryUuid, String author, DmpProperties.Identity identity,
                           String submissionSetId, Instant now) {
        String setUuid = XdsModel.newUuid();
        List<JAXBElement<? extends IdentifiableType>> objects = ProvideAndRegisterMessage.submissionSet(setUuid,
                "Suppression d'une dispensation à l'étranger", XdsQueries.patientCx(patient) + "^NH", author,
                ProvideAndRegisterMessage.institution(identity), identity, submissionSetId, now);
        objects.add(ProvideAndRegisterMessage.RIM.createAssociation(new AssociationType1().withId(XdsModel.newUuid())
                .withAssociationType(UPDATE_AVAILABILITY_STATUS).withSourceObject(setUuid).withTargetObject(entryUuid)
                .withSlot(slot("OriginalStatus", XdsVocabulary.APPROVED), slot("NewStatus", DELETED))));
        return ProtocolModel.XDS.toDom(new SubmitObjectsRequest()
                .withRegistryObjectList(new RegistryObjectListType().withIdentifiable(objects)));
    }
}
