package fr.passerelle.gateway.healthspace.dmp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.gateway.ihe.XdsVocabulary;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import fr.passerelle.gateway.ehdsi.ExchangeError;
import fr.passerelle.gateway.healthspace.DiscardReceipt;
import fr.passerelle.gateway.healthspace.DiscardRefusedException;
import fr.passerelle.gateway.healthspace.HealthSpaceCaller;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.soap.ReceivedXml;
import fr.passerelle.trust.VerifiedRequester;
import fr.passerelle.trust.assertion.PurposeOfUse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * Discarding a dispensation in the DMP: the TD3.3c "suppression" of its eDISP-MED, an ITI-57 Update Document Set
 * moving the entry to {@code urn:asip:ci-sis:2010:StatusType:Deleted}, against a WireMock DMP holding the ANS
 * eDISP-MED example — the message sent, the cases where nothing is sent, and the DMP refusing or failing.
 */
class DmpDiscardTest {

    private static final String DISPENSATION_ID = "1.2.250.1.999.1.3.88";
    /** The entryUUID of the ANS eDISP-MED example's ExtrinsicObject. */
    private static final String ENTRY_UUID = "urn:uuid:a43939e3-61f6-45cc-8dc4-b8f663dd23be";

    @TempDir
    static Path keys;
    private static DmpTestPki pki;

    private WireMockDmp dmp;
    private DmpNationalHealthSpace healthSpace;
    private byte[] eDispensation;

    @BeforeEach
    void start() {
        if (pki == null) {
            pki = DmpTestPki.create(keys);
        }
        dmp = new WireMockDmp(pki);
        healthSpace = dmp.connect(DmpFixtures.resilience(Duration.ofSeconds(5), 2, 20, 10, Duration.ofSeconds(30)));
        eDispensation = DmpFixtures.cda(DmpFixtures.EDISP);
    }

    @AfterEach
    void stop() {
        dmp.stop();
    }

    @Test
    void aDiscardDeletesTheEdispMedWithAnUpdateDocumentSetSignedForThePharmacist() throws Exception {
        registered(DmpFixtures.PATIENT, null);
        deletionAnswers(DmpFixtures.registryResponse(XdsVocabulary.SUCCESS, null));

        DiscardReceipt receipt = discard(DmpFixtures.PATIENT);

        assertThat(receipt.dispensationId()).isEqualTo(DISPENSATION_ID);
        assertThat(receipt.alreadyDiscarded()).isFalse();
        List<LoggedRequest> updates = updates();
        assertThat(updates).hasSize(1);
        LoggedRequest update = updates.get(0);
        assertThat(update.getHeader("Content-Type")).contains("urn:ihe:iti:2010:UpdateDocumentSet");
        Element envelope = DmpFixtures.parse(update.getBody()).getDocumentElement();
        ReceivedXml sent = ReceivedXml.of(envelope);
        assertThat(sent.text("//wsa:Action")).isEqualTo("urn:ihe:iti:2010:UpdateDocumentSet");
        String setId = sent.text("//rim:RegistryObjectList/rim:RegistryPackage/@id");
        assertThat(setId).startsWith("urn:uuid:");
        String association = "//rim:Association[@associationType="
                + "'urn:ihe:iti:2010:AssociationType:UpdateAvailabilityStatus']";
        assertThat(sent.text(association + "/@sourceObject")).isEqualTo(setId);
        assertThat(sent.text(association + "/@targetObject")).isEqualTo(ENTRY_UUID);
        assertThat(sent.text(association + "/rim:Slot[@name='OriginalStatus']/rim:ValueList/rim:Value"))
                .isEqualTo("urn:oasis:names:tc:ebxml-regrep:StatusType:Approved");
        assertThat(sent.text(association + "/rim:Slot[@name='NewStatus']/rim:ValueList/rim:Value"))
                .isEqualTo("urn:asip:ci-sis:2010:StatusType:Deleted");
        assertThat(sent.text("//rim:Classification[@classificationNode='" + XdsVocabulary.SUBMISSION_SET_NODE
                + "']/@classifiedObject")).isEqualTo(setId);
        assertThat(sent.text("//rim:RegistryPackage/rim:ExternalIdentifier[@identificationScheme='"
                + XdsVocabulary.SET_PATIENT_ID + "']/@value")).isEqualTo(XdsQueries.patientCx(DmpFixtures.PATIENT) + "^NH");
        assertThat(sent.text("//rim:RegistryPackage/rim:ExternalIdentifier[@identificationScheme='"
                + XdsVocabulary.SET_UNIQUE_ID + "']/@value")).startsWith("1.2.250.1.999.1.2.");
        assertThat(sent.text("//rim:RegistryPackage/rim:Classification[@classificationScheme='"
                + XdsVocabulary.SET_AUTHOR + "']/rim:Slot[@name='authorPerson']/rim:ValueList/rim:Value"))
                .contains("Universitätsklinikum Wien").endsWith("AT");
        assertThat(sent.count("//rim:ExtrinsicObject")).as("no document is sent").isZero();
        // The VIHF, as for every DMP call: signed, the pharmacist's role, the patient as resource.
        Element vihf = VihfAssertions.vihfOf(DmpFixtures.serialize(envelope.getOwnerDocument()));
        assertThat(VihfAssertions.verifiedSigner(vihf)).isNotNull();
        Map<String, List<String>> attributes = VihfAssertions.attributes(vihf);
        assertThat(attributes.get("urn:oasis:names:tc:xacml:2.0:subject:role")).contains("21@1.2.250.1.71.1.2.7");
        assertThat(attributes.get("urn:oasis:names:tc:xacml:2.0:resource:resource-id"))
                .containsExactly(XdsQueries.patientCx(DmpFixtures.PATIENT) + "^NH");
    }

    @Test
    void anEdispMedTheDmpHoldsAsDeletedIsAcknowledgedAgainWithoutAnUpdate() {
        registered(DmpFixtures.PATIENT, DeletionMessage.DELETED);

        DiscardReceipt receipt = discard(DmpFixtures.PATIENT);

        assertThat(receipt.alreadyDiscarded()).isTrue();
        assertThat(updates()).isEmpty();
    }

    @Test
    void nothingIsDeletedUnlessItIsAnEdispMedOfThisPatient() {
        // No document under this id.
        dmp.registry("('" + DISPENSATION_ID + "')", DmpFixtures.queryResponse(List.of()));
        assertRefused(DiscardRefusedException.Reason.UNKNOWN_DISPENSATION);

        // An ePrescription under this id: a discard never deletes anything but a dispensation.
        Element prescription = DmpFixtures.entry(DmpFixtures.EP, DmpFixtures.cda(DmpFixtures.EP));
        DmpFixtures.setPatient(prescription, DmpFixtures.PATIENT);
        DmpFixtures.setUniqueId(prescription, DISPENSATION_ID);
        dmp.registry("('" + DISPENSATION_ID + "')", DmpFixtures.queryResponse(List.of(prescription)));
        assertRefused(DiscardRefusedException.Reason.UNKNOWN_DISPENSATION);

        // Another patient's eDISP-MED.
        registered(new Ins(Ins.TEST_NIR, "190037512345699"), null);
        assertRefused(DiscardRefusedException.Reason.OTHER_PATIENT);

        assertThat(updates()).isEmpty();
    }

    @Test
    void theDmpRefusingTheDeletionIsAnAccessRefusalAndItsErrorsAreTyped() {
        registered(DmpFixtures.PATIENT, null);
        // The DMP lets only the document's author delete it; a refusal of the VIHF comes back as a WS-Security fault.
        dmp.stubFor(post(urlEqualTo("/registry")).withRequestBody(containing("UpdateAvailabilityStatus"))
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", WireMockDmp.SOAP12).withBody(
                        "<env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:wsse=\""
                                + DmpErrorCodes.WSSE + "\"><env:Body><env:Fault><env:Code><env:Value>env:Sender"
                                + "</env:Value><env:Subcode><env:Value>wsse:FailedAuthentication</env:Value>"
                                + "</env:Subcode></env:Code><env:Reason><env:Text xml:lang=\"fr\">suppression refusee"
                                + "</env:Text></env:Reason></env:Fault></env:Body></env:Envelope>")));

        assertThatThrownBy(() -> discard(DmpFixtures.PATIENT)).isInstanceOfSatisfying(DmpFailure.class, f -> {
            assertThat(f.kind()).isEqualTo(DmpFailure.Kind.ACCESS_REFUSED);
            assertThat(f.operation()).isEqualTo(DmpOperation.UPDATE_DOCUMENT_SET);
            assertThat(f.refusedAccess()).isTrue();
        });
        assertThat(updates()).as("an ITI-57 is never retried").hasSize(1);

        // The registry rejecting the update (IHE Metadata Update error): a typed failure, not a success.
        dmp.resetAll();
        registered(DmpFixtures.PATIENT, null);
        deletionAnswers(DmpFixtures.registryResponse("urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Failure",
                "XDSMetadataUpdateError"));
        assertThatThrownBy(() -> discard(DmpFixtures.PATIENT)).isInstanceOfSatisfying(DmpFailure.class, f -> {
            assertThat(f.kind()).isEqualTo(DmpFailure.Kind.REQUEST_REJECTED);
            assertThat(f.ehdsiCode()).isEqualTo(ExchangeError.ERROR_ED_DISCARD_FAILED);
        });
    }

    private DiscardReceipt discard(Ins patient) {
        return HealthSpaceCaller.callAs(pharmacist(), () -> healthSpace.discardDispensation(patient, DISPENSATION_ID));
    }

    private void assertRefused(DiscardRefusedException.Reason reason) {
        assertThatThrownBy(() -> discard(DmpFixtures.PATIENT)).isInstanceOfSatisfying(DiscardRefusedException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static VerifiedRequester pharmacist() {
        return DmpFixtures.requester(PurposeOfUse.TREATMENT, "2262");
    }

    /** GetDocuments of the dispensation id answers the ANS eDISP-MED entry registered under it. */
    private void registered(Ins patient, String status) {
        Element entry = DmpFixtures.entry(DmpFixtures.EDISP, eDispensation);
        DmpFixtures.setPatient(entry, patient);
        DmpFixtures.setUniqueId(entry, DISPENSATION_ID);
        if (status != null) {
            entry.setAttribute("status", status);
        }
        dmp.registry("('" + DISPENSATION_ID + "')", DmpFixtures.queryResponse(List.of(entry)));
    }

    private void deletionAnswers(String answer) {
        dmp.registry("UpdateAvailabilityStatus", answer);
    }

    private List<LoggedRequest> updates() {
        return dmp.findAll(postRequestedFor(urlEqualTo("/registry"))
                .withRequestBody(containing("UpdateAvailabilityStatus")));
    }
}
