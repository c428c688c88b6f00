package fr.passerelle.gateway.fhir.crossborder;

import fr.passerelle.gateway.healthspace.Code;
import fr.passerelle.gateway.healthspace.Confidentiality;
import fr.passerelle.gateway.healthspace.DocumentEntry;
import fr.passerelle.gateway.healthspace.DocumentKind;
import java.util.Date;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/**
 * A listed document as an MHD DocumentReference: its metadata, and one attachment per form it can be fetched in
 * (IPS Bundle, pivot CDA level 3 and level 1 as Binary).
 */
final class DocumentReferences {

    static final String LOINC = "http://loinc.org";

    private DocumentReferences() {
    }

    static Optional<DocumentReference> of(DocumentEntry entry) {
        return FhirIds.documentId(entry.uniqueId()).map(id -> build(entry, id));
    }

    private static DocumentReference build(DocumentEntry entry, String id) {
        DocumentReference reference = new DocumentReference();
        reference.setId(id);
        reference.setMasterIdentifier(identifier(entry.uniqueId()));
        reference.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
        reference.setType(concept(entry.typeCode()));
        reference.addCategory(concept(entry.classCode()));
        reference.setSubject(new Reference("Patient/" + FhirIds.patientId(entry.patient()))
                .setIdentifier(new Identifier().setSystem(FhirIds.INS_SYSTEM_PREFIX + entry.patient().oid())
                        .setValue(entry.patient().value())));
        reference.setDate(Date.from(entry.creationTime().toInstant()));
        if (entry.author() != null) {
            reference.addAuthor().setDisplay(entry.author());
        }
        reference.setDescription(entry.title());
        entry.confidentiality().stream().filter(c -> c.codeSystem().equals(Confidentiality.HL7_CODE_SYSTEM))
                .forEach(c -> reference.addSecurityLabel(new CodeableConcept(new Coding(
                        "http://terminology.hl7.org/CodeSystem/v3-Confidentiality", c.code(), c.display()))));
        if (entry.kind() == DocumentKind.PATIENT_SUMMARY) {
            attach(reference, "application/fhir+json", "Bundle/" + id, entry, "International Patient Summary");
        }
        attach(reference, "text/xml", "Binary/cda-" + id, entry, "eHDSI pivot CDA (level 3)");
        attach(reference, "text/xml", "Binary/pdf-" + id, entry, "eHDSI pivot CDA with PDF (level 1)");
        return reference;
    }

    private static void attach(DocumentReference reference, String contentType, String url, DocumentEntry entry,
                               String title) {
        reference.addContent().getAttachment().setContentType(contentType).setUrl(url).setTitle(title)
                .setLanguage(entry.languageCode());
    }

    private static CodeableConcept concept(Code code) {
        String system = Code.LOINC.equals(code.codeSystem()) ? LOINC : "urn:oid:" + code.codeSystem();
        return new CodeableConcept(new Coding(system, code.code(), code.display()));
    }

    private static Identifier identifier(String uniqueId) {
        int caret = uniqueId.indexOf('^');
        return caret < 0 ? new Identifier().setSystem("urn:ietf:rfc:3986").setValue("urn:oid:" + uniqueId)
                : new Identifier().setSystem("urn:oid:" + uniqueId.substring(0, caret))
                        .setValue(uniqueId.substring(caret + 1));
    }

    /** The kind a LOINC type or class code asks for; empty when the code is neither PS nor eP. */
    static Optional<DocumentKind> kindOf(String system, String code) {
        if (system != null && !system.isEmpty() && !LOINC.equals(system) && !("urn:oid:" + Code.LOINC).equals(system)) {
            return Optional.empty();
        }
        for (DocumentKind kind : new DocumentKind[] {DocumentKind.PATIENT_SUMMARY, DocumentKind.EPRESCRIPTION}) {
            if (kind.loincClassCode().equals(code)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
