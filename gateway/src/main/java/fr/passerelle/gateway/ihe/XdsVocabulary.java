package fr.passerelle.gateway.ihe;

/**
 * The one copy of the ebRIM / XDS.b identifiers Passerelle writes and reads (IHE ITI TF-3 4.1 and 4.2): namespaces,
 * stored query ids, object types, statuses, association types and the DocumentEntry / SubmissionSet classification
 * and identification schemes. The XCA, XDR and DMP messages all name them from here.
 */
public final class XdsVocabulary {

    public static final String RIM = "urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0";
    public static final String QUERY = "urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0";
    public static final String RS = "urn:oasis:names:tc:ebxml-regrep:xsd:rs:3.0";
    public static final String LCM = "urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0";
    public static final String XDS = "urn:ihe:iti:xds-b:2007";
    public static final String XOP = "http://www.w3.org/2004/08/xop/include";

    // Registry stored queries (ITI TF-2a 3.18.4.1.2.3.7).
    public static final String FIND_DOCUMENTS = "urn:uuid:14d4debf-8f97-4251-9a74-a90016b0af0d";
    public static final String GET_DOCUMENTS = "urn:uuid:5c4f972b-d56b-40ac-a5fc-c8ca9b40b9d4";

    // Object types, statuses, severities.
    public static final String STABLE_DOCUMENT = "urn:uuid:7edca82f-054d-47f2-a032-9b2a5b5186c1";
    public static final String SUBMISSION_SET_NODE = "urn:uuid:a54d6aa5-d40d-43f9-88c5-b4633d873bdd";
    public static final String EXTERNAL_IDENTIFIER =
            "urn:oasis:names:tc:ebxml-regrep:ObjectType:RegistryObject:ExternalIdentifier";
    public static final String APPROVED = "urn:oasis:names:tc:ebxml-regrep:StatusType:Approved";
    public static final String SUCCESS = "urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success";
    public static final String PARTIAL_SUCCESS = "urn:ihe:iti:2007:ResponseStatusType:PartialSuccess";
    public static final String FAILURE = "urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Failure";
    public static final String ERROR_SEVERITY = "urn:oasis:names:tc:ebxml-regrep:ErrorSeverityType:Error";
    public static final String WARNING_SEVERITY = "urn:oasis:names:tc:ebxml-regrep:ErrorSeverityType:Warning";

    // Association types.
    public static final String HAS_MEMBER = "urn:oasis:names:tc:ebxml-regrep:AssociationType:HasMember";
    public static final String XFRM = "urn:ihe:iti:2007:AssociationType:XFRM";

    // DocumentEntry classification and identification schemes.
    public static final String DOC_AUTHOR = "urn:uuid:93606bcf-9494-43ec-9b4e-a7748d1a838d";
    public static final String DOC_CLASS = "urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a";
    public static final String DOC_CONFIDENTIALITY = "urn:uuid:f4f85eac-e6cb-4883-b524-f2705394840f";
    public static final String DOC_EVENT = "urn:uuid:2c6b8cb7-8b2a-4051-b291-b1ae6a575ef4";
    public static final String DOC_FORMAT = "urn:uuid:a09d5840-386c-46f2-b5ad-9c3699a4309d";
    public static final String DOC_FACILITY = "urn:uuid:f33fb8ac-18af-42cc-ae0e-ed0b0bdb91e1";
    public static final String DOC_PRACTICE = "urn:uuid:cccf5598-8b07-4b77-a05e-ae952c785ead";
    public static final String DOC_TYPE = "urn:uuid:f0306f51-975f-434e-a61c-c59651d33983";
    public static final String DOC_PATIENT_ID = "urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427";
    public static final String DOC_UNIQUE_ID = "urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab";

    // SubmissionSet classification and identification schemes.
    public static final String SET_AUTHOR = "urn:uuid:a7058bb9-b4e4-4307-ba5b-e3f0ab85e12d";
    public static final String SET_CONTENT_TYPE = "urn:uuid:aa543740-bdda-424e-8c96-df4873be8500";
    public static final String SET_PATIENT_ID = "urn:uuid:6b5aea1a-874d-4603-a4bc-96a0a7b38446";
    public static final String SET_SOURCE_ID = "urn:uuid:554ac39e-e3fe-47fe-b233-965d2a147832";
    public static final String SET_UNIQUE_ID = "urn:uuid:96fdda7c-d067-4183-912e-bf5ee74998a8";

    private XdsVocabulary() {
    }
}
