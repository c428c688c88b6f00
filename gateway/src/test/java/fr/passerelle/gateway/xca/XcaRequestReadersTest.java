package fr.passerelle.gateway.xca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.gateway.soap.MalformedRequest;
import fr.passerelle.gateway.soap.ReceivedXml;
import fr.passerelle.gateway.soap.SoapMessages;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Element;

/**
 * The ITI-38 and ITI-39 readers' own refusals, which hold when an operator switched schema validation off, and what
 * they read.
 */
class XcaRequestReadersTest {

    private static final String QUERY = SoapMessages.sampleBody("gematik/AdhocQueryRequestPSA.xml");
    private static final String RETRIEVE = SoapMessages.retrieveBody("1.2.250.1.213.4.1.99", "1.2.250.1.999.1^1");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "(?s)<AdhocQuery .*</AdhocQuery>| | AdhocQueryRequest has no AdhocQuery",
        "urn:uuid:14d4debf-8f97-4251-9a74-a90016b0af0d|urn:uuid:5c4f972b-d56b-40ac-a5fc-c8ca9b40b9d4| "
                + "Only the FindDocuments stored query (urn:uuid:14d4debf-8f97-4251-9a74-a90016b0af0d) is supported",
        "\\$XDSDocumentEntryPatientId|\\$Other| FindDocuments needs exactly one $XDSDocumentEntryPatientId value",
        "(<Value>'X110571344[^<]*</Value>)|$1$1| FindDocuments needs exactly one $XDSDocumentEntryPatientId value",
        "\\$XDSDocumentEntryClassCode|\\$Other| FindDocuments needs a $XDSDocumentEntryClassCode (60591-5, 57833-6, 11502-2, 34105-7 or 18748-4)",
        "\\('60591-5\\^\\^2.16.840.1.113883.6.1'\\)|()| FindDocuments needs a $XDSDocumentEntryClassCode (60591-5, 57833-6, 11502-2, 34105-7 or 18748-4)",
    })
    void aQueryWithoutWhatFindDocumentsNeedsIsRefused(String regex, String replacement, String reason) {
        assertRefused(new AdhocQueryRequestReader()::read, QUERY, regex, replacement, reason);
    }

    @Test
    void aQueryReadsItsPatientClassesAndReturnType() {
        DocumentQuery query = new AdhocQueryRequestReader().read(body(QUERY
                .replace("('60591-5^^2.16.840.1.113883.6.1')", "('60591-5^^2.16.840.1.113883.6.1', '99999-9')")
                .replace("returnType=\"LeafClass\"", "returnType=\"ObjectRef\"")));

        assertThat(query.patientId()).isEqualTo(new XdsPatientId("X110571344|ABC123", "1.2.276.0.76.3.1.580.147"));
        assertThat(query.classes()).containsExactly(DocumentClass.PATIENT_SUMMARY);
        assertThat(query.unsupportedClassCodes()).containsExactly("99999-9");
        assertThat(query.leafClass()).isFalse();
    }

    @Test
    void withValidationOffWhatTheReaderDoesNotReadIsIgnoredAsBefore() {
        DocumentQuery query = new AdhocQueryRequestReader().read(body(QUERY
                .replace("<AdhocQuery ", "<Unknown xmlns=\"urn:example\"/><AdhocQuery ")
                .replace(" returnType=\"LeafClass\"", "")));
        RetrieveRequest retrieve = new RetrieveRequestReader().read(body(RETRIEVE.replace("<DocumentUniqueId>",
                "<rim:Slot xmlns:rim=\"urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0\"/><DocumentUniqueId>")));

        assertThat(query.classes()).containsExactly(DocumentClass.PATIENT_SUMMARY);
        assertThat(query.leafClass()).as("ebRS's default returnType, RegistryObject, answered as LeafClass").isTrue();
        assertThat(retrieve.documents()).singleElement().extracting(DocumentReference::documentUniqueId)
                .isEqualTo("1.2.250.1.999.1^1");
    }

    @Test
    void withValidationOffAnAttributeNotOfItsSchemaTypeIsAMalformedRequestNotAServerError() {
        Element request = body(QUERY.replace("<ns3:AdhocQueryRequest ", "<ns3:AdhocQueryRequest startIndex=\"first\" "));

        assertThatThrownBy(() -> new AdhocQueryRequestReader().read(request)).isInstanceOf(MalformedRequest.class)
                .hasMessage("AdhocQueryRequest has a value that is not of its schema type");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "(?s)<DocumentRequest>.*</DocumentRequest>| | RetrieveDocumentSetRequest has no DocumentRequest",
        "<RepositoryUniqueId>[^<]*</RepositoryUniqueId>| | DocumentRequest has no RepositoryUniqueId",
        "<RepositoryUniqueId>[^<]*</RepositoryUniqueId>|<RepositoryUniqueId> </RepositoryUniqueId>| DocumentRequest has no RepositoryUniqueId",
        "<DocumentUniqueId>[^<]*</DocumentUniqueId>| | DocumentRequest has no DocumentUniqueId",
    })
    void aRetrieveWithoutWhatADocumentRequestNeedsIsRefused(String regex, String replacement, String reason) {
        assertRefused(new RetrieveRequestReader()::read, RETRIEVE, regex, replacement, reason);
    }

    @Test
    void aRetrieveReadsEachDocumentRequestTheCommunityWithoutItsUrnPrefix() {
        RetrieveRequest request = new RetrieveRequestReader().read(body(RETRIEVE.replace("<HomeCommunityId>",
                "<HomeCommunityId> ").replace("1.2.250.1.999.1^1<", " 1.2.250.1.999.1^1 <")));

        assertThat(request.documents()).containsExactly(new DocumentReference(Optional.of("1.2.250.1.213.4.1.99"),
                "1.2.250.1.213.4.1.99", "1.2.250.1.999.1^1"));
        assertThat(new RetrieveRequestReader().read(body(RETRIEVE.replaceFirst("<HomeCommunityId>[^<]*</HomeCommunityId>",
                ""))).documents().get(0).homeCommunityId()).isEmpty();
    }

    /** The sample with the first match of {@code regex} replaced (a blank CSV cell: removed) is refused so. */
    private static void assertRefused(Consumer<Element> reader, String sample, String regex, String replacement,
                                      String reason) {
        Element request = body(sample.replaceFirst(regex, replacement == null ? "" : replacement));

        assertThatThrownBy(() -> reader.accept(request)).isInstanceOf(MalformedRequest.class).hasMessage(reason.strip());
    }

    private static Element body(String xml) {
        return ReceivedXml.parse(xml).document().getDocumentElement();
    }
}
