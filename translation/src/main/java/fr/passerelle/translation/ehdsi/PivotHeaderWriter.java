package fr.passerelle.translation.ehdsi;

import fr.passerelle.translation.cda.CodedValue;
import fr.passerelle.translation.cda.Header;
import fr.passerelle.translation.cda.Header.Organization;
import fr.passerelle.translation.cda.Header.Person;
import org.w3c.dom.Element;

/** Writes the eHDSI CDA header (recordTarget, author, custodian, legal authenticator) from the French header. */
final class PivotHeaderWriter {

    static final String LOINC = "2.16.840.1.113883.6.1";

    private PivotHeaderWriter() {
    }

    /**
     * Writes everything from {@code typeId} to {@code legalAuthenticator} in the CDA schema's order.
     *
     * @param documentTemplate the eHDSI document template (PS or eP, L3 or L1)
     */
    static Element write(PivotDom dom, Header h, String documentTemplate, String loincCode, String loincDisplay,
                         String title) {
        Element doc = dom.root("ClinicalDocument");
        dom.add(doc, "typeId", "root", "2.16.840.1.113883.1.3", "extension", "POCD_HD000040");
        dom.templates(doc, documentTemplate);
        dom.id(doc, h.id());
        Element code = dom.fixedCode(doc, "code", loincCode, LOINC, loincDisplay);
        if (h.documentCode() != null && h.documentCode().isCoded()) {
            code.setUserData(PivotDom.STANDS_FOR, h.documentCode(), null);
        }
        dom.text(doc, "title", title);
        dom.time(doc, "effectiveTime", h.effectiveTime());
        Element confidentiality = dom.coded(doc, "confidentialityCode", h.confidentiality());
        if (h.confidentiality() == null) {
            // "N" (normal) is what the French volets use when they do not say; absent would not validate.
            confidentiality.removeAttribute("nullFlavor");
            confidentiality.setAttribute("code", "N");
            confidentiality.setAttribute("codeSystem", "2.16.840.1.113883.5.25");
        }
        dom.add(doc, "languageCode", "code", h.languageCode() == null ? "fr-FR" : h.languageCode());
        if (h.setId() != null) {
            dom.add(doc, "setId", "root", h.setId().root(), "extension", h.setId().extension());
        }
        if (h.versionNumber() != null) {
            dom.add(doc, "versionNumber", "value", h.versionNumber());
        }
        recordTarget(dom, doc, h.patient());
        author(dom, doc, h);
        custodian(dom, doc, h.custodian());
        if (h.legalAuthenticator() != null) {
            Element la = dom.add(doc, "legalAuthenticator");
            dom.time(la, "time", h.legalAuthenticationTime() == null ? h.effectiveTime() : h.legalAuthenticationTime());
            dom.add(la, "signatureCode", "code", "S");
            assignedEntity(dom, la, "assignedEntity", h.legalAuthenticator());
        }
        boolean patientSummary = isPatientSummary(documentTemplate);
        contacts(dom, doc, h.contacts(), patientSummary);
        if (patientSummary) {
            documentationOf(dom, doc, h);
        }
        relatedDocument(dom, doc, h);
        return doc;
    }

    /** eHDSI Patient Summary level 3 and level 1 ("PDF embedded") document templates. */
    static final java.util.Set<String> PATIENT_SUMMARY = java.util.Set.of("1.3.6.1.4.1.12559.11.10.1.3.1.1.3",
            "1.3.6.1.4.1.12559.11.10.1.3.1.1.7");
    /** IHE PCC "Patient Contacts" participant, which the eHDSI Patient Summary requires at least once. */
    static final String CONTACT_TEMPLATE = "1.3.6.1.4.1.19376.1.5.3.1.2.4";
    static final String PARTICIPATION_FUNCTION = "2.16.840.1.113883.5.88";

    static boolean isPatientSummary(String documentTemplate) {
        return PATIENT_SUMMARY.contains(documentTemplate);
    }

    /**
     * The care provision the summary documents (eHDSI: serviceEvent PCPR, whose high time is the summary's latest
     * update). The French serviceEvent gives the interval and the performers; without a high bound the latest
     * update is the French document's own time: a French summary is written at once.
     */
    private static void documentationOf(PivotDom dom, Element doc, Header h) {
        Element event = dom.add(dom.add(doc, "documentationOf", "typeCode", "DOC"), "serviceEvent",
                "classCode", "PCPR", "moodCode", "EVN");
        Header.ServiceEvent source = h.serviceEvent();
        Element time = dom.add(event, "effectiveTime");
        String high = source != null && source.high() != null ? source.high() : h.effectiveTime();
        // An interval whose bounds are equal is invalid HL7 (the French VSM starts its service at the document time).
        if (source != null && source.low() != null && !source.low().equals(high)) {
            dom.add(time, "low", "value", source.low());
        }
        dom.time(time, "high", high);
        if (source == null) {
            return;
        }
        for (Header.Performer p : source.performers()) {
            String typeCode = p.typeCode() != null && java.util.Set.of("PRF", "PPRF", "SPRF").contains(p.typeCode())
                    ? p.typeCode() : "PRF";
            Element performer = dom.add(event, "performer", "typeCode", typeCode);
            CodedValue function = p.function() != null && p.function().isCoded() ? p.function()
                    : p.person() == null ? null : p.person().profession();
            dom.coded(performer, "functionCode", function);
            assignedEntity(dom, performer, "assignedEntity", p.person());
        }
    }

    /** The French document this pivot was transformed from (eHDSI: relatedDocument XFRM, mandatory). */
    private static void relatedDocument(PivotDom dom, Element doc, Header h) {
        Element parent = dom.add(dom.add(doc, "relatedDocument", "typeCode", "XFRM"), "parentDocument");
        if (h.id() == null) {
            dom.add(parent, "id", "nullFlavor", "NI");
        } else {
            dom.id(parent, h.id());
        }
        CodedValue code = h.documentCode();
        if (code != null && code.isCoded() && LOINC.equals(code.codeSystem())) {
            dom.add(parent, "code", "code", code.code(), "codeSystem", LOINC, "displayName", code.displayName());
        }
        if (h.setId() != null) {
            dom.add(parent, "setId", "root", h.setId().root(), "extension", h.setId().extension());
        }
        if (h.versionNumber() != null) {
            dom.add(parent, "versionNumber", "value", h.versionNumber());
        }
    }

    private static void recordTarget(PivotDom dom, Element doc, Header.Patient p) {
        Element role = dom.add(dom.add(doc, "recordTarget"), "patientRole");
        for (Header.InstanceId id : p.ids()) {
            dom.id(role, id);
        }
        dom.address(role, p.address());
        dom.telecoms(role, p.telecoms());
        Element patient = dom.add(role, "patient");
        Element name = dom.add(patient, "name");
        dom.text(name, "family", p.family());
        for (String g : p.given()) {
            dom.text(name, "given", g);
        }
        dom.coded(patient, "administrativeGenderCode", p.gender());
        dom.time(patient, "birthTime", p.birthTime());
        Element guardian;
        if (p.guardian() == null) {
            // eHDSI requires the element: "no information" the CDA way rather than leaving it out.
            guardian = dom.add(patient, "guardian", "nullFlavor", "NI");
            dom.add(guardian, "guardianPerson", "nullFlavor", "NI");
        } else {
            guardian = dom.add(patient, "guardian", "classCode", "GUARD");
            dom.address(guardian, p.guardian().address());
            dom.telecoms(guardian, p.guardian().telecoms());
            personName(dom, dom.add(guardian, "guardianPerson"), p.guardian());
        }
    }

    /**
     * The patient's contacts as eHDSI header participants (typeCode IND). The relatives the French header names
     * (emergency contact ECON, trusted person NOK) and the attending physician (function PCP) are eHDSI patient
     * contacts (IHE PCC 1.3.6.1.4.1.19376.1.5.3.1.2.4), which a Patient Summary requires at least once; other
     * contacts (correspondents) keep their French role class without that template.
     */
    private static void contacts(PivotDom dom, Element doc, java.util.List<Header.Contact> contacts,
            boolean patientSummary) {
        boolean anyContact = false;
        for (Header.Contact c : contacts) {
            Element participant = dom.add(doc, "participant", "typeCode", "IND");
            boolean pcp = isPrimaryCarePhysician(c);
            if (c.isRelative() || pcp) {
                anyContact = true;
                dom.templates(participant, CONTACT_TEMPLATE);
            }
            if (pcp) {
                dom.fixedCode(participant, "functionCode", "PCP", PARTICIPATION_FUNCTION, "primary care physician");
            }
            // eHDSI allows PRS, ECON or NOK for a contact; its own test data names the preferred physician PRS.
            String classCode = c.isRelative() ? c.classCode() : pcp ? "PRS" : c.classCode() == null ? "PROV"
                    : c.classCode();
            Element entity = dom.add(participant, "associatedEntity", "classCode", classCode);
            dom.id(entity, c.person().id());
            if (c.relationship() != null && c.relationship().isCoded()) {
                dom.coded(entity, "code", c.relationship());
            }
            dom.address(entity, c.person().address());
            dom.telecoms(entity, c.person().telecoms());
            personName(dom, dom.add(entity, "associatedPerson"), c.person());
        }
        if (!anyContact && patientSummary) {
            // eHDSI requires a contact: "no information" rather than leaving the element out.
            Element none = dom.add(doc, "participant", "typeCode", "IND", "nullFlavor", "NI");
            dom.templates(none, CONTACT_TEMPLATE);
            dom.add(none, "associatedEntity", "classCode", "NOK", "nullFlavor", "NI");
        }
    }

    static boolean isPrimaryCarePhysician(Header.Contact c) {
        return c.function() != null && "PCP".equals(c.function().code())
                && PARTICIPATION_FUNCTION.equals(c.function().codeSystem());
    }

    private static void personName(PivotDom dom, Element personEl, Person person) {
        Element name = dom.add(personEl, "name");
        for (String[] part : new String[][] {{"family", person.family()}, {"given", person.given()}}) {
            if (part[1] == null) {
                dom.add(name, part[0], "nullFlavor", "NI");
            } else {
                dom.text(name, part[0], part[1]);
            }
        }
    }

    /** The section-level author of an ePrescription: the prescriber, i.e. the French document's author. */
    static void prescriber(PivotDom dom, Element section, Header h) {
        Element author = dom.add(section, "author");
        Person person = h.author().person();
        dom.coded(author, "functionCode", person == null ? null : person.profession());
        dom.time(author, "time", h.author().time());
        assignedEntity(dom, author, "assignedAuthor", h.author().person());
    }

    private static void author(PivotDom dom, Element doc, Header h) {
        Element author = dom.add(doc, "author");
        Person person = h.author().person();
        CodedValue profession = person == null ? null : person.profession();
        dom.coded(author, "functionCode", profession);
        dom.time(author, "time", h.author().time());
        assignedEntity(dom, author, "assignedAuthor", person);
    }

    private static void assignedEntity(PivotDom dom, Element parent, String name, Person person) {
        Element assigned = dom.add(parent, name);
        dom.id(assigned, person == null ? null : person.id());
        if (person == null) {
            dom.add(assigned, "addr", "nullFlavor", "NI");
            dom.add(assigned, "telecom", "nullFlavor", "NI");
            return;
        }
        dom.address(assigned, person.address());
        dom.telecoms(assigned, person.telecoms());
        Element personEl = dom.add(assigned, "assignedPerson");
        Element pname = dom.add(personEl, "name");
        dom.text(pname, "family", person.family());
        dom.text(pname, "given", person.given());
        if (person.organization() != null) {
            organization(dom, assigned, "representedOrganization", person.organization());
        }
    }

    private static void custodian(PivotDom dom, Element doc, Organization org) {
        Element assigned = dom.add(dom.add(doc, "custodian"), "assignedCustodian");
        organization(dom, assigned, "representedCustodianOrganization", org);
    }

    private static void organization(PivotDom dom, Element parent, String name, Organization org) {
        Element o = dom.add(parent, name);
        dom.id(o, org.id());
        dom.text(o, "name", org.name());
        if ("representedCustodianOrganization".equals(name)) {
            dom.telecoms(o, org.telecoms().isEmpty() ? java.util.List.of() : org.telecoms().subList(0, 1));
            dom.address(o, org.address());
        } else {
            // eHDSI requires an organisation's telecom: "no information" when the source gives none.
            dom.telecoms(o, org.telecoms());
            dom.address(o, org.address());
        }
    }
}
