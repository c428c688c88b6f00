package fr.passerelle.translation.cda;

import java.util.List;

/** The CDA header elements the pivot and FHIR documents carry over. */
public record Header(InstanceId id, InstanceId setId, String versionNumber, CodedValue documentCode, String title,
                     String effectiveTime, CodedValue confidentiality, String languageCode, Patient patient,
                     Author author, Organization custodian, Person legalAuthenticator,
                     String legalAuthenticationTime, List<InstanceId> inFulfillmentOf, List<Contact> contacts,
                     ServiceEvent serviceEvent) {

    public Header {
        inFulfillmentOf = inFulfillmentOf == null ? List.of() : List.copyOf(inFulfillmentOf);
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }

    /** A header without contacts or service event (documents rebuilt from FHIR resources, which carry neither). */
    public Header(InstanceId id, InstanceId setId, String versionNumber, CodedValue documentCode, String title,
                  String effectiveTime, CodedValue confidentiality, String languageCode, Patient patient,
                  Author author, Organization custodian, Person legalAuthenticator,
                  String legalAuthenticationTime, List<InstanceId> inFulfillmentOf) {
        this(id, setId, versionNumber, documentCode, title, effectiveTime, confidentiality, languageCode, patient,
                author, custodian, legalAuthenticator, legalAuthenticationTime, inFulfillmentOf, List.of(), null);
    }

    /**
     * A person the document names as a contact of the patient (a header {@code participant}: the attending
     * physician, a correspondent, a relative), with the participation type and function as written.
     */
    public record Contact(String typeCode, CodedValue function, String classCode, CodedValue relationship,
                          Person person) {

        /** French {@code informant/relatedEntity}: emergency contact (ECON), trusted person / next of kin (NOK). */
        public boolean isRelative() {
            return "ECON".equals(classCode) || "NOK".equals(classCode) || "PRS".equals(classCode);
        }
    }

    /**
     * The service the document summarises ({@code documentationOf/serviceEvent}): its time interval and who
     * performed it, as written.
     */
    public record ServiceEvent(String low, String high, List<Performer> performers) {
        public ServiceEvent {
            performers = performers == null ? List.of() : List.copyOf(performers);
        }
    }

    /** A performer of the service event: participation type, function code, the professional. */
    public record Performer(String typeCode, CodedValue function, Person person) {
    }

    /** An HL7 instance identifier. */
    public record InstanceId(String root, String extension) {
    }

    /** A postal address, lines already assembled. */
    public record Address(List<String> streetLines, String postalCode, String city, String country) {
        public Address {
            streetLines = streetLines == null ? List.of() : List.copyOf(streetLines);
        }
    }

    public record Patient(List<InstanceId> ids, String family, List<String> given, CodedValue gender,
                          String birthTime, Address address, List<String> telecoms, Person guardian) {
        public Patient {
            ids = List.copyOf(ids);
            given = List.copyOf(given);
            telecoms = List.copyOf(telecoms);
        }

        /** A patient without a guardian. */
        public Patient(List<InstanceId> ids, String family, List<String> given, CodedValue gender,
                       String birthTime, Address address, List<String> telecoms) {
            this(ids, family, given, gender, birthTime, address, telecoms, null);
        }
    }

    /** A health professional: identifier (RPPS…), name, profession/specialty code, organisation. */
    public record Person(InstanceId id, String prefix, String family, String given, CodedValue profession,
                         Address address, List<String> telecoms, Organization organization) {
        public Person {
            telecoms = telecoms == null ? List.of() : List.copyOf(telecoms);
        }
    }

    public record Author(String time, Person person) {
    }

    public record Organization(InstanceId id, String name, Address address, List<String> telecoms) {
        public Organization {
            telecoms = telecoms == null ? List.of() : List.copyOf(telecoms);
        }
    }
}
