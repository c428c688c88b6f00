package fr.passerelle.gateway.load;

/** What one request got back, as the fault tests judge it. */
public enum Outcome {
    /** The protocol's success answer. */
    SUCCESS,
    /** A refusal in the protocol's own shape: SOAP fault, registry error, HL7 AE, FHIR OperationOutcome. */
    REFUSED,
    /** An answer in no protocol shape (an HTML or bare error page, a stack trace, an empty 500...). */
    BROKEN,
    /** The connection was refused or reset: the node is gone. */
    NO_ANSWER,
    /** No answer within the client's timeout: the node hangs. */
    TIMEOUT
}
