package fr.passerelle.translation.fhir;

import static fr.passerelle.translation.cda.CdaNodes.attr;
import static fr.passerelle.translation.cda.CdaNodes.child;
import static fr.passerelle.translation.cda.CdaNodes.children;
import static fr.passerelle.translation.cda.CdaNodes.hasTemplate;
import static fr.passerelle.translation.cda.CdaNodes.path;

import fr.passerelle.translation.TranslationException;
import fr.passerelle.translation.TranslationFailure;
import fr.passerelle.translation.TranslationReport;
import fr.passerelle.translation.cda.CdaDocument;
import fr.passerelle.translation.cda.CdaNodes;
import fr.passerelle.translation.cda.EmbeddedPdf;
import fr.passerelle.translation.cda.Header;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.w3c.dom.Element;

/**
 * A French CR-BIO laboratory report (CI-SIS CR-BIO 2024.01, IHE PaLM XD-LAB) as a FHIR R4 document Bundle in the
 * shape MyHealth@EU's Laboratory Result and HL7 Europe Laboratory Report use: Composition (LOINC 11502-2) with a
 * section per laboratory chapter holding the French narrative and its results, Patient (as the IPS writer makes
 * it), author, custodian, a DiagnosticReport listing every result and specimen (with the report's own PDF copy
 * as presentedForm when the document has one), and one Observation per result.
 *
 * <p>A report with no structured result (PDF or narrative only) is refused: its FHIR rendering would be empty.
 */
public final class LabReportBundleBuilder {

    private static final String LOINC = "http://loinc.org";
    /** IHE PaLM Laboratory Report Data Processing Entry, CI-SIS FR-Resultats-examens-de-biologie-medicale. */
    private static final List<String> RESULT_ENTRY = List.of("1.3.6.1.4.1.19376.1.3.1", "1.2.250.1.213.1.1.3.21");

    /**
     * @param dom    the parsed French document
     * @param source the same document read into the model (header)
     * @param copy   the report's own PDF copy, if it has one (carried as DiagnosticReport.presentedForm)
     */
    public Bundle build(Element dom, CdaDocument source, Optional<EmbeddedPdf> copy, TranslationReport.Builder report)
            throws TranslationException {
        Element body = path(dom, "component", "structuredBody");
        if (body == null || CdaNodes.descendants(body, "section").stream().noneMatch(s -> !resultActs(s).isEmpty())) {
            throw new TranslationException(new TranslationFailure.NoStructuredContent(
                    body == null ? "/ClinicalDocument/component" : "/ClinicalDocument/component/structuredBody",
                    "laboratory result entry (IHE PaLM Laboratory Report Data Processing Entry)"));
        }
        Header h = source.header();
        ResourceIds ids = new ResourceIds(h.id() == null ? null : h.id().root() + "^" + h.id().extension() + "/lab");
        LabSource lab = new LabSource(dom, report);
        Bundle bundle = new Bundle().setType(Bundle.BundleType.DOCUMENT);
        if (h.id() != null) {
            bundle.setIdentifier(FhirHeader.identifier(h.id()));
        }
        DateTimeType effective = FhirDates.dateTime(h.effectiveTime());
        bundle.setTimestamp(effective == null ? new java.util.Date() : effective.getValue());

        Composition composition = new Composition();
        String compositionUrl = add(bundle, ids, composition);
        // The patient exactly as the IPS writer makes it: every identifier of the CDA (INS, local ids), name, contacts.
        Patient patient = FhirHeader.patient(h.patient());
        FhirHeader.contacts(patient, h.patient().guardian(), h.contacts());
        Reference subject = new Reference(add(bundle, ids, patient));
        String authorUrl = h.author().person() == null ? null
                : add(bundle, ids, FhirHeader.practitioner(h.author().person()));
        String custodianUrl = add(bundle, ids, FhirHeader.organization(h.custodian()));
        Reference laboratory = laboratory(h, bundle, ids, custodianUrl);

        composition.setStatus(Composition.CompositionStatus.FINAL);
        composition.setType(new CodeableConcept().addCoding(new Coding(LOINC, "11502-2", "Laboratory report")));
        composition.setSubject(subject);
        composition.setDateElement(effective == null ? DateTimeType.now() : effective);
        composition.addAuthor(new Reference(authorUrl != null ? authorUrl : custodianUrl));
        composition.setTitle(h.title() != null ? h.title() : "Laboratory report");
        composition.setCustodian(new Reference(custodianUrl));
        FhirHeader.identity(composition, h, report);
        if (h.legalAuthenticator() != null) {
            // The biologist who signs is often the author: one Practitioner then.
            boolean author = authorUrl != null && h.legalAuthenticator().id() != null
                    && h.legalAuthenticator().id().equals(h.author().person().id());
            Composition.CompositionAttesterComponent attester = composition.addAttester()
                    .setMode(Composition.CompositionAttestationMode.LEGAL)
                    .setParty(new Reference(author ? authorUrl
                            : add(bundle, ids, FhirHeader.practitioner(h.legalAuthenticator()))));
            attester.setTimeElement(FhirDates.dateTime(h.legalAuthenticationTime()));
        }

        DiagnosticReport diagnostic = new DiagnosticReport();
        Reference diagnosticRef = new Reference(add(bundle, ids, diagnostic));
        LabResults results = new LabResults(lab, ids, bundle, subject, laboratory);
        for (Element section : children(body, "component").stream().map(c -> child(c, "section"))
                .filter(java.util.Objects::nonNull).toList()) {
            if (isCopySection(section, copy)) {
                continue;
            }
            composition.addSection(section(section, results, lab));
        }
        if (results.results().isEmpty()) {
            // Result entries, none of whose results could be carried (isolates only, no code): no empty report.
            throw new TranslationException(new TranslationFailure.NoStructuredContent(
                    "/ClinicalDocument/component/structuredBody", "laboratory result the FHIR report can carry (the"
                    + " result entries hold only microbiology isolates or results without code or label)"));
        }
        // The report itself is reached from the Composition: the section of its first result lists it first.
        holding(composition.getSection(), results.results().get(0).getReference()).getEntry().add(0, diagnosticRef);

        diagnostic.setStatus(DiagnosticReport.DiagnosticReportStatus.FINAL);
        if (h.id() != null) {
            diagnostic.addIdentifier(FhirHeader.identifier(h.id()));
        }
        diagnostic.addCategory(new CodeableConcept().addCoding(new Coding(
                "http://terminology.hl7.org/CodeSystem/v2-0074", "LAB", "Laboratory")));
        diagnostic.setCode(new CodeableConcept().addCoding(new Coding(LOINC, "11502-2", "Laboratory report")));
        diagnostic.setSubject(subject.copy());
        if (h.serviceEvent() != null) {
            diagnostic.setEffective(FhirDates.period(h.serviceEvent().low(), h.serviceEvent().high()));
        }
        if (effective != null && effective.getPrecision().ordinal() >= ca.uhn.fhir.model.api.TemporalPrecisionEnum.SECOND.ordinal()) {
            diagnostic.setIssued(effective.getValue());
        }
        diagnostic.addPerformer(laboratory.copy());
        if (h.legalAuthenticator() != null) {
            diagnostic.addResultsInterpreter(composition.getAttesterFirstRep().getParty().copy());
        }
        results.specimens().forEach(s -> diagnostic.addSpecimen(s.copy()));
        results.results().forEach(r -> diagnostic.addResult(r.copy()));
        if (copy.isPresent()) {
            diagnostic.addPresentedForm(new Attachment().setContentType("application/pdf")
                    .setLanguage("fr").setTitle("Copie du document (PDF)")
                    .setData(Base64.getMimeDecoder().decode(copy.get().base64())));
            report.warning("the French report's own PDF copy at " + copy.get().source().xpath()
                    + " is DiagnosticReport.presentedForm");
        }
        composition.setText(IpsBundleBuilder.narrative(List.of("Laboratory report translated from a French CR-BIO"
                + " document: " + results.carried() + " results and batteries as Observations.")));
        return bundle;
    }

    /** The section (at any depth) whose entries hold the reference; there is one, results come from sections. */
    private static Composition.SectionComponent holding(List<Composition.SectionComponent> sections, String reference) {
        for (Composition.SectionComponent s : sections) {
            if (s.getEntry().stream().anyMatch(r -> reference.equals(r.getReference()))) {
                return s;
            }
            Composition.SectionComponent inner = holding(s.getSection(), reference);
            if (inner != null) {
                return inner;
            }
        }
        return null;
    }

    /** The laboratory that performed the tests (the service event's performer), or the custodian. */
    private static Reference laboratory(Header h, Bundle bundle, ResourceIds ids, String custodianUrl) {
        if (h.serviceEvent() != null) {
            for (Header.Performer p : h.serviceEvent().performers()) {
                Header.Organization org = p.person() == null ? null : p.person().organization();
                if (org != null && !(org.id() != null && h.custodian().id() != null && org.id().equals(h.custodian().id()))) {
                    return new Reference(add(bundle, ids, FhirHeader.organization(org)));
                }
            }
        }
        return new Reference(custodianUrl);
    }

    /** One CDA section: its title, code, French narrative, the results of its entries, its sub-sections. */
    private static Composition.SectionComponent section(Element section, LabResults results, LabSource lab) {
        Composition.SectionComponent out = new Composition.SectionComponent();
        String title = CdaNodes.text(child(section, "title"));
        Element code = child(section, "code");
        CodeableConcept cc = lab.concept(code);
        out.setTitle(title != null ? title : cc != null && cc.hasText() ? cc.getText() : "Section");
        if (cc != null && cc.hasCoding()) {
            cc.setText(null);
            out.setCode(cc);
        }
        Element narrative = child(section, "text");
        for (Element entry : children(section, "entry")) {
            Element act = resultAct(entry);
            if (act != null) {
                results.act(act).forEach(out::addEntry);
            } else {
                for (Element statement : children(entry, "organizer").isEmpty() ? statements(entry)
                        : children(entry, "organizer")) {
                    lab.notCarried(statement, CdaNodes.descendants(statement, "observationMedia").isEmpty()
                            ? statement.getLocalName() + " of a non-result section" : "attached document",
                            "only laboratory results are structured in the FHIR report; the section's narrative is carried");
                }
            }
        }
        for (Element component : children(section, "component")) {
            Element sub = child(component, "section");
            if (sub != null) {
                out.addSection(section(sub, results, lab));
            }
        }
        boolean text = narrative != null && !narrative.getTextContent().isBlank();
        out.setText(FhirNarrative.section(List.of(), text ? List.of(narrative) : List.of()));
        if (!text && !out.hasEntry() && !out.hasSection()) {
            out.setEmptyReason(new CodeableConcept().addCoding(new Coding(
                    "http://terminology.hl7.org/CodeSystem/list-empty-reason", "unavailable", "Unavailable")));
        }
        return out;
    }

    /** The result acts of a section's own entries (not of its sub-sections). */
    private static List<Element> resultActs(Element section) {
        List<Element> acts = new ArrayList<>();
        for (Element entry : children(section, "entry")) {
            Element act = resultAct(entry);
            if (act != null) {
                acts.add(act);
            }
        }
        return acts;
    }

    /** The entry's act when the entry (or act) declares the PaLM / CI-SIS laboratory result entry template. */
    private static Element resultAct(Element entry) {
        Element act = child(entry, "act");
        if (act == null) {
            return null;
        }
        for (String t : RESULT_ENTRY) {
            if (hasTemplate(entry, t) || hasTemplate(act, t)) {
                return act;
            }
        }
        return null;
    }

    private static List<Element> statements(Element entry) {
        List<Element> out = new ArrayList<>();
        for (org.w3c.dom.Node n = entry.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && !"templateId".equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    /** The section that only holds the report's own PDF copy: carried as presentedForm, not as a section. */
    private static boolean isCopySection(Element section, Optional<EmbeddedPdf> copy) {
        if (copy.isEmpty()) {
            return false;
        }
        String at = copy.get().source().xpath();
        return at.startsWith(CdaNodes.xpath(section) + "/") && children(section, "component").isEmpty()
                && CdaNodes.descendants(section, "observationMedia").size() == 1
                && "55108-5".equals(attr(child(section, "code"), "code"));
    }

    private static String add(Bundle bundle, ResourceIds ids, Resource r) {
        String url = ids.next(r.fhirType());
        bundle.addEntry().setFullUrl(url).setResource(r);
        return url;
    }
}
