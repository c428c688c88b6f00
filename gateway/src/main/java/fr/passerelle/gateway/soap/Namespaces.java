package fr.passerelle.gateway.soap;

import fr.passerelle.gateway.ihe.XdsVocabulary;

/** XML namespaces of the eHDSI SOAP messages (the ebXML and XDS ones are the XDS vocabulary's). */
public final class Namespaces {

    public static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
    public static final String WSA = "http://www.w3.org/2005/08/addressing";
    public static final String WSSE =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    public static final String HL7V3 = "urn:hl7-org:v3";
    public static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    public static final String RIM = XdsVocabulary.RIM;
    public static final String RS = XdsVocabulary.RS;
    public static final String QUERY = XdsVocabulary.QUERY;
    public static final String LCM = XdsVocabulary.LCM;
    public static final String XDS = XdsVocabulary.XDS;
    public static final String XOP = XdsVocabulary.XOP;

    private Namespaces() {
    }
}
