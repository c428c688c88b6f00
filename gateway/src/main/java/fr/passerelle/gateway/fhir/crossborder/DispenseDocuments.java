package fr.passerelle.gateway.fhir.crossborder;

import ca.uhn.fhir.context.FhirContext;
import fr.passerelle.gateway.fhir.outcome.FhirRefusal;
import fr.passerelle.gateway.healthspace.FrenchPatient;
import fr.passerelle.terminology.Terminology;
import fr.passerelle.gateway.ehdsi.ExchangeError;
import fr.passerelle.gateway.exchange.ExchangeRefusal;
import fr.passerelle.gateway.exchange.TranslationDefects;
import fr.passerelle.translation.DocumentTranslator;
import fr.passerelle.translation.TranslationOutcome;
import fr.passerelle.trust.VerifiedRequester;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Writes the French eDISP-MED of a dispensation received as a FHIR MedicationDispense, with the same
 * {@code translation} writer the XDR road uses. The foreign resource says what was dispensed (its medication,
 * quantity, substitution, time); what France knows better is filled in from the checked request: the patient's
 * identity as the health space holds it (the INS the TRC assertion names), the prescription document and line
 * the dispense's {@code authorizingPrescription} points at, and the dispensing pharmacist of the verified HCP
 * assertion. The input is deterministic for one dispense (ids derived from its identifier), so a resubmission
 * produces the very same document.
 */
@Component
public class DispenseDocuments {

    private static final Pattern OID = Pattern.compile("[0-2](\\.(0|[1-9][0-9]*))+");
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9A-Fa-f]{8}(-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}");

    private final DocumentTranslator translator;
    private final FhirContext context;

    public DispenseDocuments(ObjectProvider<DocumentTranslator> translator, Terminology terminology,
                             FhirContext context) {
        this.translator = translator.getIfAvailable(() -> new DocumentTranslator(terminology));
        this.context = context;
    }

    /** What the checked request says about the dispensation, beside the received resource. */
    public record Dispensed(String key, FrenchPatient patient, String prescriptionId, String lineId,
                            VerifiedRequester pharmacist, String pharmacy) {
    }

    /**
     * The eDISP-MED bytes.
     *
     * @throws FhirRefusal 422 naming what the resource lacks (e.g. a medication without a code)
     */
    public byte[] edispMed(MedicationDispense received, Dispensed dispensed) {
        String bundle = context.newJsonParser().encodeResourceToString(input(received, dispensed));
        TranslationOutcome outcome = TranslationDefects.guarded("MedicationDispense to eDISP-MED",
                () -> translator.medicationDispenseToEdispMed(bundle))
                .orElseThrow(() -> FhirRefusal.of(TranslationDefects.refusal()));
        if (outcome instanceof TranslationOutcome.Rejected rejected) {
            throw FhirRefusal.of(new ExchangeRefusal(ExchangeError.ERROR_TRANSCODING_ERROR,
                    "the MedicationDispense cannot be recorded as a French eDISP-MED: " + rejected.failure().message()));
        }
        return ((TranslationOutcome.Translated) outcome).document().getBytes(StandardCharsets.UTF_8);
    }

    /** The collection Bundle {@code translation} reads: Patient, pharmacist, pharmacy, prescription, dispense. */
    Bundle input(MedicationDispense received, Dispensed dispensed) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        bundle.setIdentifier(new Identifier().setSystem("urn:ietf:rfc:3986").setValue(dispensed.key()));

        String patientUrl = entry(bundle, PatientProvider.identity(dispensed.patient()), dispensed.key(), "patient");

        VerifiedRequester hcp = dispensed.pharmacist();
        Practitioner pharmacist = new Practitioner();
        identifier(hcp.practitionerId()).ifPresent(pharmacist::addIdentifier);
        pharmacist.addName().setFamily(hcp.practitionerName());
        entry(bundle, pharmacist, dispensed.key(), "pharmacist");
        Organization pharmacy = new Organization().setName(dispensed.pharmacy());
        identifier(hcp.organisationId()).ifPresent(pharmacy::addIdentifier);
        entry(bundle, pharmacy, dispensed.key(), "pharmacy");

        MedicationRequest prescribed = new MedicationRequest();
        prescribed.addIdentifier(identifier(dispensed.lineId()).orElseGet(
                () -> new Identifier().setValue(dispensed.lineId())));
        prescribed.setGroupIdentifier(identifier(dispensed.prescriptionId()).orElseGet(
                () -> new Identifier().setValue(dispensed.prescriptionId())));
        prescribed.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE)
                .setIntent(MedicationRequest.MedicationRequestIntent.ORDER)
                .setSubject(new Reference(patientUrl));
        String prescriptionUrl = entry(bundle, prescribed, dispensed.key(), "prescription");

        MedicationDispense dispense = received.copy();
        dispense.setIdElement(null);
        dispense.setSubject(new Reference(patientUrl));
        dispense.getAuthorizingPrescription().clear();
        dispense.addAuthorizingPrescription(new Reference(prescriptionUrl));
        entry(bundle, dispense, dispensed.key(), "dispense");
        return bundle;
    }

    private static String entry(Bundle bundle, org.hl7.fhir.r4.model.Resource resource, String key, String role) {
        String url = "urn:uuid:" + UUID.nameUUIDFromBytes((key + "#" + role).getBytes(StandardCharsets.UTF_8));
        bundle.addEntry().setFullUrl(url).setResource(resource);
        return url;
    }

    /**
     * An HL7 v3 instance identifier written as FHIR: {@code root^extension}, {@code urn:oid:root},
     * {@code urn:hl7ii:root:extension} or a bare OID/UUID. Anything else is not an identifier a CDA can carry.
     */
    static java.util.Optional<Identifier> identifier(String id) {
        if (id == null || id.isBlank()) {
            return java.util.Optional.empty();
        }
        String root = id;
        String extension = null;
        if (id.startsWith("urn:hl7ii:")) {
            String rest = id.substring("urn:hl7ii:".length());
            int colon = rest.indexOf(':');
            root = colon < 0 ? rest : rest.substring(0, colon);
            extension = colon < 0 ? null : rest.substring(colon + 1);
        } else if (id.startsWith("urn:oid:")) {
            root = id.substring("urn:oid:".length());
        } else if (id.indexOf('^') > 0) {
            root = id.substring(0, id.indexOf('^'));
            extension = id.substring(id.indexOf('^') + 1);
        }
        boolean oid = OID.matcher(root).matches();
        if (!oid && !UUID_TEXT.matcher(root).matches()) {
            return java.util.Optional.empty();
        }
        if (extension == null || extension.isEmpty()) {
            return java.util.Optional.of(new Identifier().setValue(root));
        }
        return java.util.Optional.of(new Identifier().setSystem((oid ? "urn:oid:" : "urn:uuid:") + root)
                .setValue(extension));
    }
}
