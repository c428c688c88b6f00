package fr.passerelle.trust.assertion;

/** Attribute names of the eHDSI SAML profile (XSPA, XACML, IHE and eHDSI namespaces). */
public final class EhdsiAttributes {

    public static final String XSPA_SUBJECT = "urn:oasis:names:tc:xspa:1.0:subject:subject-id";
    public static final String XACML_SUBJECT = "urn:oasis:names:tc:xacml:1.0:subject:subject-id";
    public static final String ROLE = "urn:oasis:names:tc:xacml:2.0:subject:role";
    public static final String ORGANISATION = "urn:oasis:names:tc:xspa:1.0:subject:organization";
    public static final String ORGANISATION_ID = "urn:oasis:names:tc:xspa:1.0:subject:organization-id";
    public static final String FACILITY_TYPE = "urn:ehdsi:names:subject:healthcare-facility-type";
    public static final String PURPOSE_OF_USE = "urn:oasis:names:tc:xspa:1.0:subject:purposeofuse";
    public static final String LOCALITY = "urn:oasis:names:tc:xspa:1.0:environment:locality";
    public static final String PERMISSION = "urn:oasis:names:tc:xspa:1.0:subject:hl7:permission";
    public static final String PERMISSION_PREFIX = PERMISSION + ":";
    public static final String HOME_COMMUNITY_ID = "urn:ihe:iti:xca:2010:homeCommunityId";
    public static final String RESOURCE_ID = "urn:oasis:names:tc:xacml:1.0:resource:resource-id";

    public static final String SENDER_VOUCHES = "urn:oasis:names:tc:SAML:2.0:cm:sender-vouches";
    public static final String X_BORDER_AUDIENCE = "urn:ehdsi:assertions.audience:x-border";

    private EhdsiAttributes() {
    }
}
