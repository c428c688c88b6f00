package fr.passerelle.gateway.soap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The schemas of the served WSDLs, compiled once: the eHDSI request samples of gematik and IPF are valid (so a
 * conformant partner is never refused), a violation is the first one, named with its place and without the values
 * the body carries.
 */
class BodySchemasTest {

    private static final BodySchemas SCHEMAS = new BodySchemas(EnumSet.allOf(EhdsiOperation.class));

    @ParameterizedTest
    @CsvSource({
            "PATIENT_DISCOVERY,      ipf-iti55/iti55-sample-request.xml",
            "CROSS_GATEWAY_QUERY,    gematik/AdhocQueryRequestPSA.xml",
            "CROSS_GATEWAY_QUERY,    gematik/AdhocQueryRequestEPED.xml",
            "CROSS_GATEWAY_RETRIEVE, gematik/RetrieveDocumentSetRequest.xml",
            "PROVIDE_AND_REGISTER,   gematik/ProvideAndRegisterDocumentSetRequest.xml"
    })
    void thePartnersSampleRequestsAreValid(EhdsiOperation operation, String sample) {
        assertThat(SCHEMAS.firstViolation(operation, body(SoapMessages.sampleBody(sample)))).isEmpty();
    }

    /**
     * gematik's ITI-55 samples name their devices {@code root="101"}, not an OID: the HL7v3 {@code uid} type refuses
     * it. A partner's XCPD message can fail the strict HL7v3 schemas where the eHDSI validators and the readers do
     * not mind, hence ITI-55 validation {@code log} by default (docs/implementers.md, "Schema validation").
     */
    @ParameterizedTest
    @CsvSource({"gematik/PRPA_IN201305UV02_298.xml", "gematik/PRPA_IN201305UV02_299.xml"})
    void gematiksPatientDiscoverySamplesFailTheHl7v3UidType(String sample) {
        assertThat(SCHEMAS.firstViolation(EhdsiOperation.PATIENT_DISCOVERY, body(SoapMessages.sampleBody(sample))))
                .hasValueSatisfying(v -> {
                    assertThat(v.message()).startsWith("cvc-datatype-valid.1.2.3").endsWith("union type 'uid'.");
                    assertThat(v.path()).isEqualTo("/PRPA_IN201305UV02/receiver/device/id");
                });
    }

    @Test
    void aRetrieveWithoutDocumentUniqueIdIsRefusedAtItsDocumentRequest() {
        String body = SoapMessages.retrieveBody("1.2.3", "1.2.3.4^5").replaceFirst("<DocumentUniqueId>[^<]*"
                + "</DocumentUniqueId>", "");

        Optional<BodySchemas.SchemaViolation> violation =
                SCHEMAS.firstViolation(EhdsiOperation.CROSS_GATEWAY_RETRIEVE, body(body));

        assertThat(violation).hasValueSatisfying(v -> {
            assertThat(v.message()).startsWith("cvc-complex-type.2.4.b").contains("DocumentUniqueId");
            assertThat(v.path()).isEqualTo("/RetrieveDocumentSetRequest/DocumentRequest");
            assertThat(v.describe()).endsWith("(at /RetrieveDocumentSetRequest/DocumentRequest)");
        });
    }

    @Test
    void theFirstViolationIsNamedWithoutTheValueItQuotes() {
        // A boolean attribute holding a patient identifier: the value Xerces' message would quote.
        String body = SoapMessages.sampleBody("gematik/AdhocQueryRequestPSA.xml")
                .replaceFirst("returnComposedObjects=\"true\"", "returnComposedObjects=\"284056912304563\"");
        assertThat(body).contains("284056912304563");

        Optional<BodySchemas.SchemaViolation> violation =
                SCHEMAS.firstViolation(EhdsiOperation.CROSS_GATEWAY_QUERY, body(body));

        assertThat(violation).hasValueSatisfying(v -> {
            assertThat(v.describe()).doesNotContain("284056912304563").contains("'…'");
            assertThat(v.path()).isEqualTo("/AdhocQueryRequest/ResponseOption");
        });
    }

    @Test
    void redactionKeepsTheConstraintAndDropsEveryQuotedValue() {
        assertThat(BodySchemas.redact("cvc-pattern-valid: Value '284056912304563' is not facet-valid with respect to "
                + "pattern '[0-9]+' for type 'x'.")).isEqualTo("cvc-pattern-valid: Value '…' is not facet-valid with "
                + "respect to pattern '[0-9]+' for type 'x'.");
        assertThat(BodySchemas.redact("cvc-datatype-valid.1.2.1: '2840569' is not a valid value for 'boolean'."))
                .isEqualTo("cvc-datatype-valid.1.2.1: '…' is not a valid value for 'boolean'.");
        assertThat(BodySchemas.redact("cvc-attribute.3: The value 'abc' of attribute 'id' on element 'x' is not "
                + "valid with respect to its type, 'anyURI'.")).doesNotContain("abc");
    }

    @Test
    void anMtomBodyIsValidatedWithoutItsXopIncludes() {
        String body = SoapMessages.sampleBody("gematik/ProvideAndRegisterDocumentSetRequest.xml")
                .replaceFirst("(?s)(<xds:Document id=\"[^\"]+\">).*?(</xds:Document>)",
                        "$1<xop:Include xmlns:xop=\"http://www.w3.org/2004/08/xop/include\" href=\"cid:a%40b\"/>$2");
        Element element = body(body);

        assertThat(SCHEMAS.firstViolation(EhdsiOperation.PROVIDE_AND_REGISTER, element)).isEmpty();
        assertThat(element.getElementsByTagNameNS(Namespaces.XOP, "Include").getLength())
                .as("the request itself keeps its parts").isEqualTo(1);
    }

    @Test
    void anOperationWhoseValidationIsOffHasNoSchema() {
        BodySchemas none = new BodySchemas(EnumSet.noneOf(EhdsiOperation.class));

        assertThat(none.firstViolation(EhdsiOperation.CROSS_GATEWAY_RETRIEVE, body("<x/>"))).isEmpty();
    }

    /** The body as the endpoint has it: an element inside a SOAP envelope. */
    static Element body(String xml) {
        ReceivedXml envelope = ReceivedXml.parse(SoapMessages.envelope("urn:test", xml));
        return envelope.nodes("/soap:Envelope/soap:Body/*").get(0);
    }
}
