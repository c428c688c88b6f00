package fr.passerelle.translation.fr;

import fr.passerelle.translation.TranslationException;
import fr.passerelle.translation.TranslationFailure;
import fr.passerelle.translation.cda.CdaNodes;
import fr.passerelle.translation.cda.ClinicalEntry.DispensedLine;
import fr.passerelle.translation.cda.ClinicalEntry.Ingredient;
import fr.passerelle.translation.cda.ClinicalEntry.Product;
import fr.passerelle.translation.cda.CodedValue;
import fr.passerelle.translation.cda.CdaElements;
import fr.passerelle.translation.cda.Header;
import fr.passerelle.translation.cda.Header.InstanceId;
import fr.passerelle.translation.cda.Header.Person;
import fr.passerelle.terminology.xml.HardenedXml;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes a French eDISP-MED 2024.01 CDA: the CI-SIS header, and one dispensation entry per dispensed product,
 * each linked (REFR) to the prescription line it fulfils and to the prescription document.
 */
public final class EdispMedWriter {

    private static final String PHARM = "urn:ihe:pharm:medication";
    private static final String LOINC = "2.16.840.1.113883.6.1";

    /** What the writer needs beyond the dispensed lines: the header and the identifier of the new document. */
    public record Dispensation(Header header, List<DispensedLine> lines, InstanceId documentId, String time) {
        public Dispensation {
            lines = List.copyOf(lines);
        }
    }

    public Document write(Dispensation d) throws TranslationException {
        if (d.lines().isEmpty()) {
            throw new TranslationException(new TranslationFailure.MissingMandatorySection(
                    "/ClinicalDocument/component/structuredBody", "60590-7", "Medication dispensed"));
        }
        for (DispensedLine line : d.lines()) {
            if (line.prescriptionLineId() == null) {
                throw new TranslationException(new TranslationFailure.MissingMandatoryElement(line.source().xpath(),
                        "entryRelationship[@typeCode='REFR']/substanceAdministration/id (the prescription line dispensed)"));
            }
        }
        Document doc = HardenedXml.newDocument();
        Element root = doc.createElementNS(CdaNodes.HL7, "ClinicalDocument");
        root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:xsi", CdaNodes.XSI);
        root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:pharm", PHARM);
        doc.appendChild(root);
        W w = new W(doc);
        Header h = d.header();
        w.add(root, "realmCode", "code", "FR");
        w.add(root, "typeId", "root", "2.16.840.1.113883.1.3", "extension", "POCD_HD000040");
        for (String t : new String[] {"2.16.840.1.113883.2.8.2.1", "1.2.250.1.213.1.1.1.1", "1.3.6.1.4.1.19376.1.5.3.1.1.1",
                "1.3.6.1.4.1.19376.1.9.1.1.3"}) {
            w.add(root, "templateId", "root", t);
        }
        w.add(root, "templateId", "root", "1.2.250.1.213.1.1.1.54", "extension", "2024.01");
        w.id(root, d.documentId());
        w.add(root, "code", "code", "60593-1", "displayName", "Dispensation médicamenteuse", "codeSystem", LOINC,
                "codeSystemName", "LOINC");
        w.text(root, "title", "Dispensation médicamenteuse");
        w.add(root, "effectiveTime", "value", d.time());
        w.add(root, "confidentialityCode", "code", "N", "codeSystem", "2.16.840.1.113883.5.25", "displayName", "Normal");
        w.add(root, "languageCode", "code", "fr-FR");
        w.add(root, "setId", "root", d.documentId().root(), "extension", d.documentId().extension());
        w.add(root, "versionNumber", "value", "1");
        recordTarget(w, root, h.patient());
        Person pharmacist = h.author().person();
        Element author = w.add(root, "author");
        w.add(author, "time", "value", h.author().time() == null ? d.time() : h.author().time());
        assigned(w, author, "assignedAuthor", pharmacist);
        Element custodian = w.add(w.add(w.add(root, "custodian"), "assignedCustodian"), "representedCustodianOrganization");
        w.id(custodian, h.custodian().id());
        w.text(custodian, "name", h.custodian().name());
        Element legal = w.add(root, "legalAuthenticator");
        w.add(legal, "time", "value", d.time());
        w.add(legal, "signatureCode", "code", "S");
        assigned(w, legal, "assignedEntity", pharmacist);
        for (InstanceId order : h.inFulfillmentOf()) {
            w.id(w.add(w.add(root, "inFulfillmentOf"), "order"), order);
        }
        Element event = w.add(w.add(root, "documentationOf"), "serviceEvent");
        w.add(event, "code", "code", "60593-1", "displayName", "Dispensation médicamenteuse", "codeSystem", LOINC);
        w.add(w.add(event, "effectiveTime"), "low", "value", d.time());
        Element encounter = w.add(w.add(root, "componentOf"), "encompassingEncounter");
        w.add(encounter, "code", "code", "AMB", "displayName", "Ambulatoire (hors établissement)",
                "codeSystem", "2.16.840.1.113883.5.4");
        w.add(w.add(encounter, "effectiveTime"), "high", "value", d.time());

        Element section = w.add(w.add(w.add(w.add(root, "component"), "structuredBody"), "component"), "section");
        w.add(section, "templateId", "root", "1.3.6.1.4.1.19376.1.9.1.2.3");
        w.add(section, "templateId", "root", "2.16.840.1.113883.10.20.1.8");
        w.add(section, "templateId", "root", "1.2.250.1.213.1.1.2.236");
        w.add(section, "id", "root", d.documentId().root(), "extension", "section-1");
        w.add(section, "code", "code", "60590-7", "displayName", "Médicaments délivrés", "codeSystem", LOINC,
                "codeSystemName", "LOINC");
        w.text(section, "title", "Médicaments délivrés");
        Element text = w.add(section, "text");
        Element list = w.add(text, "list");
        int n = 0;
        for (DispensedLine line : d.lines()) {
            n++;
            Element item = w.add(list, "item");
            w.text(item, "content", label(line.product()) + (line.quantity() == null ? ""
                    : " — quantité " + line.quantity().value())).setAttribute("ID", "disp-" + n);
        }
        n = 0;
        for (DispensedLine line : d.lines()) {
            n++;
            entry(w, section, line, n);
        }
        return doc;
    }

    private static String label(Product p) {
        if (p.name() != null) {
            return p.name();
        }
        CodedValue c = p.code() != null ? p.code() : p.atc();
        return c == null ? "médicament" : (c.displayName() != null ? c.displayName() : c.code());
    }

    private void entry(W w, Element section, DispensedLine line, int n) {
        Element supply = w.add(w.add(section, "entry"), "supply", "classCode", "SPLY", "moodCode", "EVN");
        for (String t : new String[] {"2.16.840.1.113883.10.20.1.34", "1.3.6.1.4.1.19376.1.5.3.1.4.7.3",
                "1.3.6.1.4.1.19376.1.9.1.3.4", "1.2.250.1.213.1.1.3.204"}) {
            w.add(supply, "templateId", "root", t);
        }
        w.id(supply, line.id());
        w.add(w.add(supply, "text"), "reference", "value", "#disp-" + n);
        if (line.time() != null) {
            w.add(supply, "effectiveTime", "value", line.time());
        }
        if (line.quantity() != null) {
            w.add(supply, "quantity", "value", line.quantity().value(), "unit", line.quantity().unit());
        }
        Element product = w.add(w.add(supply, "product"), "manufacturedProduct", "classCode", "MANU");
        for (String t : new String[] {"2.16.840.1.113883.10.20.1.53", "1.3.6.1.4.1.19376.1.5.3.1.4.7.2",
                "1.2.250.1.213.1.1.3.43"}) {
            w.add(product, "templateId", "root", t);
        }
        Element material = w.add(product, "manufacturedMaterial", "classCode", "MMAT", "determinerCode", "KIND");
        w.add(material, "templateId", "root", "1.3.6.1.4.1.19376.1.9.1.3.1");
        Product p = line.product();
        w.coded(material, CdaNodes.HL7, "code", p.code());
        w.text(material, "name", label(p));
        if (p.doseForm() != null) {
            w.coded(material, PHARM, "pharm:formCode", p.doseForm());
        }
        if (p.atc() != null) {
            Element kind = w.addNs(w.addNs(material, PHARM, "pharm:asSpecializedKind", "classCode", "GRIC"), PHARM,
                    "pharm:generalizedMedicineClass", "classCode", "MMAT");
            w.coded(kind, PHARM, "pharm:code", p.atc());
        }
        for (Ingredient i : p.ingredients()) {
            Element ing = w.addNs(material, PHARM, "pharm:ingredient", "classCode", "ACTI");
            if (i.strengthNumerator() != null) {
                Element q = w.addNs(ing, PHARM, "pharm:quantity");
                Element num = w.add(q, "numerator", "value", i.strengthNumerator().value(), "unit", i.strengthNumerator().unit());
                num.setAttributeNS(CdaNodes.XSI, "xsi:type", "PQ");
                Element den = w.add(q, "denominator", "value", i.strengthDenominator() == null ? "1"
                        : i.strengthDenominator().value());
                den.setAttributeNS(CdaNodes.XSI, "xsi:type", "PQ");
            }
            Element substance = w.addNs(ing, PHARM, "pharm:ingredient", "classCode", "MMAT", "determinerCode", "KIND");
            w.coded(substance, PHARM, "pharm:code", i.substance());
            if (i.name() != null) {
                w.addNs(substance, PHARM, "pharm:name").setTextContent(i.name());
            }
        }
        // The prescription line this dispensation fulfils (the eP-MED-DM substanceAdministration id).
        Element item = w.add(w.add(supply, "entryRelationship", "typeCode", "REFR", "inversionInd", "false"),
                "substanceAdministration", "classCode", "SBADM", "moodCode", "INT");
        w.add(item, "templateId", "root", "1.3.6.1.4.1.19376.1.9.1.3.11");
        w.add(item, "templateId", "root", "1.2.250.1.213.1.1.3.90");
        w.id(item, line.prescriptionLineId());
        w.add(item, "code", "code", "PREItem", "displayName", "Prescription Item", "codeSystem", "1.3.6.1.4.1.19376.1.9.2.2");
        Element consumable = w.add(w.add(item, "consumable"), "manufacturedProduct");
        w.add(consumable, "manufacturedMaterial", "nullFlavor", "NA");
        if (line.prescriptionId() != null) {
            Element ref = w.add(w.add(item, "reference", "typeCode", "XCRPT"), "externalDocument", "classCode", "DOC",
                    "moodCode", "EVN");
            w.id(ref, line.prescriptionId());
        }
        if (line.substituted()) {
            Element subst = w.add(w.add(supply, "entryRelationship", "typeCode", "COMP"), "act", "classCode", "ACT",
                    "moodCode", "EVN");
            w.add(subst, "templateId", "root", "1.3.6.1.4.1.19376.1.9.1.3.9.2");
            w.add(subst, "code", "code", "G", "displayName", "generic composition", "codeSystem", "2.16.840.1.113883.5.1070");
            w.add(subst, "statusCode", "code", "completed");
        }
    }

    private static void recordTarget(W w, Element root, Header.Patient p) {
        Element role = w.add(w.add(root, "recordTarget"), "patientRole");
        for (InstanceId id : p.ids()) {
            w.id(role, id);
        }
        Element patient = w.add(role, "patient");
        Element name = w.add(patient, "name");
        w.text(name, "family", p.family()).setAttribute("qualifier", "BR");
        for (String g : p.given()) {
            w.text(name, "given", g);
        }
        if (p.gender() != null) {
            w.add(patient, "administrativeGenderCode", "code", p.gender().code(), "codeSystem", "2.16.840.1.113883.5.1");
        }
        w.add(patient, "birthTime", "value", p.birthTime());
    }

    private static void assigned(W w, Element parent, String name, Person person) {
        Element assigned = w.add(parent, name);
        w.id(assigned, person == null ? null : person.id());
        if (person == null) {
            return;
        }
        if (person.profession() != null) {
            w.coded(assigned, CdaNodes.HL7, "code", person.profession());
        }
        Element p = w.add(assigned, "assignedPerson");
        Element pname = w.add(p, "name");
        w.text(pname, "given", person.given());
        w.text(pname, "family", person.family());
        if (person.organization() != null) {
            Element org = w.add(assigned, "representedOrganization");
            w.id(org, person.organization().id());
            w.text(org, "name", person.organization().name());
        }
    }

    /** Minimal element builder for this document. */
    private static final class W extends CdaElements {

        W(Document doc) {
            super(doc);
        }

        void coded(Element parent, String ns, String name, CodedValue v) {
            Element e = addNs(parent, ns, name);
            if (v == null || !v.isCoded()) {
                e.setAttribute("nullFlavor", "NA");
                return;
            }
            e.setAttribute("code", v.code());
            e.setAttribute("codeSystem", v.codeSystem());
            if (v.displayName() != null) {
                e.setAttribute("displayName", v.displayName());
            }
            for (CodedValue t : v.translations()) {
                Element tr = addNs(e, CdaNodes.HL7, "translation");
                tr.setAttribute("code", t.code());
                tr.setAttribute("codeSystem", t.codeSystem());
                if (t.displayName() != null) {
                    tr.setAttribute("displayName", t.displayName());
                }
            }
        }
    }
}
