package fr.passerelle.translation.cda;

import java.util.List;

/** The CDA header elements the pivot and FHIR documents carry over. */
public record Header(InstanceId id, InstanceId setId, String versionNumber, CodedValue documentCode, String title,
                     String effectiveTime, CodedValue confidentiality, String languageCode, Patient patient,
                     Author author, Organization custodian, Person legalAuthenticator,
                     String legalAuthenticationTime, List<InstanceId> inFulfillmentOf) {

    public Header {
        inFulfillmentOf = inFulfillmentOf == null ? List.of() : List.copyOf(inFulfillmentOf);
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
                          String birthTime, Address address, List<String> telecoms) {
        public Patient {
            ids = List.copyOf(ids);
            given = List.copyOf(given);
            telecoms = List.copyOf(telecoms);
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
