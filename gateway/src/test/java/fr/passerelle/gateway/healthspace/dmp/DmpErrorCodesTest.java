package fr.passerelle.gateway.healthspace.dmp;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import fr.passerelle.gateway.ehdsi.ExchangeError;
import fr.passerelle.gateway.healthspace.DocumentKind;
import jakarta.xml.soap.MessageFactory;
import jakarta.xml.soap.SOAPConstants;
import jakarta.xml.soap.SOAPFault;
import java.util.List;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

/**
 * Every XDS error code the DMP can answer (IHE ITI TF-3 Table 4.2.4.1-2 + Metadata Update) mapped exactly to its
 * typed outcome, the failure kind, whether it counts against the DMP's circuit and the eHDSI code a road sends.
 */
class DmpErrorCodesTest {

    private static final String FAILURE = "urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Failure";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // code,                                 meaning,            kind,                 unwell, eHDSI (PS query)
            "XDSUnknownPatientId,                     UNKNOWN_PATIENT,    REGISTRY_ERROR,       false, ERROR_PS_GENERIC",
            "XDSDuplicateUniqueIdInRegistry,          ALREADY_REGISTERED, REGISTRY_ERROR,       false, ERROR_PS_GENERIC",
            "XDSRegistryNotAvailable,                 UNAVAILABLE,        REGISTRY_UNAVAILABLE, true,  ERROR_PS_GENERIC",
            "XDSRegistryBusy,                         UNAVAILABLE,        REGISTRY_UNAVAILABLE, true,  ERROR_PS_GENERIC",
            "XDSRepositoryBusy,                       UNAVAILABLE,        REGISTRY_UNAVAILABLE, true,  ERROR_PS_GENERIC",
            "XDSRegistryOutOfResources,               UNAVAILABLE,        REGISTRY_UNAVAILABLE, true,  ERROR_PS_GENERIC",
            "XDSRepositoryOutOfResources,             UNAVAILABLE,        REGISTRY_UNAVAILABLE, true,  ERROR_PS_GENERIC",
            "XDSUnavailableCommunity,                 UNAVAILABLE,        REGISTRY_UNAVAILABLE, true,  ERROR_PS_GENERIC",
            "XDSMissingDocument,                      DOCUMENT_MISSING,   DOCUMENT_MISSING,     false, ERROR_PS_GENERIC",
            "XDSMissingDocumentMetadata,              DOCUMENT_MISSING,   DOCUMENT_MISSING,     false, ERROR_PS_GENERIC",
            "XDSDocumentUniqueIdError,                DOCUMENT_MISSING,   DOCUMENT_MISSING,     false, ERROR_PS_GENERIC",
            "XDSRegistryDeprecatedDocumentError,      DOCUMENT_MISSING,   DOCUMENT_MISSING,     false, ERROR_PS_GENERIC",
            "XDSNonIdenticalHash,                     INTEGRITY,          INTEGRITY,            false, ERROR_PS_GENERIC",
            "XDSNonIdenticalSize,                     INTEGRITY,          INTEGRITY,            false, ERROR_PS_GENERIC",
            "XDSRegistryDuplicateUniqueIdInMessage,   REQUEST_REJECTED,   REQUEST_REJECTED,     false, ERROR_PS_GENERIC",
            "XDSRepositoryDuplicateUniqueIdInMessage, REQUEST_REJECTED,   REQUEST_REJECTED,     false, ERROR_PS_GENERIC",
            "XDSRegistryMetadataError,                REQUEST_REJECTED,   REQUEST_REJECTED,     false, ERROR_PS_GENERIC",
            "XDSRepositoryMetadataError,              REQUEST_REJECTED,   REQUEST_REJECTED,     false, ERROR_PS_GENERIC",
            "XDSPatientIdDoesNotMatch,                REQUEST_REJECTED,   REQUEST_REJECTED,     false, ERROR_PS_GENERIC",
            "XDSResultNotSinglePatient,               REQUEST_REJECTED,   REQUEST_REJECTED,     false, ERROR_PS_GENERIC",
            "XDSTooManyResults,                       REQUEST_REJECTED,   REQUEST_REJECTED,     false, ERROR_PS_GENERIC",
            "XDSExtraMetadataNotSaved,                REQUEST_REJECTED,   REQUEST_REJECTED,     false, ERROR_PS_GENERIC",
            "XDSUnknownStoredQuery,                   REQUEST_REJECTED,   REQUEST_REJECTED,     false, ERROR_PS_GENERIC",
            "XDSStoredQueryMissingParam,              REQUEST_REJECTED,   REQUEST_REJECTED,     false, ERROR_PS_GENERIC",
            "XDSStoredQueryParamNumber,               REQUEST_REJECTED,   REQUEST_REJECTED,     false, ERROR_PS_GENERIC",
            "XDSUnknownRepositoryId,                  REQUEST_REJECTED,   REQUEST_REJECTED,     false, ERROR_PS_GENERIC",
            "XDSUnknownCommunity,                     REQUEST_REJECTED,   REQUEST_REJECTED,     false, ERROR_PS_GENERIC",
            "XDSMissingHomeCommunityId,               REQUEST_REJECTED,   REQUEST_REJECTED,     false, ERROR_PS_GENERIC",
            "XDSMetadataUpdateError,                  REQUEST_REJECTED,   REQUEST_REJECTED,     false, ERROR_PS_GENERIC",
            "XDSMetadataVersionError,                 REQUEST_REJECTED,   REQUEST_REJECTED,     false, ERROR_PS_GENERIC",
            "XDSMetadataUpdateOperationError,         REQUEST_REJECTED,   REQUEST_REJECTED,     false, ERROR_PS_GENERIC",
            "XDSRegistryError,                        INTERNAL_ERROR,     REGISTRY_ERROR,       false, ERROR_PS_GENERIC",
            "XDSRepositoryError,                      INTERNAL_ERROR,     REGISTRY_ERROR,       false, ERROR_PS_GENERIC",
            "DMP_ERREUR_INCONNUE,                     UNKNOWN,            REGISTRY_ERROR,       false, ERROR_PS_GENERIC",
            // Keyword matching is gone: a code merely containing "refus" or "access" is no refusal.
            "XDSAccessRefused,                        UNKNOWN,            REGISTRY_ERROR,       false, ERROR_PS_GENERIC",
    })
    void eachCodeHasExactlyOneTypedOutcome(String code, DmpErrorCodes.Meaning meaning, DmpFailure.Kind kind,
                                           boolean unwell, ExchangeError ehdsi) {
        assertThat(DmpErrorCodes.meaning(code)).isEqualTo(meaning);
        DmpFailure failure = DmpErrorCodes.failure(DmpOperation.FIND_DOCUMENTS, FAILURE, List.of(code));
        assertThat(failure.kind()).isEqualTo(kind);
        assertThat(failure.kind().countsAgainstDmp()).isEqualTo(unwell);
        assertThat(failure.ehdsiCode(DocumentKind.PATIENT_SUMMARY)).isEqualTo(ehdsi);
        assertThat(failure.refusedAccess()).isFalse();
        assertThat(failure.auditReason()).isEqualTo("DMP_" + kind + ":FIND_DOCUMENTS");
    }

    @Test
    void theTableHoldsExactlyTheCodesAbove() {
        // A code added to the table must be added to the test table too (33 documented codes).
        assertThat(DmpErrorCodes.XDS_CODES).hasSize(33);
    }

    @Test
    void theMostTellingCodeDecidesWhenThereAreSeveral() {
        assertThat(DmpErrorCodes.failure(DmpOperation.FIND_DOCUMENTS, FAILURE,
                List.of("XDSRegistryError", "XDSRegistryBusy")).kind()).isEqualTo(DmpFailure.Kind.REGISTRY_UNAVAILABLE);
        assertThat(DmpErrorCodes.failure(DmpOperation.RETRIEVE_DOCUMENT, FAILURE,
                List.of("XDSRepositoryError", "XDSDocumentUniqueIdError")).kind())
                .isEqualTo(DmpFailure.Kind.DOCUMENT_MISSING);
    }

    @Test
    void anUnknownCodeIsLoggedWithTheCodeAndNothingElse() {
        Logger logger = (Logger) LoggerFactory.getLogger(DmpErrorCodes.class);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        logger.addAppender(events);
        try {
            DmpFailure failure = DmpErrorCodes.failure(DmpOperation.GET_DOCUMENTS, FAILURE,
                    List.of("DMP_0042", "Patient DUPONT Marie né le 1984-05-06"));

            assertThat(failure.kind()).isEqualTo(DmpFailure.Kind.REGISTRY_ERROR);
            assertThat(failure.getMessage()).contains("DMP_0042").doesNotContain("DUPONT");
            assertThat(events.list).singleElement().satisfies(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.WARN);
                assertThat(event.getFormattedMessage()).contains("get_documents", "DMP_0042", "<unprintable code>")
                        .doesNotContain("DUPONT");
            });
        } finally {
            logger.detachAppender(events);
        }
    }

    @Test
    void aWsSecurityFaultIsTheDmpRefusingTheToken() throws Exception {
        assertThat(DmpErrorCodes.refusesToken(fault12(new QName(DmpErrorCodes.WSSE, "InvalidSecurityToken", "wsse"))))
                .isTrue();
        assertThat(DmpErrorCodes.refusesToken(fault12(new QName(DmpErrorCodes.WSSE, "FailedAuthentication", "wsse"))))
                .isTrue();
        assertThat(DmpErrorCodes.refusesToken(fault12(new QName("urn:other", "FailedAuthentication", "o"))))
                .as("same local name, another namespace").isFalse();
        assertThat(DmpErrorCodes.refusesToken(fault12(null))).as("a plain receiver fault").isFalse();
        SOAPFault soap11 = MessageFactory.newInstance(SOAPConstants.SOAP_1_1_PROTOCOL).createMessage().getSOAPBody()
                .addFault(new QName(DmpErrorCodes.WSSE, "FailedCheck", "wsse"), "signature refused");
        assertThat(DmpErrorCodes.refusesToken(soap11)).as("SOAP 1.1: the wsse code is the fault code").isTrue();
    }

    private static SOAPFault fault12(QName subcode) throws Exception {
        SOAPFault fault = MessageFactory.newInstance(SOAPConstants.SOAP_1_2_PROTOCOL).createMessage().getSOAPBody()
                .addFault(subcode == null ? SOAPConstants.SOAP_RECEIVER_FAULT : SOAPConstants.SOAP_SENDER_FAULT,
                        "refused");
        if (subcode != null) {
            fault.appendFaultSubcode(subcode);
        }
        return fault;
    }
}
