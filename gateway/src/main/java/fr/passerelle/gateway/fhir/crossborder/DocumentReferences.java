package fr.passerelle.gateway.fhir.crossborder;

import fr.passerelle.gateway.exchange.DocumentListing;
import fr.passerelle.gateway.exchange.DocumentOffers;
import fr.passerelle.gateway.exchange.Rendering;
import fr.passerelle.gateway.healthspace.Code;
import fr.passerelle.gateway.healthspace.Confidentiality;
import fr.passerelle.gateway.healthspace.DocumentEntry;
import fr.passerelle.gateway.healthspace.DocumentKind;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/**
 * An offered document as MHD DocumentReferences: its metadata, and one attachment per form a read serves — never one
 * that would answer 404 ({@link DocumentOffers}). A Patient Summary or single-item ePrescription is one
 * DocumentReference: IPS Bundle (when it translates), pivot CDA level 3 and, when the French document carries a PDF,
 * level 1 as Binary. A laboratory report is its OrCD as Binary and, when the CR-BIO has structured results, its
 * FHIR laboratory report Bundle. A multi-line ePrescription is one DocumentReference per item still to dispense, under the
 * item's id (eHDSI: one prescription item per ePrescription document, as on XCA), and, when it carries a PDF, one
 * more under the French document's id with the level 1 only: the PDF shows the whole French prescription, so it is
 * no item's.
 */
final class DocumentReferences {

    static final String LOINC = "http://loinc.org";

    private DocumentReferences() {
    }

    static List<DocumentReference> of(DocumentOffers.Offer offer, FhirPatientIds patientIds) {
        DocumentEntry entry = offer.french();
        List<DocumentReference> references = new ArrayList<>();
        Optional<byte[]> levelOne = offer.rendered(Rendering.PIVOT_PDF);
        if (!offer.itemised()) {
            FhirIds.documentId(entry.uniqueId()).ifPresent(id -> {
                DocumentReference reference = build(entry, id, entry.uniqueId(), patientIds);
                if (offer.rendered(Rendering.FHIR_IPS).isPresent()) {
                    attach(reference, "application/fhir+json", "Bundle/" + id, entry, "International Patient Summary");
                }
                if (offer.rendered(Rendering.FHIR_LAB).isPresent()) {
                    // Like the IPS: a FHIR document is a Bundle resource, read as one (MHD: any retrievable URL).
                    attach(reference, "application/fhir+json", "Bundle/" + id, entry,
                            "Laboratory report (FHIR document)");
                }
                attach(reference, "text/xml", "Binary/cda-" + id, entry, entry.kind().originalClinicalDocument()
                        ? "eHDSI original clinical document (the original as PDF under the eHDSI header)"
                        : "eHDSI pivot CDA (level 3)");
                levelOne.ifPresent(pdf -> attach(reference, "text/xml", "Binary/pdf-" + id, entry,
                        "eHDSI pivot CDA with PDF (level 1)"));
                references.add(reference);
            });
            return references;
        }
        for (DocumentOffers.Pivot pivot : offer.pivots()) {
            FhirIds.pivotId(entry.uniqueId(), pivot.item()).ifPresent(id -> {
                DocumentReference reference = build(entry, id, pivot.uniqueId(), patientIds);
                reference.getContext().addRelated(new Reference().setIdentifier(identifier(entry.uniqueId()))
                        .setDisplay("the French ePrescription, item " + pivot.item()));
                attach(reference, "text/xml", "Binary/cda-" + id, entry, "eHDSI pivot CDA (level 3), one item");
                references.add(reference);
            });
        }
        levelOne.flatMap(pdf -> FhirIds.documentId(entry.uniqueId())).ifPresent(id -> {
            DocumentReference reference = build(entry, id, entry.uniqueId(), patientIds);
            attach(reference, "text/xml", "Binary/pdf-" + id, entry,
                    "eHDSI pivot CDA with PDF (level 1), the whole prescription");
            references.add(reference);
        });
        return references;
    }

    private static DocumentReference build(DocumentEntry entry, String id, String uniqueId,
                                           FhirPatientIds patientIds) {
        DocumentReference reference = new DocumentReference();
        reference.setId(id);
        reference.setMasterIdentifier(identifier(uniqueId));
        reference.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
        reference.setType(concept(entry.typeCode()));
        reference.addCategory(concept(entry.classCode()));
        reference.setSubject(new Reference(patientIds.referenceOf(entry.patient()))
                .setIdentifier(new Identifier().setSystem(FhirIds.INS_SYSTEM_PREFIX + entry.patient().oid())
                        .setValue(entry.patient().value())));
        reference.setDate(Date.from(entry.creationTime().toInstant()));
        if (entry.author() != null) {
            reference.addAuthor().setDisplay(entry.author());
        }
        reference.setDescription(entry.title());
        if (entry.service().start().isPresent() || entry.service().stop().isPresent()) {
            // MHD: context.period is the XDS serviceStartTime / serviceStopTime.
            org.hl7.fhir.r4.model.Period period = reference.getContext().getPeriod();
            entry.service().start().ifPresent(start -> period.setStart(Date.from(start.toInstant())));
            entry.service().stop().ifPresent(stop -> period.setEnd(Date.from(stop.toInstant())));
        }
        entry.confidentiality().stream().filter(c -> c.codeSystem().equals(Confidentiality.HL7_CODE_SYSTEM))
                .forEach(c -> reference.addSecurityLabel(new CodeableConcept(new Coding(
                        "http://terminology.hl7.org/CodeSystem/v3-Confidentiality", c.code(), c.display()))));
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

    /**
     * The kind a LOINC type or class code asks for (the eHDSI class: 60591-5, 57833-6, 11502-2, 34105-7, 18748-4);
     * empty for any other code.
     */
    static Optional<DocumentKind> kindOf(String system, String code) {
        if (system != null && !system.isEmpty() && !LOINC.equals(system) && !("urn:oid:" + Code.LOINC).equals(system)) {
            return Optional.empty();
        }
        for (DocumentKind kind : DocumentListing.LISTABLE) {
            if (kind.loincClassCode().equals(code)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
