package fr.passerelle.translation.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import fr.passerelle.terminology.CodeSystems;
import fr.passerelle.translation.TranslationException;
import fr.passerelle.translation.TranslationFailure;
import fr.passerelle.translation.cda.ClinicalEntry;
import fr.passerelle.translation.cda.ClinicalEntry.DispensedLine;
import fr.passerelle.translation.cda.CodedValue;
import fr.passerelle.translation.cda.Header;
import fr.passerelle.translation.cda.SourceRef;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Resource;

/**
 * Reads a FHIR R4 Bundle holding MedicationDispense resources (with their Patient, dispensing Practitioner
 * and Organization, and Medication) into the same model an eHDSI eDispensation reads into, so one writer
 * produces the French eDISP-MED from either.
 */
public final class MedicationDispenseReader {

    /** The dispensation as the eDISP-MED writer needs it. */
    public record Dispensation(Header header, List<DispensedLine> lines) {
    }

    public Dispensation read(String json) throws TranslationException {
        Bundle bundle;
        try {
            bundle = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, json);
        } catch (DataFormatException | ClassCastException e) {
            throw new TranslationException(new TranslationFailure.NotWellFormed("Bundle", -1, -1,
                    "not a FHIR R4 JSON Bundle: " + firstLine(e.getMessage())));
        }
        Patient patient = first(bundle, Patient.class);
        if (patient == null) {
            throw new TranslationException(new TranslationFailure.MissingMandatoryElement("Bundle.entry", "Patient"));
        }
        List<MedicationDispense> dispenses = all(bundle, MedicationDispense.class);
        if (dispenses.isEmpty()) {
            throw new TranslationException(new TranslationFailure.MissingMandatorySection("Bundle.entry", "60590-7",
                    "MedicationDispense"));
        }
        Practitioner pharmacist = first(bundle, Practitioner.class);
        Organization pharmacy = first(bundle, Organization.class);
        Header.Organization org = pharmacy == null ? new Header.Organization(null, "(pharmacy)", null, List.of())
                : new Header.Organization(pharmacy.hasIdentifier() ? instanceId(pharmacy.getIdentifierFirstRep()) : null,
                        pharmacy.getName(), null, List.of());
        Header.Person person = pharmacist == null ? null : new Header.Person(
                pharmacist.hasIdentifier() ? instanceId(pharmacist.getIdentifierFirstRep()) : null, null,
                pharmacist.getNameFirstRep().getFamily(), pharmacist.getNameFirstRep().getGivenAsSingleString(), null,
                null, List.of(), org);
        String time = dispenses.get(0).hasWhenHandedOver() ? ts(dispenses.get(0).getWhenHandedOverElement().getValueAsString()) : null;
        List<Header.InstanceId> ids = new ArrayList<>();
        patient.getIdentifier().forEach(i -> ids.add(instanceId(i)));
        HumanName name = patient.getNameFirstRep();
        List<String> given = new ArrayList<>();
        name.getGiven().forEach(g -> given.add(g.getValue()));
        CodedValue gender = patient.hasGender() ? new CodedValue(switch (patient.getGender()) {
            case FEMALE -> "F";
            case MALE -> "M";
            default -> "UN";
        }, "2.16.840.1.113883.5.1", null, null, null) : null;
        Header.Patient p = new Header.Patient(ids, name.getFamily(), given, gender,
                patient.hasBirthDate() ? ts(patient.getBirthDateElement().getValueAsString()) : null, null, List.of());
        Header header = new Header(bundle.hasIdentifier() ? instanceId(bundle.getIdentifier()) : null, null, null, null,
                "eDispensation", time, null, null, p, new Header.Author(time, person), org, person, time, List.of());

        List<DispensedLine> lines = new ArrayList<>();
        int index = 0;
        for (MedicationDispense md : dispenses) {
            index++;
            String where = "MedicationDispense[" + index + "]";
            if (!md.hasAuthorizingPrescription() || !md.getAuthorizingPrescriptionFirstRep().hasIdentifier()) {
                throw new TranslationException(new TranslationFailure.MissingMandatoryElement(where,
                        "authorizingPrescription.identifier (the French prescription line dispensed)"));
            }
            ClinicalEntry.Product product = product(md, bundle, where);
            lines.add(new DispensedLine(md.hasIdentifier() ? id(md.getIdentifierFirstRep()) : null, product,
                    md.hasQuantity() ? new ClinicalEntry.Quantity(md.getQuantity().getValue().toPlainString(),
                            md.getQuantity().getCode()) : null,
                    null, id(md.getAuthorizingPrescriptionFirstRep().getIdentifier()),
                    md.hasSubstitution() && md.getSubstitution().getWasSubstituted(),
                    md.hasWhenHandedOver() ? ts(md.getWhenHandedOverElement().getValueAsString()) : time, new SourceRef(null)));
        }
        return new Dispensation(header, lines);
    }

    private static ClinicalEntry.Product product(MedicationDispense md, Bundle bundle, String where) throws TranslationException {
        CodeableConcept code = null;
        CodeableConcept form = null;
        List<ClinicalEntry.Ingredient> ingredients = new ArrayList<>();
        if (md.hasMedicationCodeableConcept()) {
            code = md.getMedicationCodeableConcept();
        } else if (md.hasMedicationReference()) {
            String ref = md.getMedicationReference().getReference();
            for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
                if (e.getResource() instanceof Medication m && ref != null
                        && (ref.equals(e.getFullUrl()) || ref.equals("Medication/" + m.getIdElement().getIdPart()))) {
                    code = m.getCode();
                    form = m.getForm();
                    for (Medication.MedicationIngredientComponent i : m.getIngredient()) {
                        ingredients.add(new ClinicalEntry.Ingredient(i.hasItemCodeableConcept() ? coded(i.getItemCodeableConcept()) : null,
                                null, i.hasStrength() && i.getStrength().hasNumerator() ? new ClinicalEntry.Quantity(
                                        i.getStrength().getNumerator().getValue().toPlainString(), i.getStrength().getNumerator().getCode()) : null,
                                null));
                    }
                }
            }
        }
        CodedValue coded = code == null ? null : coded(code);
        if (coded == null) {
            throw new TranslationException(new TranslationFailure.MedicationWithoutCode(where + ".medication"));
        }
        CodedValue atc = coded.inSystem("2.16.840.1.113883.6.73");
        CodedValue productCode = "2.16.840.1.113883.6.73".equals(coded.codeSystem()) ? null : coded;
        return new ClinicalEntry.Product(productCode, code.getText(), atc, ingredients, form == null ? null : coded(form),
                null, null, new SourceRef(null));
    }

    /** First coding as the code, the others as translations; systems as OIDs (CDA needs OIDs). */
    private static CodedValue coded(CodeableConcept cc) {
        List<CodedValue> all = new ArrayList<>();
        for (Coding c : cc.getCoding()) {
            if (c.hasSystem() && c.hasCode()) {
                String oid = CodeSystems.oid(c.getSystem()).orElse(c.getSystem());
                all.add(new CodedValue(c.getCode(), oid, c.getDisplay(), null, null));
            }
        }
        if (all.isEmpty()) {
            return null;
        }
        CodedValue first = all.get(0);
        return new CodedValue(first.code(), first.codeSystem(), first.displayName(), all.subList(1, all.size()), null);
    }

    private static Header.InstanceId instanceId(Identifier i) {
        String system = i.getSystem();
        if (system != null && system.startsWith("urn:oid:")) {
            return new Header.InstanceId(system.substring(8), i.getValue());
        }
        String value = i.getValue();
        return new Header.InstanceId(value != null && value.startsWith("urn:oid:") ? value.substring(8) : value, null);
    }

    private static String id(Identifier i) {
        Header.InstanceId id = instanceId(i);
        return id.extension() == null ? id.root() : id.root() + "^" + id.extension();
    }

    /** FHIR date/dateTime to an HL7 v3 TS (yyyyMMdd[HHmmss±zzzz]). */
    private static String ts(String fhir) {
        if (fhir == null) {
            return null;
        }
        String digits = fhir.replaceAll("[-:T]", "");
        int dot = digits.indexOf('.');
        if (dot > 0) {
            int zone = Math.max(digits.indexOf('+', dot), digits.indexOf('-', dot));
            digits = digits.substring(0, dot) + (zone > 0 ? digits.substring(zone) : "");
        }
        return digits.replace("Z", "+0000");
    }

    private static <T extends Resource> T first(Bundle b, Class<T> type) {
        List<T> all = all(b, type);
        return all.isEmpty() ? null : all.get(0);
    }

    private static <T extends Resource> List<T> all(Bundle b, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Bundle.BundleEntryComponent e : b.getEntry()) {
            if (type.isInstance(e.getResource())) {
                out.add(type.cast(e.getResource()));
            }
        }
        return out;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
