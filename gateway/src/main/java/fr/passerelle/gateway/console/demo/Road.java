package fr.passerelle.gateway.console.demo;

/** Which of the gateway's roads the demo drives. */
public enum Road {
    /** XCPD ITI-55, XCA ITI-38 and ITI-39 over SOAP 1.2, assertions in the WS-Security header. */
    SOAP,
    /** The FHIR R4 road, assertions in {@code X-HCP-Assertion} / {@code X-TRC-Assertion}. */
    FHIR
}
