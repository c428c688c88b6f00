package fr.passerelle.translation.fhir;

import fr.passerelle.translation.cda.Header;
import fr.passerelle.translation.cda.Header.Address;
import fr.passerelle.translation.cda.Header.InstanceId;
import fr.passerelle.translation.cda.Header.Organization;
import fr.passerelle.translation.cda.Header.Person;
import fr.passerelle.translation.TranslationReport;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;

/** Patient, Practitioner and Organization resources from the CDA header. */
final class FhirHeader {

    private FhirHeader() {
    }

    static Patient patient(Header.Patient p) {
        Patient patient = new Patient();
        for (InstanceId id : p.ids()) {
            patient.addIdentifier(identifier(id));
        }
        HumanName name = patient.addName().setFamily(p.family());
        p.given().forEach(name::addGiven);
        if (p.gender() != null) {
            patient.setGender(switch (p.gender().code()) {
                case "F" -> AdministrativeGender.FEMALE;
                case "M" -> AdministrativeGender.MALE;
                case "UN", "U" -> AdministrativeGender.UNKNOWN;
                default -> AdministrativeGender.OTHER;
            });
        }
        String birth = FhirDates.date(p.birthTime());
        if (birth != null) {
            patient.getBirthDateElement().setValueAsString(birth);
        }
        if (p.address() != null) {
            patient.addAddress(address(p.address()));
        }
        for (String t : p.telecoms()) {
            ContactPoint cp = telecom(t);
            if (cp != null) {
                patient.addTelecom(cp);
            }
        }
        return patient;
    }

    static Practitioner practitioner(Person person) {
        Practitioner p = new Practitioner();
        if (person.id() != null) {
            p.addIdentifier(identifier(person.id()));
        }
        HumanName name = p.addName();
        name.setFamily(person.family());
        if (person.given() != null) {
            name.addGiven(person.given());
        }
        return p;
    }

    static org.hl7.fhir.r4.model.Organization organization(Organization o) {
        org.hl7.fhir.r4.model.Organization org = new org.hl7.fhir.r4.model.Organization();
        if (o.id() != null) {
            org.addIdentifier(identifier(o.id()));
        }
        org.setName(o.name() == null ? "(unnamed organisation)" : o.name());
        if (o.address() != null) {
            org.addAddress(address(o.address()));
        }
        return org;
    }

    /**
     * The document's identity on its Composition: the CDA id as identifier, and its confidentiality when it is an
     * HL7 Confidentiality code — the only codes Composition.confidentiality takes; another is reported not carried.
     */
    static void identity(Composition composition, Header h, TranslationReport.Builder report) {
        if (h.id() != null) {
            composition.setIdentifier(identifier(h.id()));
        }
        if (h.confidentiality() != null) {
            try {
                composition.setConfidentiality(Composition.DocumentConfidentiality.fromCode(h.confidentiality().code()));
            } catch (org.hl7.fhir.exceptions.FHIRException notHl7) {
                report.notCarried(new TranslationReport.NotCarried(h.confidentiality().source().xpath(),
                        "document confidentiality", "not an HL7 Confidentiality code, which Composition.confidentiality requires"));
            }
        }
    }

    static Identifier identifier(InstanceId id) {
        Identifier identifier = new Identifier();
        if (id.extension() == null) {
            return identifier.setSystem("urn:ietf:rfc:3986").setValue(uri(id.root()));
        }
        return identifier.setSystem(uri(id.root())).setValue(id.extension());
    }

    /** An HL7 II root as a URI: an OID as urn:oid:, a UUID (French entry ids often are) as urn:uuid:. */
    private static String uri(String root) {
        if (root.contains(":")) {
            return root;
        }
        if (UUID_FORM.matcher(root).matches()) {
            return "urn:uuid:" + root.toLowerCase(java.util.Locale.ROOT);
        }
        return "urn:oid:" + root;
    }

    private static final java.util.regex.Pattern UUID_FORM = java.util.regex.Pattern.compile(
            "[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}");

    /** The header participant classes that name someone close to the patient (not a professional). */
    private static final java.util.Set<String> PERSONAL = java.util.Set.of("ECON", "NOK", "GUARD", "CAREGIVER",
            "PRS", "AGNT");

    /**
     * Patient.contact: the patient's guardian and the personal contacts of the header (emergency contact, next
     * of kin, caregiver…), each with its relationship; professionals of the header are not the patient's
     * contacts.
     */
    static void contacts(Patient patient, Person guardian, java.util.List<Header.Contact> contacts) {
        if (guardian != null) {
            contact(patient, guardian, "GUARD", "guardian");
        }
        for (Header.Contact c : contacts) {
            if (c.person() != null && c.classCode() != null && PERSONAL.contains(c.classCode())) {
                contact(patient, c.person(), c.classCode(), null);
            }
        }
    }

    private static void contact(Patient patient, Person person, String classCode, String display) {
        Patient.ContactComponent contact = patient.addContact();
        switch (classCode) {
            // HL7 v2 table 0131 (the binding of Patient.contact.relationship) where it has the relation.
            case "ECON" -> contact.addRelationship().addCoding(new org.hl7.fhir.r4.model.Coding(
                    "http://terminology.hl7.org/CodeSystem/v2-0131", "C", "Emergency Contact"));
            case "NOK" -> contact.addRelationship().addCoding(new org.hl7.fhir.r4.model.Coding(
                    "http://terminology.hl7.org/CodeSystem/v2-0131", "N", "Next-of-Kin"));
            default -> contact.addRelationship().addCoding(new org.hl7.fhir.r4.model.Coding(
                    "http://terminology.hl7.org/CodeSystem/v3-RoleClass", classCode, display));
        }
        HumanName name = new HumanName();
        name.setFamily(person.family());
        if (person.given() != null) {
            name.addGiven(person.given());
        }
        if (person.prefix() != null) {
            name.addPrefix(person.prefix());
        }
        contact.setName(name);
        for (String t : person.telecoms()) {
            ContactPoint cp = telecom(t);
            if (cp != null) {
                contact.addTelecom(cp);
            }
        }
        if (person.address() != null) {
            contact.setAddress(address(person.address()));
        }
    }

    static org.hl7.fhir.r4.model.Address address(Address a) {
        org.hl7.fhir.r4.model.Address addr = new org.hl7.fhir.r4.model.Address();
        a.streetLines().forEach(addr::addLine);
        addr.setCity(a.city()).setPostalCode(a.postalCode());
        addr.setCountry(a.country() == null || a.country().equalsIgnoreCase("FRANCE") ? "FR" : a.country());
        return addr;
    }

    private static ContactPoint telecom(String value) {
        int colon = value.indexOf(':');
        if (colon < 0) {
            return null;
        }
        String scheme = value.substring(0, colon);
        String v = value.substring(colon + 1);
        ContactPoint cp = new ContactPoint().setValue(v);
        switch (scheme) {
            case "tel" -> cp.setSystem(ContactPoint.ContactPointSystem.PHONE);
            case "mailto" -> cp.setSystem(ContactPoint.ContactPointSystem.EMAIL);
            case "fax" -> cp.setSystem(ContactPoint.ContactPointSystem.FAX);
            default -> cp.setSystem(ContactPoint.ContactPointSystem.OTHER);
        }
        return cp;
    }
}
