package fr.passerelle.translation.ehdsi;

import fr.passerelle.translation.cda.CdaNodes;
import fr.passerelle.translation.cda.ClinicalEntry.Allergy;
import fr.passerelle.translation.cda.ClinicalEntry.DeviceUse;
import fr.passerelle.translation.cda.ClinicalEntry.Immunization;
import fr.passerelle.translation.cda.ClinicalEntry.MedicationStatement;
import fr.passerelle.translation.cda.ClinicalEntry.Observation;
import fr.passerelle.translation.cda.ClinicalEntry.Problem;
import fr.passerelle.translation.cda.ClinicalEntry.ProcedureEntry;
import fr.passerelle.translation.cda.ClinicalEntry.Qualifier;
import fr.passerelle.translation.cda.ClinicalEntry.Reaction;
import fr.passerelle.translation.cda.ClinicalEntry.Reason;
import fr.passerelle.translation.cda.CodedValue;
import fr.passerelle.translation.cda.SectionKind;
import fr.passerelle.translation.cda.UniqueIds;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import org.w3c.dom.Element;

/**
 * Writes the entries of the eHDSI Patient Summary in their eHDSI templates (runtime 2024-04-22): allergy
 * concern and observation with every reaction and its severity, criticality, certainty and status; problem
 * concern and observation with status, severity, certainty and health status; medication reasons; procedures,
 * immunisations, devices and observations — each pointing at the narrative through {@link NarrativeLinks}.
 */
final class PatientSummaryEntries {

    private static final String E = "1.3.6.1.4.1.12559.11.10.1.3.1.";
    private static final String SNOMED = "2.16.840.1.113883.6.96";
    private static final String LOINC = PivotHeaderWriter.LOINC;
    /** IPS absent and unknown data ("no information about …"). */
    static final String ABSENT_OR_UNKNOWN = "2.16.840.1.113883.5.1150.1";
    /** eHDSI's own spelling of the IHE PCC ActCode system in the immunisation template (1.3.5…, sic). */
    private static final String EHDSI_IMMUNIZATION_CODE_SYSTEM = "1.3.5.1.4.1.19376.1.5.3.2";
    /** The LOINC codes the eHDSI vital signs observation takes (eHDSIBloodPressure: systolic, diastolic). */
    private static final Set<String> BLOOD_PRESSURE = Set.of("8480-6", "8462-4");
    /** LOINC codes of a current pregnancy status: the CI-SIS's "reported" 11449-6, eHDSI's own 82810-3. */
    static final Set<String> PREGNANCY_STATUS = Set.of("11449-6", "82810-3");
    /** eHDSI's pregnancy status observation code (3.45, extensible binding). */
    private static final String EHDSI_PREGNANCY_STATUS = "82810-3";
    /** The expected delivery date codes: eHDSIPregnancyInformation (42.9), as in the CI-SIS value set. */
    static final Set<String> EXPECTED_DELIVERY = Set.of("11778-8", "11779-6", "11780-4");

    /** Qualifier templates whose value set accepts a nullFlavor: status (allergy, problem) and health status. */
    private static final Set<String> NULLABLE_QUALIFIERS = Set.of(E + "3.34", E + "3.9", E + "3.10");

    private final PivotDom dom;
    private final NarrativeLinks links;
    private final UniqueIds ids;

    PatientSummaryEntries(PivotDom dom, NarrativeLinks links, UniqueIds ids) {
        this.dom = dom;
        this.links = links;
        this.ids = ids;
    }

    /**
     * A coded element whose eHDSI value set accepts a nullFlavor: if the terminology cannot map the French code,
     * the transcoder writes nullFlavor OTH with the French code as translation rather than a code outside the set.
     */
    private Element otherWhenUnmapped(Element parent, String name, CodedValue value, String... attributes) {
        Element e = dom.coded(parent, name, value, attributes);
        e.setUserData(PivotDom.OTHER_WHEN_UNMAPPED, Boolean.TRUE, null);
        ehdsiWhenAbsentOrUnknown(e, value);
        return e;
    }

    /**
     * The French CI-SIS and eHDSI share the IPS absent-or-unknown codes ("no known allergies"): already the
     * pivot's, though MVC 8.1.0 lists none of their value sets, so the transcoder leaves them as they are.
     */
    private static void ehdsiWhenAbsentOrUnknown(Element e, CodedValue value) {
        if (value != null && ABSENT_OR_UNKNOWN.equals(value.codeSystem())) {
            e.setUserData(PivotDom.EHDSI_CODE, Boolean.TRUE, null);
        }
    }

    private static Element entry(PivotDom dom, Element section) {
        return dom.add(section, "entry", "typeCode", "DRIV");
    }

    // ---------------------------------------------------------------- allergies

    void allergy(Element section, Element narrative, Allergy a) {
        Element act = dom.add(entry(dom, section), "act", "classCode", "ACT", "moodCode", "EVN");
        dom.templates(act, E + "3.16");
        String id = ids.unique(a.id(), a.source());
        dom.id(act, derivedId(id, "concern"));
        dom.fixedCode(act, "code", "CONC", "2.16.840.1.113883.5.6", null);
        dom.add(act, "statusCode", "code", concernStatus(a.clinicalStatus()));
        Element eff = dom.add(act, "effectiveTime");
        dom.time(eff, "low", a.onset());
        Element obs = dom.add(dom.add(act, "entryRelationship", "typeCode", "SUBJ", "inversionInd", "false"),
                "observation", "classCode", "OBS", "moodCode", "EVN", "negationInd", a.negated() ? "true" : null);
        dom.templates(obs, E + "3.17");
        dom.id(obs, id);
        otherWhenUnmapped(obs, "code", a.type());
        links.text(dom, obs, a.narrativeId(), null, narrative);
        dom.add(obs, "statusCode", "code", "completed");
        Element oeff = dom.add(obs, "effectiveTime");
        dom.time(oeff, "low", a.onset());
        if (a.end() != null) {
            dom.time(oeff, "high", a.end());
        }
        if (a.value() != null && a.value().isCoded()) {
            // The condition, or eHDSI's absent-or-unknown code ("no known allergies"), as the author coded it.
            ehdsiWhenAbsentOrUnknown(dom.coded(obs, "value", a.value(), "xsi:type", "CD"), a.value());
        }
        Element entity = dom.add(dom.add(dom.add(obs, "participant", "typeCode", "CSM"), "participantRole",
                "classCode", "MANU"), "playingEntity", "classCode", "MMAT");
        otherWhenUnmapped(entity, "code", a.agent());
        for (Reaction r : a.reactions()) {
            reaction(obs, narrative, a, r);
        }
        qualifier(obs, "SUBJ", null, E + "3.33", "82606-5", "Criticality", a.criticality(), a.narrativeId(), narrative);
        qualifier(obs, "SUBJ", null, E + "3.35", "66455-7", "Condition status", a.certainty(), a.narrativeId(),
                narrative);
        qualifier(obs, "REFR", null, E + "3.34", "33999-4", "Status", a.clinicalStatus(), a.narrativeId(), narrative);
    }

    private void reaction(Element obs, Element narrative, Allergy a, Reaction r) {
        Element m = dom.add(dom.add(obs, "entryRelationship", "typeCode", "MFST", "inversionInd", "true"),
                "observation", "classCode", "OBS", "moodCode", "EVN");
        dom.templates(m, E + "3.44");
        dom.fixedCode(m, "code", "418799008", SNOMED, "Finding reported by subject or history provider");
        links.text(dom, m, r.narrativeId(), a.narrativeId(), narrative);
        dom.add(m, "statusCode", "code", "completed");
        // eHDSI wants the reaction's time; when the source does not date the reaction it is unknown — the
        // allergy's own onset is not the reaction's.
        Element eff = dom.add(m, "effectiveTime");
        dom.time(eff, "low", r.onset());
        if (r.end() != null) {
            dom.time(eff, "high", r.end());
        }
        otherWhenUnmapped(m, "value", r.manifestation(), "xsi:type", "CD");
        severity(m, r.severity(), r.narrativeId() != null ? r.narrativeId() : a.narrativeId(), narrative);
    }

    // ---------------------------------------------------------------- problems

    void problem(Element section, Element narrative, Problem p) {
        Element act = dom.add(entry(dom, section), "act", "classCode", "ACT", "moodCode", "EVN");
        dom.templates(act, E + "3.15", "2.16.840.1.113883.10.20.1.27");
        String id = ids.unique(p.id(), p.source());
        dom.id(act, derivedId(id, "concern"));
        dom.fixedCode(act, "code", "CONC", "2.16.840.1.113883.5.6", null);
        dom.add(act, "statusCode", "code", p.resolved() == null ? "active" : "completed");
        Element eff = dom.add(act, "effectiveTime");
        dom.time(eff, "low", p.onset());
        if (p.resolved() != null) {
            dom.time(eff, "high", p.resolved());
        }
        Element obs = dom.add(dom.add(act, "entryRelationship", "typeCode", "SUBJ", "inversionInd", "false"),
                "observation", "classCode", "OBS", "moodCode", "EVN", "negationInd", p.negated() ? "true" : null);
        dom.templates(obs, E + "3.7");
        dom.id(obs, id);
        dom.coded(obs, "code", p.code());
        links.text(dom, obs, p.narrativeId(), null, narrative);
        dom.add(obs, "statusCode", "code", "completed");
        Element oeff = dom.add(obs, "effectiveTime");
        dom.time(oeff, "low", p.onset());
        if (p.resolved() != null) {
            dom.time(oeff, "high", p.resolved());
        }
        otherWhenUnmapped(obs, "value", p.condition(), "xsi:type", "CD");
        severity(obs, p.severity(), p.narrativeId(), narrative);
        qualifier(obs, "SUBJ", "true", E + "3.49", "66455-7", "Condition status", p.certainty(), p.narrativeId(),
                narrative);
        Element status = qualifier(obs, "REFR", "false", E + "3.9", "33999-4", "Status", p.clinicalStatus(),
                p.narrativeId(), narrative);
        if (status != null) {
            addTemplatesAfter(status, "2.16.840.1.113883.10.20.1.57", "2.16.840.1.113883.10.20.1.50");
        }
        qualifier(obs, "REFR", "false", E + "3.10", "11323-3", "Health status", p.healthStatus(), p.narrativeId(),
                narrative);
    }

    /** The severity observation, when the source states one. */
    private void severity(Element parent, Qualifier severity, String parentNarrativeId, Element narrative) {
        if (severity == null) {
            return;
        }
        Element rel = dom.add(parent, "entryRelationship", "typeCode", "SUBJ", "inversionInd", "true");
        Element s = dom.add(rel, "observation", "classCode", "OBS", "moodCode", "EVN");
        dom.templates(s, E + "3.8");
        dom.fixedCode(s, "code", "SEV", "2.16.840.1.113883.5.4", "Severity");
        links.text(dom, s, severity.narrativeId(), parentNarrativeId, narrative);
        dom.add(s, "statusCode", "code", "completed");
        otherWhenUnmapped(s, "value", severity.value(), "xsi:type", "CD");
    }

    /**
     * A qualifying observation (criticality, certainty, status…) in its eHDSI template, LOINC-coded with a CE
     * value, when the source states one; null when it does not.
     */
    private Element qualifier(Element parent, String typeCode, String inversionInd, String template, String code,
                              String display, Qualifier q, String parentNarrativeId, Element narrative) {
        if (q == null) {
            return null;
        }
        Element rel = dom.add(parent, "entryRelationship", "typeCode", typeCode, "inversionInd", inversionInd);
        Element o = dom.add(rel, "observation", "classCode", "OBS", "moodCode", "EVN");
        dom.templates(o, template);
        dom.fixedCode(o, "code", code, LOINC, display);
        links.text(dom, o, q.narrativeId(), parentNarrativeId, narrative);
        dom.add(o, "statusCode", "code", "completed");
        Element value = dom.coded(o, "value", q.value(), "xsi:type", "CE");
        if (NULLABLE_QUALIFIERS.contains(template)) {
            value.setUserData(PivotDom.OTHER_WHEN_UNMAPPED, Boolean.TRUE, null);
        }
        return o;
    }

    private void addTemplatesAfter(Element e, String... roots) {
        Element first = CdaNodes.child(e, "templateId");
        org.w3c.dom.Node next = first == null ? e.getFirstChild() : first.getNextSibling();
        for (String root : roots) {
            Element t = dom.document().createElementNS(CdaNodes.HL7, "templateId");
            t.setAttribute("root", root);
            e.insertBefore(t, next);
        }
    }

    /** The concern act's status from the clinical status of what it is about (resolved or inactive → completed). */
    private static String concernStatus(Qualifier clinicalStatus) {
        if (clinicalStatus == null || clinicalStatus.value() == null) {
            return "active";
        }
        return switch (clinicalStatus.value().code()) {
            case "resolved", "inactive", "413322009", "73425007" -> "completed";
            default -> "active";
        };
    }

    /** The identifier to write for an entry written elsewhere (the medication item): unique in the pivot. */
    String uniqueId(String id, fr.passerelle.translation.cda.SourceRef where) {
        return ids.unique(id, where);
    }

    // ---------------------------------------------------------------- medication reasons

    /** eHDSI Medication Reason Observations (RSON) after the medication's consumable. */
    void reasons(Element substanceAdministration, Element narrative, MedicationStatement m) {
        for (Reason r : m.reasons()) {
            Element o = dom.add(dom.add(substanceAdministration, "entryRelationship", "typeCode", "RSON"),
                    "observation", "classCode", "OBS", "moodCode", "EVN");
            dom.templates(o, E + "3.41", "1.3.6.1.4.1.19376.1.5.3.1.4.13");
            // The French reason is a reference to the problem entry; the pivot restates the problem, so it gets
            // its own identifier derived from the referenced one.
            dom.id(o, derivedId(r.id() != null ? r.id() : m.id(), "reason"));
            dom.fixedCode(o, "code", "55607006", SNOMED, "Problem");
            links.text(dom, o, r.narrativeId(), null, narrative);
            dom.add(o, "statusCode", "code", "completed");
            dom.add(o, "effectiveTime", "nullFlavor", "UNK");
            dom.coded(o, "value", r.code(), "xsi:type", "CD");
        }
    }

    // ---------------------------------------------------------------- procedures, immunisations, devices

    void procedure(Element section, Element narrative, ProcedureEntry p) {
        Element proc = dom.add(entry(dom, section), "procedure", "classCode", "PROC", "moodCode", "EVN");
        dom.templates(proc, E + "3.26");
        dom.id(proc, ids.unique(p.id(), p.source()));
        otherWhenUnmapped(proc, "code", p.code());
        links.text(dom, proc, p.narrativeId(), null, narrative);
        dom.add(proc, "statusCode", "code", "completed");
        dom.time(proc, "effectiveTime", p.date());
    }

    /** The eHDSI form of a history of procedures the source does not give. */
    void noProcedureInformation(Element section, Element narrative) {
        Element proc = dom.add(entry(dom, section), "procedure", "classCode", "PROC", "moodCode", "EVN");
        dom.templates(proc, E + "3.26");
        dom.add(proc, "id", "nullFlavor", "NI");
        dom.fixedCode(proc, "code", "no-procedure-info", ABSENT_OR_UNKNOWN,
                "No information about past history of procedures").setUserData(PivotDom.EHDSI_CODE, Boolean.TRUE, null);
        links.text(dom, proc, null, null, narrative);
        dom.add(proc, "statusCode", "code", "completed");
        dom.add(proc, "effectiveTime", "nullFlavor", "NI");
    }

    void immunization(Element section, Element narrative, Immunization i) {
        Element sa = dom.add(entry(dom, section), "substanceAdministration", "classCode", "SBADM", "moodCode", "EVN",
                "negationInd", "false");
        dom.templates(sa, E + "3.19", "1.3.6.1.4.1.19376.1.5.3.1.4.12", "2.16.840.1.113883.10.20.1.24");
        dom.id(sa, ids.unique(i.id(), i.source()));
        dom.fixedCode(sa, "code", "IMMUNIZ", EHDSI_IMMUNIZATION_CODE_SYSTEM, "Immunization");
        links.text(dom, sa, i.narrativeId(), null, narrative);
        dom.add(sa, "statusCode", "code", "completed");
        dom.time(sa, "effectiveTime", i.date());
        if (i.route() != null) {
            dom.coded(sa, "routeCode", i.route());
        }
        Element product = dom.add(dom.add(sa, "consumable", "typeCode", "CSM"), "manufacturedProduct",
                "classCode", "MANU");
        dom.templates(product, E + "3.18", "2.16.840.1.113883.10.20.1.53");
        Element material = dom.add(product, "manufacturedMaterial", "classCode", "MMAT", "determinerCode", "KIND");
        Element vaccine = otherWhenUnmapped(material, "code", i.vaccine());
        // eHDSI wants the vaccine's original text: the immunisation's narrative names the vaccine.
        links.originalText(dom, vaccine, i.narrativeId(), null, narrative);
        if (i.productName() != null) {
            dom.text(material, "name", i.productName());
        } else {
            dom.add(material, "name", "nullFlavor", "UNK");
        }
    }

    void device(Element section, Element narrative, DeviceUse d) {
        Element supply = dom.add(entry(dom, section), "supply", "classCode", "SPLY", "moodCode", "EVN");
        dom.templates(supply, E + "3.5");
        dom.id(supply, ids.unique(d.id(), d.source()));
        links.text(dom, supply, d.narrativeId(), null, narrative);
        Element eff = dom.add(supply, "effectiveTime", "xsi:type", "IVL_TS");
        dom.time(eff, "low", d.start());
        Element role = dom.add(dom.add(supply, "participant", "typeCode", "DEV"), "participantRole", "classCode", "MANU");
        Element device = dom.add(role, "playingDevice", "classCode", "DEV", "determinerCode", "INSTANCE");
        // eHDSI binds the device code to eHDSIMedicalDevice: a French code the terminology cannot map is
        // written as nullFlavor OTH with the French code as translation, not left outside the value set.
        otherWhenUnmapped(device, "code", d.device());
    }

    /**
     * The eHDSI form of a devices section the source does not give: "no information about devices" — never
     * "no known devices", which the source does not say.
     */
    void noDeviceInformation(Element section, Element narrative) {
        Element supply = dom.add(entry(dom, section), "supply", "classCode", "SPLY", "moodCode", "EVN");
        dom.templates(supply, E + "3.5");
        dom.add(supply, "id", "nullFlavor", "NI");
        links.text(dom, supply, null, null, narrative);
        Element eff = dom.add(supply, "effectiveTime", "xsi:type", "IVL_TS");
        dom.add(eff, "low", "nullFlavor", "NI");
        Element role = dom.add(dom.add(supply, "participant", "typeCode", "DEV"), "participantRole", "classCode", "MANU");
        Element device = dom.add(role, "playingDevice", "classCode", "DEV", "determinerCode", "INSTANCE");
        dom.fixedCode(device, "code", "no-device-info", ABSENT_OR_UNKNOWN, "No information about device")
                .setUserData(PivotDom.EHDSI_CODE, Boolean.TRUE, null);
    }

    // ---------------------------------------------------------------- observations

    static boolean isLoinc(CodedValue code, Set<String> codes) {
        return code != null && LOINC.equals(code.codeSystem()) && codes.contains(code.code());
    }

    static boolean isBloodPressure(Observation o) {
        return isLoinc(o.code(), BLOOD_PRESSURE);
    }

    /**
     * The eHDSI Pregnancy Status observation (3.45): code 82810-3 with the French code as translation, the status
     * (eHDSICurrentPregnancyStatus, "other" when the terminology cannot map it; "no information" when the source
     * gives only an expected delivery date), and the Expected Delivery Date observation (3.24) in it.
     */
    void pregnancyStatus(Element section, Element narrative, Observation status, Observation delivery) {
        Element obs = dom.add(entry(dom, section), "observation", "classCode", "OBS", "moodCode", "EVN");
        dom.templates(obs, E + "3.45");
        String deliveryId = delivery == null ? null : ids.unique(delivery.id(), delivery.source());
        dom.id(obs, status != null ? ids.unique(status.id(), status.source()) : derivedId(deliveryId, "status"));
        Element code = dom.fixedCode(obs, "code", EHDSI_PREGNANCY_STATUS, LOINC, "Pregnancy status");
        if (status != null && status.code().isCoded() && !EHDSI_PREGNANCY_STATUS.equals(status.code().code())) {
            // The French code (11449-6, "reported") stays beside eHDSI's, as the pivot keeps national codes.
            dom.add(code, "translation", "code", status.code().code(), "codeSystem", status.code().codeSystem(),
                    "displayName", status.code().displayName());
        }
        links.text(dom, obs, status == null ? null : status.narrativeId(), null, narrative);
        dom.add(obs, "statusCode", "code", "completed");
        dom.time(obs, "effectiveTime", status == null ? null : status.date());
        if (status != null && status.codedValue() != null) {
            otherWhenUnmapped(obs, "value", status.codedValue(), "xsi:type", "CE");
        } else if (status != null && status.textValue() != null && status.valueNarrativeId() != null) {
            Element value = dom.add(obs, "value", "xsi:type", "CE", "nullFlavor", "OTH");
            links.originalText(dom, value, status.valueNarrativeId(), status.narrativeId(), narrative);
        } else if (status != null && status.textValue() != null) {
            dom.text(dom.add(obs, "value", "xsi:type", "CE", "nullFlavor", "OTH"), "originalText", status.textValue());
        } else {
            dom.add(obs, "value", "xsi:type", "CE", "nullFlavor", "NI");
        }
        if (delivery != null) {
            Element edd = dom.add(dom.add(obs, "entryRelationship", "typeCode", "COMP"), "observation",
                    "classCode", "OBS", "moodCode", "EVN");
            dom.templates(edd, E + "3.24", E + "3.20", "1.3.6.1.4.1.19376.1.5.3.1.4.13",
                    "1.3.6.1.4.1.19376.1.5.3.1.4.13.5");
            dom.id(edd, deliveryId);
            otherWhenUnmapped(edd, "code", delivery.code());
            links.text(dom, edd, delivery.narrativeId(), null, narrative);
            dom.add(edd, "statusCode", "code", "completed");
            dom.time(edd, "effectiveTime", delivery.date());
            dom.add(edd, "value", "xsi:type", "TS", "value", delivery.timeValue());
        }
    }

    void observation(Element section, Element narrative, SectionKind kind, Observation o) {
        Element parent = entry(dom, section);
        String id = ids.unique(o.id(), o.source());
        Element obs;
        boolean bloodPressure = isBloodPressure(o);
        if (kind == SectionKind.VITAL_SIGNS && bloodPressure) {
            Element organizer = dom.add(parent, "organizer", "classCode", "CLUSTER", "moodCode", "EVN");
            dom.templates(organizer, E + "3.21", "1.3.6.1.4.1.19376.1.5.3.1.4.13.1", "2.16.840.1.113883.10.20.1.32",
                    "2.16.840.1.113883.10.20.1.35");
            dom.id(organizer, derivedId(id, "organizer"));
            dom.fixedCode(organizer, "code", "46680005", SNOMED, "Vital signs");
            dom.add(organizer, "statusCode", "code", "completed");
            dom.time(organizer, "effectiveTime", o.date());
            obs = dom.add(dom.add(organizer, "component"), "observation", "classCode", "OBS", "moodCode", "EVN");
            dom.templates(obs, E + "3.22", E + "3.20", "1.3.6.1.4.1.19376.1.5.3.1.4.13",
                    "1.3.6.1.4.1.19376.1.5.3.1.4.13.2", "2.16.840.1.113883.10.20.1.31");
        } else if (kind == SectionKind.RESULTS) {
            Element organizer = dom.add(parent, "organizer", "classCode", "CLUSTER", "moodCode", "EVN");
            dom.templates(organizer, E + "3.42");
            dom.id(organizer, derivedId(id, "organizer"));
            dom.add(organizer, "code", "nullFlavor", "NI");
            dom.add(organizer, "statusCode", "code", "completed");
            obs = dom.add(dom.add(organizer, "component"), "observation", "classCode", "OBS", "moodCode", "EVN");
            dom.templates(obs, E + "3.43", "1.3.6.1.4.1.19376.1.5.3.1.4.13");
        } else if (kind == SectionKind.FUNCTIONAL_STATUS) {
            Element organizer = dom.add(parent, "organizer", "classCode", "CLUSTER", "moodCode", "EVN");
            dom.templates(organizer, E + "3.39");
            dom.id(organizer, derivedId(id, "organizer"));
            dom.fixedCode(organizer, "code", "47420-5", LOINC, "Functional status assessment");
            dom.add(organizer, "statusCode", "code", "completed");
            obs = dom.add(dom.add(organizer, "component"), "observation", "classCode", "OBS", "moodCode", "EVN");
            dom.templates(obs, E + "3.40", "1.3.6.1.4.1.19376.1.5.3.1.4.13");
        } else {
            obs = dom.add(parent, "observation", "classCode", "OBS", "moodCode", "EVN");
            if (kind == SectionKind.SOCIAL_HISTORY) {
                dom.templates(obs, E + "3.23", E + "3.20", "1.3.6.1.4.1.19376.1.5.3.1.4.13",
                        "1.3.6.1.4.1.19376.1.5.3.1.4.13.4", "2.16.840.1.113883.10.20.1.33");
            }
            // Observations of other sections have no eHDSI entry template that takes their code: written as plain
            // CDA observations of their section. Vital signs other than blood pressure and pregnancy observations
            // never come here: the writer places them in their eHDSI templates or reports them not carried.
        }
        dom.id(obs, id);
        dom.coded(obs, "code", o.code());
        links.text(dom, obs, o.narrativeId(), null, narrative);
        dom.add(obs, "statusCode", "code", "completed");
        if (kind == SectionKind.SOCIAL_HISTORY) {
            dom.time(dom.add(obs, "effectiveTime"), "low", o.date());
        } else {
            dom.time(obs, "effectiveTime", o.date());
        }
        boolean templated = kind == SectionKind.RESULTS || kind == SectionKind.FUNCTIONAL_STATUS
                || kind == SectionKind.SOCIAL_HISTORY || (kind == SectionKind.VITAL_SIGNS && bloodPressure);
        if (o.codedValue() != null) {
            dom.coded(obs, "value", o.codedValue(), "xsi:type", "CD");
        } else if (o.quantity() != null && o.quantity().decimal() == null) {
            // Not an HL7 number (e.g. a decimal comma): carried as written, as text, never guessed; reported.
            dom.text(obs, "value", o.quantity().value() + (o.quantity().unit() == null ? "" : " " + o.quantity().unit()))
                    .setAttributeNS(CdaNodes.XSI, "xsi:type", "ST");
        } else if (o.quantity() != null && o.quantity().unit() != null) {
            dom.quantity(obs, "value", o.quantity(), "xsi:type", "PQ");
        } else if (o.quantity() != null) {
            dom.add(obs, "value", "xsi:type", o.quantity().decimal().scale() <= 0 ? "INT" : "REAL",
                    "value", o.quantity().value());
        } else if (o.textValue() != null && o.valueNarrativeId() != null) {
            // An uncoded value the author wrote in the narrative: HL7's "other" with the original text.
            Element value = dom.add(obs, "value", "xsi:type", "CD", "nullFlavor", "OTH");
            links.originalText(dom, value, o.valueNarrativeId(), o.narrativeId(), narrative);
        } else if (o.textValue() != null) {
            dom.text(obs, "value", o.textValue()).setAttributeNS(CdaNodes.XSI, "xsi:type", "ST");
        } else if (o.timeValue() != null) {
            dom.add(obs, "value", "xsi:type", "TS", "value", o.timeValue());
        } else if (templated) {
            // The template requires a value the source does not give.
            dom.add(obs, "value", "xsi:type", "CD", "nullFlavor", "NI");
        }
    }

    // ---------------------------------------------------------------- identifiers

    /**
     * An identifier for a pivot element the source has no identifier of its own for (a concern wrapper, an
     * organizer, a restated reason): derived from the entry's, so that it is stable and distinct from it.
     */
    private static String derivedId(String entryId, String role) {
        if (entryId == null) {
            return null;
        }
        return UUID.nameUUIDFromBytes((entryId + "/" + role).getBytes(StandardCharsets.UTF_8)).toString()
                .toUpperCase();
    }

}
