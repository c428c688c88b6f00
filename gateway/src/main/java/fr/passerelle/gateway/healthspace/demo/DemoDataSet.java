package fr.passerelle.gateway.healthspace.demo;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * The demo data set's manifest ({@code patients.json}): synthetic patients, their controls and their documents.
 * Both the re-identification tool (which writes the documents) and the seeder (which loads them) read it.
 *
 * @param name a version label; seeding happens once per name
 */
public record DemoDataSet(String name, List<Patient> patients) {

    public DemoDataSet {
        Objects.requireNonNull(name, "name");
        patients = List.copyOf(patients);
    }

    /**
     * A synthetic patient.
     *
     * @param key               short handle used in file names
     * @param insValue          INS matricule on the test NIR OID
     * @param birthPlaceCode    INSEE code of the birth municipality
     * @param relativeGivenName given name of the relative (next of kin) who replaces the samples' relatives
     * @param demonstrates      what this patient is in the data set for (shown in README)
     */
    public record Patient(String key, String insValue, List<String> givenNames, String familyName,
                          LocalDate birthDate, String gender, String birthPlaceCode, String birthPlaceName,
                          Address address, String mobilePhone, String relativeGivenName, Controls controls,
                          List<Document> documents, String demonstrates) {

        public Patient {
            givenNames = List.copyOf(givenNames);
            documents = List.copyOf(documents);
            controls = controls == null ? new Controls(List.of(), false, false) : controls;
        }
    }

    public record Address(String houseNumber, String streetName, String postalCode, String city) {
    }

    public record Controls(List<String> blockedProfessionals, boolean opposesEmergencyAccess,
                           boolean maskedVisibleInEmergency) {

        public Controls {
            blockedProfessionals = blockedProfessionals == null ? List.of() : List.copyOf(blockedProfessionals);
        }
    }

    /**
     * A document of a patient.
     *
     * @param file            file name under {@code documents/}
     * @param confidentiality French visibility codes besides HL7 N, e.g. {@code MASQUE_PS}
     */
    public record Document(String file, FrenchSample sample, OffsetDateTime creationTime,
                           List<String> confidentiality) {

        public Document {
            confidentiality = confidentiality == null ? List.of() : List.copyOf(confidentiality);
        }
    }
}
