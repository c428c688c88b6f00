package fr.passerelle.gateway.soap;

import fr.passerelle.gateway.access.CrossBorderTransaction;
import javax.xml.namespace.QName;

/** The eHDSI operations Passerelle answers, with their WS-Addressing actions and body elements (from the WSDLs). */
public enum EhdsiOperation {

    PATIENT_DISCOVERY("urn:hl7-org:v3:PRPA_IN201305UV02:CrossGatewayPatientDiscovery",
            "urn:hl7-org:v3:PRPA_IN201306UV02:CrossGatewayPatientDiscovery",
            new QName(Namespaces.HL7V3, "PRPA_IN201305UV02")),
    CROSS_GATEWAY_QUERY("urn:ihe:iti:2007:CrossGatewayQuery", "urn:ihe:iti:2007:CrossGatewayQueryResponse",
            new QName(Namespaces.QUERY, "AdhocQueryRequest")),
    CROSS_GATEWAY_RETRIEVE("urn:ihe:iti:2007:CrossGatewayRetrieve", "urn:ihe:iti:2007:CrossGatewayRetrieveResponse",
            new QName(Namespaces.XDS, "RetrieveDocumentSetRequest")),
    PROVIDE_AND_REGISTER("urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b",
            "urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-bResponse",
            new QName(Namespaces.XDS, "ProvideAndRegisterDocumentSetRequest"));

    private final String requestAction;
    private final String responseAction;
    private final QName requestElement;

    EhdsiOperation(String requestAction, String responseAction, QName requestElement) {
        this.requestAction = requestAction;
        this.responseAction = responseAction;
        this.requestElement = requestElement;
    }

    public String requestAction() {
        return requestAction;
    }

    public String responseAction() {
        return responseAction;
    }

    public QName requestElement() {
        return requestElement;
    }

    /** The cross-border transaction this operation carries (as the audit trail names it). */
    public CrossBorderTransaction transaction() {
        return switch (this) {
            case PATIENT_DISCOVERY -> CrossBorderTransaction.PATIENT_IDENTIFICATION;
            case CROSS_GATEWAY_QUERY -> CrossBorderTransaction.DOCUMENT_LIST;
            case CROSS_GATEWAY_RETRIEVE -> CrossBorderTransaction.DOCUMENT_RETRIEVE;
            case PROVIDE_AND_REGISTER -> CrossBorderTransaction.DISPENSATION;
        };
    }
}
