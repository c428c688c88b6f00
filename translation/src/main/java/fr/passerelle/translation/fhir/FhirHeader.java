package fr.passerelle.translation.fhir;

import fr.passerelle.translation.cda.Header;
import fr.passerelle.translation.cda.Header.Address;
import fr.passerelle.translation.cda.Header.InstanceId;
import fr.passerelle.translation.cda.Header.Organization;
import fr.passerelle.translation.cda.Header.Person;
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
        if (person.family() != null) {
            name.setFamily(person.family());
        }
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

    static Identifier identifier(InstanceId id) {
        Identifier identifier = new Identifier();
        // HL7 v3 roots are OIDs or UUIDs; FHIR writes them urn:oid:… and urn:uuid:… (lower case).
        String root = id.root().contains(":") ? id.root()
                : id.root().matches("[0-9A-Fa-f]{8}(-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}")
                ? "urn:uuid:" + id.root().toLowerCase(java.util.Locale.ROOT) : "urn:oid:" + id.root();
        if (id.extension() == null) {
            return identifier.setSystem("urn:ietf:rfc:3986").setValue(root);
        }
        return identifier.setSystem(root).setValue(id.extension());
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
