package fr.passerelle.gateway.console.demo;

import fr.passerelle.gateway.healthspace.Ins;

/** A checked demo request: who asks (country, practitioner), about whom, by which road, in which language. */
public record DemoRequest(String country, DemoPractitioner practitioner, Ins patient, Road road, String language) {

    /** The patient as an HL7 CX, the TRC assertion's resource id. */
    public String patientCx() {
        return patient.asCx().encode();
    }
}
