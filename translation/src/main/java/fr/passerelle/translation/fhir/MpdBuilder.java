package fr.passerelle.translation.fhir;

import fr.passerelle.terminology.Coding;
import fr.passerelle.terminology.Terminology;
import fr.passerelle.translation.TranslationException;
import fr.passerelle.translation.TranslationReport;
import fr.passerelle.translation.cda.CdaDocument;
import fr.passerelle.translation.cda.ClinicalEntry;
import fr.passerelle.translation.cda.ClinicalEntry.DeviceRequest;
import fr.passerelle.translation.cda.ClinicalEntry.Ingredient;
import fr.passerelle.translation.cda.ClinicalEntry.Observation;
import fr.passerelle.translation.cda.ClinicalEntry.PrescriptionLine;
import fr.passerelle.translation.cda.ClinicalEntry.Product;
import fr.passerelle.translation.cda.ClinicalEntry.Reason;
import fr.passerelle.translation.cda.ClinicalSection;
import fr.passerelle.translation.cda.CodedValue;
import fr.passerelle.translation.cda.UniqueIds;
import fr.passerelle.translation.cda.Header;
import fr.passerelle.translation.cda.PrescriptionDocument;
import fr.passerelle.translation.cda.SectionKind;
import fr.passerelle.translation.cda.SourceConsistency;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Ratio;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.SimpleQuantity;

/**
 * Builds the HL7 Europe MPD shape of a French ePrescription: a Bundle holding, per prescription line, one
 * {@code MedicationRequest} referencing one {@code Medication} (ATC active ingredient, EDQM dose form,
 * strength, national product code), plus the Patient and the prescriber. The posology goes phase by phase into
 * {@code dosageInstruction} ({@link FhirDosage}); reasons, the quantity to dispense with its unit, substitution and
 * its reason, the instructions to the dispenser and the French line qualifiers come along. A prescribed device
 * becomes a {@code DeviceRequest}; the pregnancy status and the vital signs the prescriber recorded become
 * Observations every MedicationRequest cites as {@code supportingInformation}.
 */
public final class MpdBuilder {

    private static final String VS = "1.3.6.1.4.1.12559.11.10.1.3.1.42.";
    private static final String EDQM_OID = "0.4.0.127.0.16.1.1.2.1";

    private final Terminology terminology;

    public MpdBuilder(Terminology terminology) {
        this.terminology = terminology;
    }

    public Bundle build(CdaDocument source, String language, TranslationReport.Builder report) throws TranslationException {
        source.requiredSection(SectionKind.PRESCRIPTIONS);
        Header h = source.header();
        ResourceIds ids = new ResourceIds(h.id() == null ? null : h.id().root() + "^" + h.id().extension());
        FhirCodes codes = new FhirCodes(terminology, language, report);
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        if (h.id() != null) {
            bundle.setIdentifier(FhirHeader.identifier(h.id()));
        }
        DateTimeType authored = FhirDates.dateTime(h.effectiveTime());
        bundle.setTimestamp(authored == null ? new java.util.Date() : authored.getValue());
        Patient patient = FhirHeader.patient(h.patient());
        String patientUrl = ids.next("Patient");
        bundle.addEntry().setFullUrl(patientUrl).setResource(patient);
        String requesterUrl = null;
        if (h.author().person() != null) {
            Practitioner practitioner = FhirHeader.practitioner(h.author().person());
            requesterUrl = ids.next("Practitioner");
            bundle.addEntry().setFullUrl(requesterUrl).setResource(practitioner);
        }
        List<String> supporting = supportingObservations(source, bundle, ids, patientUrl, codes);
        PrescriptionDocument.unmodelledEntries(source, "MPD").forEach(report::notCarried);
        for (ClinicalSection s : PrescriptionDocument.uncarriedSections(source, false)) {
            // The PDF copy of the prescription is served as the eHDSI level-1 document, never inside the MPD Bundle.
            report.notCarried(new TranslationReport.NotCarried(s.source().xpath(), PrescriptionDocument.describe(s),
                    "the MPD has no place for it"));
        }

        List<PrescriptionLine> lines = source.entries(SectionKind.PRESCRIPTIONS).stream().filter(PrescriptionLine.class::isInstance)
                .map(PrescriptionLine.class::cast).toList();
        // A line repeating an earlier line's id gets the derived id the eHDSI pivot gives it.
        UniqueIds unique = new UniqueIds(report::warning);
        List<String> lineIds = lines.stream().map(l -> unique.unique(l.id(), l.source())).toList();
        for (int index = 0; index < lines.size(); index++) {
            PrescriptionLine line = lines.get(index);
            String where = "MedicationRequest[" + (index + 1) + "]";
            for (String w : SourceConsistency.warnings(line.product(), line.dosages(), line.source().xpath())) {
                report.warning(w);
            }
            Medication medication = medication(line.product(), codes, where + ".medication");
            String medicationUrl = ids.next("Medication");
            bundle.addEntry().setFullUrl(medicationUrl).setResource(medication);

            MedicationRequest request = new MedicationRequest();
            String lineId = lineIds.get(index);
            if (lineId != null) {
                request.addIdentifier(FhirHeader.identifier(instanceId(lineId)));
            }
            if (h.id() != null) {
                request.setGroupIdentifier(FhirHeader.identifier(h.id()));
            }
            request.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE);
            request.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
            request.setMedication(new Reference(medicationUrl));
            request.setSubject(new Reference(patientUrl));
            request.setAuthoredOnElement(authored);
            if (requesterUrl != null) {
                request.setRequester(new Reference(requesterUrl));
            }
            for (Reason r : line.reasons()) {
                request.addReasonCode(FhirDosage.reason(r, codes, where + ".reasonCode"));
            }
            for (String url : supporting) {
                request.addSupportingInformation(new Reference(url));
            }
            for (org.hl7.fhir.r4.model.Dosage d : FhirDosage.of(line.posology(), codes, where + ".dosageInstruction")) {
                request.addDosageInstruction(d);
            }
            dispenseRequest(request.getDispenseRequest(), line);
            request.getSubstitution().setAllowed(new BooleanType(line.substitutionAllowed()));
            if (line.substitutionReason() != null) {
                request.getSubstitution().setReason(new CodeableConcept().setText(line.substitutionReason()));
            }
            if (line.posology().fulfilmentInstructions() != null) {
                request.addNote(new Annotation().setText("Instructions to the dispenser: "
                        + line.posology().fulfilmentInstructions()));
            }
            String qualifiers = qualifiers(line.qualifiers());
            if (qualifiers != null) {
                request.addNote(new Annotation().setText(qualifiers));
            }
            for (String comment : PrescriptionDocument.comments(source)) {
                request.addNote(new Annotation().setText("Prescriber's comment: " + comment));
            }
            bundle.addEntry().setFullUrl(ids.next("MedicationRequest")).setResource(request);
        }
        for (ClinicalEntry e : source.entries(SectionKind.DEVICES)) {
            if (e instanceof DeviceRequest device) {
                bundle.addEntry().setFullUrl(ids.next("DeviceRequest")).setResource(
                        deviceRequest(device, h, patientUrl, requesterUrl, authored, codes));
            }
        }
        return bundle;
    }

    private void dispenseRequest(MedicationRequest.MedicationRequestDispenseRequestComponent dispense,
                                 PrescriptionLine line) {
        if (line.quantityToDispense() != null && FhirDosage.decimal(line.quantityToDispense().value()) != null) {
            dispense.setQuantity(dispenseQuantity(line.quantityToDispense()));
        }
        if (line.repeats() != null) {
            dispense.setNumberOfRepeatsAllowed(line.repeats());
        }
        dispense.setValidityPeriod(FhirDates.period(line.start(), line.end()));
    }

    /**
     * The quantity to dispense with its unit: French documents count packages with an EDQM package code in
     * {@code @unit} (30009000 = box), carried as an EDQM coded unit; anything else is a UCUM unit.
     */
    private SimpleQuantity dispenseQuantity(ClinicalEntry.Quantity q) {
        SimpleQuantity quantity = new SimpleQuantity();
        quantity.setValue(FhirDosage.decimal(q.value()));
        if (isEdqmCode(q.unit())) {
            String display = terminology.lookup(new Coding(EDQM_OID, q.unit(), null)).map(Coding::display)
                    .orElse(q.unit());
            quantity.setSystem("http://standardterms.edqm.eu").setCode(q.unit()).setUnit(display);
        } else if (q.unit() != null && !q.unit().isBlank()) {
            quantity.setSystem(FhirDosage.UCUM).setCode(q.unit()).setUnit(q.unit());
        }
        return quantity;
    }

    private static final java.util.regex.Pattern EIGHT_DIGITS = java.util.regex.Pattern.compile("\\d{8}");

    /** EDQM Standard Terms codes are eight digits (package, dose form, route…); UCUM units never are. */
    static boolean isEdqmCode(String unit) {
        return unit != null && EIGHT_DIGITS.matcher(unit).matches();
    }

    /** The French yes/no qualifiers of a line (long-term condition, work accident, off-label…), as written. */
    static String qualifiers(List<Observation> qualifiers) {
        List<String> parts = new ArrayList<>();
        for (Observation o : qualifiers) {
            String label = o.code() == null ? null : o.code().displayName() != null ? o.code().displayName() : o.code().code();
            String value = o.textValue() != null ? ("true".equals(o.textValue()) ? "yes" : "false".equals(o.textValue())
                    ? "no" : o.textValue())
                    : o.codedValue() != null ? (o.codedValue().displayName() != null ? o.codedValue().displayName()
                    : o.codedValue().code())
                    : o.quantity() != null ? FhirDosage.describe(o.quantity()) : null;
            if (label != null && value != null) {
                parts.add(label + ": " + value);
            }
        }
        return parts.isEmpty() ? null : "French prescription qualifiers: " + String.join("; ", parts);
    }

    /**
     * The pregnancy status and vital signs (weight, height…) the prescriber recorded in the ePrescription: dosing
     * abroad may depend on them.
     */
    private static List<String> supportingObservations(CdaDocument source, Bundle bundle, ResourceIds ids,
                                                       String patientUrl, FhirCodes codes) {
        List<String> urls = new ArrayList<>();
        for (SectionKind kind : List.of(SectionKind.PREGNANCY, SectionKind.VITAL_SIGNS)) {
            for (ClinicalEntry e : source.entries(kind)) {
                if (!(e instanceof Observation o) || o.code() == null) {
                    continue;
                }
                org.hl7.fhir.r4.model.Observation obs = new org.hl7.fhir.r4.model.Observation();
                obs.setStatus(org.hl7.fhir.r4.model.Observation.ObservationStatus.FINAL);
                obs.addCategory(new CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding(
                        "http://terminology.hl7.org/CodeSystem/observation-category",
                        kind == SectionKind.VITAL_SIGNS ? "vital-signs" : "exam", null)));
                CodeableConcept code = FhirCodes.asIs(o.code());
                obs.setCode(code);
                obs.setSubject(new Reference(patientUrl));
                obs.setEffective(FhirDates.dateTime(o.date()));
                if (o.codedValue() != null) {
                    obs.setValue(FhirCodes.asIs(o.codedValue()));
                } else if (o.quantity() != null && FhirDosage.decimal(o.quantity().value()) != null) {
                    obs.setValue(FhirDosage.quantity(new Quantity(), o.quantity()));
                } else if (o.textValue() != null) {
                    obs.setValue(new org.hl7.fhir.r4.model.StringType(o.textValue()));
                } else {
                    obs.setDataAbsentReason(new CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding(
                            "http://terminology.hl7.org/CodeSystem/data-absent-reason", "unknown", "Unknown")));
                }
                String url = ids.next("Observation");
                bundle.addEntry().setFullUrl(url).setResource(obs);
                urls.add(url);
            }
        }
        return urls;
    }

    private static org.hl7.fhir.r4.model.DeviceRequest deviceRequest(DeviceRequest d, Header h, String patientUrl,
                                                                     String requesterUrl, DateTimeType authored,
                                                                     FhirCodes codes) {
        org.hl7.fhir.r4.model.DeviceRequest request = new org.hl7.fhir.r4.model.DeviceRequest();
        if (d.id() != null) {
            request.addIdentifier(FhirHeader.identifier(instanceId(d.id())));
        }
        if (h.id() != null) {
            request.setGroupIdentifier(FhirHeader.identifier(h.id()));
        }
        request.setStatus(org.hl7.fhir.r4.model.DeviceRequest.DeviceRequestStatus.ACTIVE);
        request.setIntent(org.hl7.fhir.r4.model.DeviceRequest.RequestIntent.ORDER);
        CodeableConcept code = FhirCodes.asIs(d.device());
        if (code == null) {
            code = new CodeableConcept();
        } else {
            for (CodedValue t : d.device().translations()) {
                if (t.isCoded()) {
                    code.addCoding(FhirCodes.fhir(new Coding(t.codeSystem(), t.code(), t.displayName())));
                }
            }
        }
        code.setText(d.narrative());
        request.setCode(code);
        request.setSubject(new Reference(patientUrl));
        request.setAuthoredOnElement(authored);
        if (requesterUrl != null) {
            request.setRequester(new Reference(requesterUrl));
        }
        request.setOccurrence(FhirDates.period(d.start(), d.end()));
        // R4 DeviceRequest has no quantity, renewal or rental-duration element: named parameters carry them.
        if (d.quantity() != null && FhirDosage.decimal(d.quantity().value()) != null) {
            request.addParameter().setCode(new CodeableConcept().setText("quantity"))
                    .setValue(FhirDosage.quantity(new Quantity(), d.quantity()));
        }
        if (d.repeats() != null) {
            request.addParameter().setCode(new CodeableConcept().setText("number of renewals allowed"))
                    .setValue(new Quantity().setValue(d.repeats()));
        }
        if (d.useDuration() != null && FhirDosage.decimal(d.useDuration().value()) != null) {
            request.addParameter().setCode(new CodeableConcept().setText("rental duration"))
                    .setValue(FhirDosage.quantity(new Quantity(), d.useDuration()));
        }
        String qualifiers = qualifiers(d.qualifiers());
        if (qualifiers != null) {
            request.addNote(new Annotation().setText(qualifiers));
        }
        return request;
    }

    private static Header.InstanceId instanceId(String rootAndExtension) {
        int caret = rootAndExtension.indexOf('^');
        return caret < 0 ? new Header.InstanceId(rootAndExtension, null)
                : new Header.InstanceId(rootAndExtension.substring(0, caret), rootAndExtension.substring(caret + 1));
    }

    private static Medication medication(Product p, FhirCodes codes, String where) {
        Medication m = new Medication();
        // The active ingredient class (ATC) is what a foreign pharmacist dispenses against; the CIS stays beside it.
        CodeableConcept code = codes.concept(p.code() != null ? p.code() : p.atc(), VS + "24", where + ".code", true);
        if (code != null && p.atc() != null && p.code() != null
                && code.getCoding().stream().noneMatch(c -> c.getCode().equals(p.atc().code()))) {
            CodeableConcept viaAtc = codes.concept(p.atc(), VS + "24", where + ".code", false);
            if (viaAtc != null) {
                code.getCoding().addAll(0, viaAtc.getCoding());
            }
        }
        if (code == null && p.name() != null) {
            // A compounded preparation: no code, the prescriber's description names it.
            code = new CodeableConcept();
        }
        if (code != null) {
            code.setText(p.name());
            m.setCode(code);
        }
        if (p.doseForm() != null) {
            m.setForm(codes.concept(p.doseForm(), VS + "2", where + ".form", true));
        }
        for (Ingredient i : p.ingredients()) {
            Medication.MedicationIngredientComponent ing = m.addIngredient();
            CodedValue source = i.substance() == null ? p.atc()
                    : p.atc() == null ? i.substance()
                    // A national substance register code has no map of its own: the author's ATC is the fallback.
                    : new CodedValue(i.substance().code(), i.substance().codeSystem(), i.substance().displayName(),
                            java.util.List.of(p.atc()), i.substance().source());
            CodeableConcept substance = codes.concept(source, VS + "24",
                    where + ".ingredient.itemCodeableConcept", false);
            ing.setItem(substance != null ? substance : new CodeableConcept().setText(i.name()));
            ing.setIsActive(true);
            // A strength whose numbers are not HL7 decimals is left out (reported), never guessed.
            if (i.strengthNumerator() != null && i.strengthNumerator().decimal() != null
                    && (i.strengthDenominator() == null || i.strengthDenominator().decimal() != null)) {
                Ratio strength = new Ratio();
                strength.setNumerator(FhirDosage.quantity(new Quantity(), i.strengthNumerator()));
                strength.setDenominator(i.strengthDenominator() == null ? new Quantity().setValue(1)
                        : FhirDosage.quantity(new Quantity(), i.strengthDenominator()));
                ing.setStrength(strength);
            }
        }
        return m;
    }
}
