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
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Reads a FHIR R4 Bundle holding MedicationDispense resources (with their Patient, dispensing Practitioner
 * and Organization, and Medication) into the same model an eHDSI eDispensation reads into, so one writer
 * produces the French eDISP-MED from either.
 *
 * <p>What an HL7 Europe MPD MedicationDispense carries is accepted as it comes: the medication as a code, a
 * contained Medication ({@code #id}) or a Medication entry of the Bundle; the prescription either as
 * {@code authorizingPrescription.identifier} (the prescribed line) or as a reference to a MedicationRequest
 * (contained or in the Bundle) whose {@code identifier} is the prescribed line and whose {@code groupIdentifier}
 * is the prescription document, which the eDISP-MED then names in {@code inFulfillmentOf} like the XDR road's.
 */
public final class MedicationDispenseReader {

    /** The dispensation as the eDISP-MED writer needs it. */
    public record Dispensation(Header header, List<DispensedLine> lines) {
    }

    public Dispensation read(String json) throws TranslationException {
        Bundle bundle;
        try {
            bundle = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, json);
        } catch (DataFormatException | ClassCastException | IllegalArgumentException | NullPointerException e) {
            // HAPI's parser answers some JSON that is not FHIR (a resource that is not an object, an empty
            // resourceType) with these rather than a DataFormatException.
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
        name.getGiven().stream().filter(g -> g.getValue() != null).forEach(g -> given.add(g.getValue()));
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
        List<Header.InstanceId> prescriptions = new ArrayList<>();
        int index = 0;
        for (MedicationDispense md : dispenses) {
            index++;
            String where = "MedicationDispense[" + index + "]";
            Prescribed prescribed = prescribed(md, bundle, where);
            if (prescribed.document() != null && !prescriptions.contains(prescribed.document())) {
                prescriptions.add(prescribed.document());
            }
            ClinicalEntry.Product product = product(md, bundle, where);
            lines.add(new DispensedLine(md.hasIdentifier() ? id(md.getIdentifierFirstRep()) : null, product,
                    md.hasQuantity() && md.getQuantity().hasValue() ? new ClinicalEntry.Quantity(
                            md.getQuantity().getValue().toPlainString(), md.getQuantity().getCode()) : null,
                    prescribed.document() == null ? null : id(prescribed.document()), prescribed.line(),
                    md.hasSubstitution() && md.getSubstitution().getWasSubstituted(),
                    md.hasWhenHandedOver() ? ts(md.getWhenHandedOverElement().getValueAsString()) : time, new SourceRef(null)));
        }
        if (!prescriptions.isEmpty()) {
            header = new Header(header.id(), header.setId(), header.versionNumber(), header.documentCode(),
                    header.title(), header.effectiveTime(), header.confidentiality(), header.languageCode(),
                    header.patient(), header.author(), header.custodian(), header.legalAuthenticator(),
                    header.legalAuthenticationTime(), prescriptions);
        }
        return new Dispensation(header, lines);
    }

    /** The prescribed line a dispense fulfils, and the prescription document when the dispense names it. */
    private record Prescribed(String line, Header.InstanceId document) {
    }

    private static Prescribed prescribed(MedicationDispense md, Bundle bundle, String where) throws TranslationException {
        if (md.getAuthorizingPrescription().size() == 1) {
            Reference prescription = md.getAuthorizingPrescriptionFirstRep();
            if (prescription.hasIdentifier() && prescription.getIdentifier().hasValue()) {
                return new Prescribed(id(prescription.getIdentifier()), null);
            }
            if (resolve(prescription, md, bundle) instanceof MedicationRequest request && request.hasIdentifier()
                    && request.getIdentifierFirstRep().hasValue()) {
                return new Prescribed(id(request.getIdentifierFirstRep()),
                        request.hasGroupIdentifier() && request.getGroupIdentifier().hasValue()
                                ? instanceId(request.getGroupIdentifier()) : null);
            }
        }
        throw new TranslationException(new TranslationFailure.MissingMandatoryElement(where,
                "authorizingPrescription (one, by identifier or as a MedicationRequest with an identifier: the French "
                        + "prescription line dispensed)"));
    }

    /** A reference resolved to a resource contained in the dispense or carried by the Bundle. */
    private static Resource resolve(Reference reference, MedicationDispense md, Bundle bundle) {
        if (reference.getResource() instanceof Resource attached) {
            return attached;
        }
        String ref = reference.getReference();
        if (ref == null) {
            return null;
        }
        if (ref.startsWith("#")) {
            for (Resource contained : md.getContained()) {
                if (ref.substring(1).equals(contained.getIdElement().getIdPart())) {
                    return contained;
                }
            }
            return null;
        }
        for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
            Resource r = e.getResource();
            if (r != null && (ref.equals(e.getFullUrl())
                    || ref.equals(r.fhirType() + "/" + r.getIdElement().getIdPart()))) {
                return r;
            }
        }
        return null;
    }

    private static ClinicalEntry.Product product(MedicationDispense md, Bundle bundle, String where) throws TranslationException {
        CodeableConcept code = null;
        CodeableConcept form = null;
        List<ClinicalEntry.Ingredient> ingredients = new ArrayList<>();
        if (md.hasMedicationCodeableConcept()) {
            code = md.getMedicationCodeableConcept();
        } else if (md.hasMedicationReference()
                && resolve(md.getMedicationReference(), md, bundle) instanceof Medication m) {
            code = m.getCode();
            form = m.getForm();
            for (Medication.MedicationIngredientComponent i : m.getIngredient()) {
                ingredients.add(new ClinicalEntry.Ingredient(i.hasItemCodeableConcept() ? coded(i.getItemCodeableConcept()) : null,
                        null, i.hasStrength() && i.getStrength().hasNumerator() && i.getStrength().getNumerator().hasValue()
                                ? new ClinicalEntry.Quantity(i.getStrength().getNumerator().getValue().toPlainString(),
                                        i.getStrength().getNumerator().getCode()) : null,
                        null));
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
        if (system != null && (system.startsWith("urn:oid:") || system.startsWith("urn:uuid:"))) {
            // An HL7 v3 II with an extension: the root as the system, the extension as the value.
            return new Header.InstanceId(system.substring(system.indexOf(':', 4) + 1), i.getValue());
        }
        String value = i.getValue();
        return new Header.InstanceId(value != null && value.startsWith("urn:oid:") ? value.substring(8) : value, null);
    }

    private static String id(Identifier i) {
        return id(instanceId(i));
    }

    private static String id(Header.InstanceId id) {
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
