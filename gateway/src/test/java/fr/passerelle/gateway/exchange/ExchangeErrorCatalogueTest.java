package fr.passerelle.gateway.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.ehdsi.ExchangeError;
import fr.passerelle.gateway.fhir.outcome.FhirRefusal;
import fr.passerelle.gateway.healthspace.DocumentKind;
import fr.passerelle.gateway.healthspace.dmp.DmpFailure;
import fr.passerelle.gateway.healthspace.dmp.DmpOperation;
import fr.passerelle.gateway.soap.BusinessRefusal;
import fr.passerelle.gateway.soap.RegistryErrors;
import fr.passerelle.gateway.ihe.ProtocolModel;
import fr.passerelle.gateway.ihe.XdsVocabulary;
import fr.passerelle.gateway.ihe.ebxml.rs.ObjectFactory;
import fr.passerelle.gateway.ihe.ebxml.rs.RegistryResponseType;
import fr.passerelle.gateway.soap.XuaServiceProvider;
import fr.passerelle.trust.EhdsiError;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The one eHDSI error catalogue: unique codes, OpenNCP's values, and how each road turns an entry into its shape. */
class ExchangeErrorCatalogueTest {

    /**
     * OpenNCP's {@code eu.europa.ec.sante.ehdsi.constant.error.OpenNCPErrorCode} (ehealth-ncp, openncp-commons), the
     * wire value of each constant whose name the catalogue uses, copied by hand as reference data.
     */
    private static final Map<String, String> OPENNCP = Map.ofEntries(
            Map.entry("ERROR_GENERIC", "ERROR_GENERIC"),
            Map.entry("ERROR_GENERIC_DOCUMENT_MISSING", "ERROR_GENERIC_DOCUMENT_MISSING"),
            Map.entry("ERROR_GENERIC_SERVICE_SIGNIFIER_UNKNOWN", "ERROR_GENERIC_SERVICE_SIGNIFIER_UNKNOWN"),
            Map.entry("ERROR_HPI_AUTHENTICATION_NOT_RECEIVED", "ERROR_HPI_AUTHENTICATION_NOT_RECEIVED"),
            Map.entry("ERROR_HPI_INSUFFICIENT_INFORMATION", "ERROR_HPI_INSUFFICIENT_INFORMATION"),
            Map.entry("ERROR_SEC_GENERIC", "ERROR_SEC_GENERIC"),
            Map.entry("ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED", "ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED"),
            Map.entry("ERROR_NOT_VALID_TRC_ASSERTION", "1002"),
            Map.entry("ERROR_PI_GENERIC", "ERROR_PI_GENERIC"),
            Map.entry("ERROR_PI_NO_MATCH", "ERROR_PI_NO_MATCH"),
            Map.entry("ERROR_PI_MULTIPLE_MATCHES", "ERROR_PI_MULTIPLE_MATCHES"),
            Map.entry("ERROR_UNKNOWN_PATIENT_IDENTIFIER", "4206"),
            Map.entry("ERROR_NO_CONSENT", "4701"),
            Map.entry("ERROR_INSUFFICIENT_RIGHTS", "4703"),
            Map.entry("ERROR_EP_NOT_FOUND", "1101"),
            Map.entry("ERROR_PS_NOT_FOUND", "1102"),
            Map.entry("ERROR_PS_GENERIC", "ERROR_PS_GENERIC"),
            Map.entry("ERROR_EP_REGISTRY_NOT_ACCESSIBLE", "4103"),
            Map.entry("ERROR_PS_PDF_FORMAT_NOT_PROVIDED", "ERROR_PS_PDF_FORMAT_NOT_PROVIDED"),
            Map.entry("ERROR_TRANSCODING_ERROR", "4203"),
            Map.entry("ERROR_ED_GENERIC", "ERROR_ED_GENERIC"),
            Map.entry("ERROR_EP_ALREADY_DISPENSED", "4106"),
            Map.entry("ERROR_ED_SUBSTITUTION_INFORMATION_NOT_ALLOWED", "ERROR_ED_SUBSTITUTION_INFORMATION_NOT_ALLOWED"),
            Map.entry("ERROR_ED_EPRESCRIPTION_NOT_IDENTIFIABLE", "ERROR_ED_EPRESCRIPTION_NOT_IDENTIFIABLE"),
            Map.entry("ERROR_ED_DISCARD_FAILED", "ERROR_ED_DISCARD_FAILED"));

    @Test
    void everyCodeIsUniqueAndHasAText() {
        List<String> codes = Arrays.stream(ExchangeError.values()).map(ExchangeError::code).toList();
        assertThat(Set.copyOf(codes)).hasSameSizeAs(codes);
        for (ExchangeError error : ExchangeError.values()) {
            assertThat(error.description()).isNotBlank();
            assertThat(ExchangeError.ofCode(error.code())).contains(error);
        }
        assertThat(ExchangeError.ofCode("NOT_A_CODE")).isEmpty();
    }

    @Test
    void everyCodeIsTheOneOpenNcpSendsUnderTheSameName() {
        Map<String, String> ours = Arrays.stream(ExchangeError.values()).filter(e -> !isIheCode(e))
                .collect(Collectors.toMap(ExchangeError::name, ExchangeError::code));
        assertThat(ours).isEqualTo(OPENNCP);
    }

    /** The IHE ITI codes of the catalogue (every other entry is an eHDSI/OpenNCP code). */
    private static boolean isIheCode(ExchangeError error) {
        return error.code().startsWith("XDS");
    }

    /** ITI TF-3 Table 4.2.4.1-2, the IHE codes answered where eHDSI has none, spelled as IHE spells them. */
    @Test
    void theIheCodesAreSpelledAsItiTf3() {
        assertThat(Arrays.stream(ExchangeError.values()).filter(ExchangeErrorCatalogueTest::isIheCode).map(ExchangeError::code))
                .containsExactlyInAnyOrder("XDSMissingHomeCommunityId", "XDSUnknownCommunity",
                        "XDSUnknownRepositoryId", "XDSRegistryMetadataError");
    }

    @Test
    void trustRefusalsMapOntoTheCatalogueWithTheirOwnWireValue() {
        Map<EhdsiError, ExchangeError> expected = new EnumMap<>(Map.of(
                EhdsiError.ERROR_HPI_AUTHENTICATION_NOT_RECEIVED, ExchangeError.ERROR_HPI_AUTHENTICATION_NOT_RECEIVED,
                EhdsiError.ERROR_HPI_INSUFFICIENT_INFORMATION, ExchangeError.ERROR_HPI_INSUFFICIENT_INFORMATION,
                EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, ExchangeError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED,
                EhdsiError.ERROR_SEC_GENERIC, ExchangeError.ERROR_SEC_GENERIC,
                EhdsiError.ERROR_NOT_VALID_TRC_ASSERTION, ExchangeError.ERROR_NOT_VALID_TRC_ASSERTION,
                EhdsiError.ERROR_UNKNOWN_PATIENT_IDENTIFIER, ExchangeError.ERROR_UNKNOWN_PATIENT_IDENTIFIER,
                EhdsiError.ERROR_INSUFFICIENT_RIGHTS, ExchangeError.ERROR_INSUFFICIENT_RIGHTS));
        assertThat(expected.keySet()).containsExactlyInAnyOrder(EhdsiError.values());
        expected.forEach((trust, catalogue) -> {
            assertThat(ExchangeError.of(trust)).isEqualTo(catalogue);
            assertThat(ExchangeError.of(trust).code()).isEqualTo(trust.code());
        });
        // Credentials missing or not believed, against a believed requester refused the transaction or this patient.
        assertThat(EnumSet.allOf(EhdsiError.class).stream().filter(t -> ExchangeError.of(t).kind()
                == ExchangeError.Kind.UNAUTHENTICATED)).containsExactlyInAnyOrder(
                EhdsiError.ERROR_HPI_AUTHENTICATION_NOT_RECEIVED, EhdsiError.ERROR_HPI_INSUFFICIENT_INFORMATION,
                EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, EhdsiError.ERROR_SEC_GENERIC);
        assertThat(EnumSet.allOf(EhdsiError.class).stream().filter(t -> ExchangeError.of(t).kind()
                == ExchangeError.Kind.FORBIDDEN)).containsExactlyInAnyOrder(
                EhdsiError.ERROR_NOT_VALID_TRC_ASSERTION, EhdsiError.ERROR_UNKNOWN_PATIENT_IDENTIFIER,
                EhdsiError.ERROR_INSUFFICIENT_RIGHTS);
    }

    @Test
    void theDmpConnectorsFailuresAreCatalogueEntriesOpenNcpKnows() {
        Set<ExchangeError> named = EnumSet.noneOf(ExchangeError.class);
        for (DmpFailure.Kind kind : DmpFailure.Kind.values()) {
            for (DmpOperation operation : DmpOperation.values()) {
                DmpFailure failure = new DmpFailure(kind, operation, "test");
                named.add(failure.ehdsiCode());
                for (DocumentKind served : DocumentKind.values()) {
                    named.add(failure.ehdsiCode(served));
                }
            }
        }
        assertThat(named).containsExactlyInAnyOrder(ExchangeError.ERROR_INSUFFICIENT_RIGHTS,
                ExchangeError.ERROR_PI_GENERIC, ExchangeError.ERROR_GENERIC, ExchangeError.ERROR_PS_GENERIC,
                ExchangeError.ERROR_EP_REGISTRY_NOT_ACCESSIBLE, ExchangeError.ERROR_ED_GENERIC,
                ExchangeError.ERROR_ED_DISCARD_FAILED);
        named.forEach(error -> assertThat(OPENNCP).containsEntry(error.name(), error.code()));
        // A DMP that cannot answer is never told to the foreign NCP as "no such patient / document".
        assertThat(named).allSatisfy(error -> assertThat(error.kind())
                .isNotIn(ExchangeError.Kind.NOT_FOUND, ExchangeError.Kind.UNAUTHENTICATED));
    }

    @Test
    void theSoapRoadsSendTheEntryCodeAsRegistryErrorWithTheRefusalsReason() throws Exception {
        for (ExchangeError error : ExchangeError.values()) {
            BusinessRefusal refusal = XuaServiceProvider.refusalOf(new ExchangeRefusal(error, "why: " + error.name()));
            assertThat(refusal.code()).isEqualTo(error);
            RegistryResponseType response = new RegistryResponseType();
            response.setStatus(XdsVocabulary.FAILURE);
            response.setRegistryErrorList(RegistryErrors.list(List.of(new RegistryErrors.Line(refusal, "here"))));
            Element parent = ProtocolModel.XDS.toDom(new ObjectFactory().createRegistryResponse(response));
            Element registryError = (Element) parent.getElementsByTagNameNS(
                    "urn:oasis:names:tc:ebxml-regrep:xsd:rs:3.0", "RegistryError").item(0);
            assertThat(registryError.getAttribute("errorCode")).isEqualTo(error.code());
            assertThat(registryError.getAttribute("codeContext")).isEqualTo("why: " + error.name());
            assertThat(registryError.getAttribute("location")).isEqualTo("here");
        }
        assertThat(BusinessRefusal.of(ExchangeError.ERROR_PI_NO_MATCH).context())
                .isEqualTo(ExchangeError.ERROR_PI_NO_MATCH.description());
    }

    @Test
    void theFhirRoadAnswersEachKindWithItsStatus() {
        Map<ExchangeError.Kind, Integer> statusOfKind = Map.of(ExchangeError.Kind.UNAUTHENTICATED, 401,
                ExchangeError.Kind.FORBIDDEN, 403,
                ExchangeError.Kind.NOT_FOUND, 404, ExchangeError.Kind.UNPROCESSABLE, 422,
                ExchangeError.Kind.UNAVAILABLE, 503);
        for (ExchangeError error : ExchangeError.values()) {
            FhirRefusal refusal = FhirRefusal.of(ExchangeRefusal.of(error));
            assertThat(refusal.getStatusCode()).as(error.name()).isEqualTo(statusOfKind.get(error.kind()));
            assertThat(((OperationOutcome) refusal.getOperationOutcome()).getIssueFirstRep().getDetails().getCodingFirstRep().getCode())
                    .isEqualTo(error.code());
        }
    }
}
