package fr.passerelle.translation.fhir;

import fr.passerelle.terminology.Terminology;
import fr.passerelle.translation.TranslationException;
import fr.passerelle.translation.TranslationFailure;
import fr.passerelle.translation.TranslationReport;
import fr.passerelle.translation.cda.CdaDocument;
import fr.passerelle.translation.cda.CodedValue;
import fr.passerelle.translation.cda.ClinicalEntry;
import fr.passerelle.translation.cda.ClinicalEntry.Dosage;
import fr.passerelle.translation.cda.ClinicalEntry.Ingredient;
import fr.passerelle.translation.cda.ClinicalEntry.PrescriptionLine;
import fr.passerelle.translation.cda.ClinicalEntry.Product;
import fr.passerelle.translation.cda.ClinicalSection;
import fr.passerelle.translation.cda.Header;
import fr.passerelle.translation.cda.SectionKind;
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
import org.hl7.fhir.r4.model.Timing;

/**
 * Builds the HL7 Europe MPD shape of a French ePrescription: a Bundle holding, per prescription line, one
 * {@code MedicationRequest} referencing one {@code Medication} (ATC active ingredient, EDQM dose form,
 * strength, national product code), plus the Patient and the prescriber.
 */
public final class MpdBuilder {

    private static final String VS = "1.3.6.1.4.1.12559.11.10.1.3.1.42.";
    private static final String UCUM = "http://unitsofmeasure.org";

    private final Terminology terminology;

    public MpdBuilder(Terminology terminology) {
        this.terminology = terminology;
    }

    public Bundle build(CdaDocument source, String language, TranslationReport.Builder report) throws TranslationException {
        ClinicalSection prescriptions = source.section(SectionKind.PRESCRIPTIONS).orElseThrow(() ->
                new TranslationException(new TranslationFailure.MissingMandatorySection(
                        "/ClinicalDocument/component/structuredBody", SectionKind.PRESCRIPTIONS.loinc(),
                        SectionKind.PRESCRIPTIONS.englishTitle())));
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
        int index = 0;
        for (ClinicalEntry e : prescriptions.entries()) {
            if (!(e instanceof PrescriptionLine line)) {
                continue;
            }
            index++;
            String where = "MedicationRequest[" + index + "]";
            Medication medication = medication(line.product(), codes, where + ".medication");
            String medicationUrl = ids.next("Medication");
            bundle.addEntry().setFullUrl(medicationUrl).setResource(medication);

            MedicationRequest request = new MedicationRequest();
            if (line.id() != null) {
                request.addIdentifier(FhirHeader.identifier(instanceId(line.id())));
            }
            if (h.id() != null) {
                request.setGroupIdentifier(FhirHeader.identifier(h.id()));
            }
            request.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE);
            request.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
            request.setMedication(new Reference(medicationUrl));
            request.setSubject(new Reference(patientUrl));
            if (authored != null) {
                request.setAuthoredOnElement(authored);
            }
            if (requesterUrl != null) {
                request.setRequester(new Reference(requesterUrl));
            }
            for (Dosage d : line.dosages()) {
                request.addDosageInstruction(dosage(d, codes, where + ".dosageInstruction"));
            }
            MedicationRequest.MedicationRequestDispenseRequestComponent dispense = request.getDispenseRequest();
            if (line.quantityToDispense() != null && line.quantityToDispense().decimal() != null) {
                dispense.setQuantity((SimpleQuantity) new SimpleQuantity().setValue(line.quantityToDispense().decimal()));
            }
            if (line.repeats() != null) {
                dispense.setNumberOfRepeatsAllowed(line.repeats());
            }
            DateTimeType start = FhirDates.dateTime(line.start());
            DateTimeType end = FhirDates.dateTime(line.end());
            if (start != null || end != null) {
                org.hl7.fhir.r4.model.Period validity = new org.hl7.fhir.r4.model.Period();
                if (start != null) {
                    validity.setStartElement(start);
                }
                if (end != null) {
                    validity.setEndElement(end);
                }
                dispense.setValidityPeriod(validity);
            }
            request.getSubstitution().setAllowed(new org.hl7.fhir.r4.model.BooleanType(line.substitutionAllowed()));
            bundle.addEntry().setFullUrl(ids.next("MedicationRequest")).setResource(request);
        }
        return bundle;
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
                strength.setNumerator(quantity(i.strengthNumerator()));
                strength.setDenominator(i.strengthDenominator() == null ? new Quantity().setValue(1)
                        : quantity(i.strengthDenominator()));
                ing.setStrength(strength);
            }
        }
        return m;
    }

    /** FHIR Dosage from one dosage line: text, timing, route, dose range. */
    static org.hl7.fhir.r4.model.Dosage dosage(Dosage d, FhirCodes codes, String where) {
        org.hl7.fhir.r4.model.Dosage dosage = new org.hl7.fhir.r4.model.Dosage();
        if (d.text() != null) {
            dosage.setText(d.text());
        }
        if (d.period() != null && d.period().decimal() != null) {
            Timing timing = new Timing();
            Timing.TimingRepeatComponent repeat = timing.getRepeat();
            repeat.setFrequency(1);
            repeat.setPeriod(d.period().decimal());
            Timing.UnitsOfTime unit = unitsOfTime(d.period().unit());
            if (unit != null) {
                repeat.setPeriodUnit(unit);
            }
            DateTimeType start = FhirDates.dateTime(d.start());
            if (start != null) {
                repeat.setBounds(new org.hl7.fhir.r4.model.Period().setStartElement(start));
            }
            dosage.setTiming(timing);
        }
        if (d.route() != null) {
            dosage.setRoute(codes.concept(d.route(), VS + "12", where + ".route", false));
        }
        // A dose whose numbers are not HL7 decimals is left out (reported), never guessed.
        boolean decimals = (d.doseLow() == null || d.doseLow().decimal() != null)
                && (d.doseHigh() == null || d.doseHigh().decimal() != null);
        if (decimals && (d.doseLow() != null || d.doseHigh() != null)) {
            org.hl7.fhir.r4.model.Range range = new org.hl7.fhir.r4.model.Range();
            if (d.doseLow() != null) {
                range.setLow((SimpleQuantity) copy(new SimpleQuantity(), d.doseLow()));
            }
            if (d.doseHigh() != null) {
                range.setHigh((SimpleQuantity) copy(new SimpleQuantity(), d.doseHigh()));
            }
            if (d.doseLow() != null && d.doseHigh() != null && d.doseLow().equals(d.doseHigh())) {
                dosage.addDoseAndRate().setDose(copy(new SimpleQuantity(), d.doseLow()));
            } else {
                dosage.addDoseAndRate().setDose(range);
            }
        }
        return dosage;
    }

    private static Quantity quantity(ClinicalEntry.Quantity q) {
        return copy(new Quantity(), q);
    }

    private static Quantity copy(Quantity target, ClinicalEntry.Quantity q) {
        target.setValue(q.decimal());
        if (q.unit() != null) {
            target.setUnit(q.unit()).setSystem(UCUM).setCode(q.unit());
        }
        return target;
    }

    private static Timing.UnitsOfTime unitsOfTime(String ucum) {
        if (ucum == null) {
            return null;
        }
        return switch (ucum) {
            case "s" -> Timing.UnitsOfTime.S;
            case "min" -> Timing.UnitsOfTime.MIN;
            case "h" -> Timing.UnitsOfTime.H;
            case "d" -> Timing.UnitsOfTime.D;
            case "wk" -> Timing.UnitsOfTime.WK;
            case "mo" -> Timing.UnitsOfTime.MO;
            case "a" -> Timing.UnitsOfTime.A;
            default -> null;
        };
    }
}
