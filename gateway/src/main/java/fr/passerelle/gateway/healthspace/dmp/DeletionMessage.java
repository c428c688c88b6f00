package fr.passerelle.gateway.healthspace.dmp;

import static fr.passerelle.gateway.ihe.XdsVocabulary.LCM;
import static fr.passerelle.gateway.ihe.XdsVocabulary.RIM;

import fr.passerelle.gateway.ihe.XdsVocabulary;
import fr.passerelle.gateway.healthspace.Ins;
import java.time.Instant;
import java.util.UUID;
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
        String setUuid = "urn:uuid:" + UUID.randomUUID();
        Element submit = XmlTree.root(LCM, "lcm:SubmitObjectsRequest");
        submit.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:rim", RIM);
        Element list = XmlTree.add(submit, RIM, "rim:RegistryObjectList");
        ProvideAndRegisterMessage.submissionSet(list, setUuid, "Suppression d'une dispensation à l'étranger",
                XdsQueries.patientCx(patient) + "^NH", author, ProvideAndRegisterMessage.institution(identity),
                identity, submissionSetId, now);
        Element association = XmlTree.add(list, RIM, "rim:Association");
        association.setAttributeNS(null, "id", "urn:uuid:" + UUID.randomUUID());
        association.setAttributeNS(null, "associationType", UPDATE_AVAILABILITY_STATUS);
        association.setAttributeNS(null, "sourceObject", setUuid);
        association.setAttributeNS(null, "targetObject", entryUuid);
        slot(association, "OriginalStatus", XdsVocabulary.APPROVED);
        slot(association, "NewStatus", DELETED);
        return submit;
    }

    private static void slot(Element holder, String name, String value) {
        Element slot = XmlTree.add(holder, RIM, "rim:Slot");
        slot.setAttributeNS(null, "name", name);
        XmlTree.add(XmlTree.add(slot, RIM, "rim:ValueList"), RIM, "rim:Value", value);
    }
}
