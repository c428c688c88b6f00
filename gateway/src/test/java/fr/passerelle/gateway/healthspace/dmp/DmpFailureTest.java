package fr.passerelle.gateway.healthspace.dmp;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.ehdsi.ExchangeError;
import fr.passerelle.gateway.healthspace.DocumentKind;
import org.junit.jupiter.api.Test;

/** Which eHDSI error a road sends for a DMP failure. */
class DmpFailureTest {

    @Test
    void aRefusalIsInsufficientRightsWhateverTheOperation() {
        for (DmpOperation operation : DmpOperation.values()) {
            DmpFailure refused = new DmpFailure(DmpFailure.Kind.ACCESS_REFUSED, operation, "refused");
            assertThat(refused.ehdsiCode()).isEqualTo(ExchangeError.ERROR_INSUFFICIENT_RIGHTS);
            assertThat(refused.ehdsiCode(DocumentKind.EPRESCRIPTION)).isEqualTo(ExchangeError.ERROR_INSUFFICIENT_RIGHTS);
        }
    }

    @Test
    void anUnavailableDmpIsTheGenericErrorOfTheServiceServed() {
        DmpFailure timeout = new DmpFailure(DmpFailure.Kind.TIMEOUT, DmpOperation.FIND_DOCUMENTS, "slow");
        assertThat(timeout.ehdsiCode(DocumentKind.PATIENT_SUMMARY)).isEqualTo(ExchangeError.ERROR_PS_GENERIC);
        assertThat(timeout.ehdsiCode(DocumentKind.EPRESCRIPTION)).isEqualTo(ExchangeError.ERROR_EP_REGISTRY_NOT_ACCESSIBLE);
        assertThat(new DmpFailure(DmpFailure.Kind.CIRCUIT_OPEN, DmpOperation.PATIENT_CHECK, "open").ehdsiCode())
                .isEqualTo(ExchangeError.ERROR_PI_GENERIC);
        assertThat(new DmpFailure(DmpFailure.Kind.BUSY, DmpOperation.PROVIDE_AND_REGISTER, "busy").ehdsiCode())
                .isEqualTo(ExchangeError.ERROR_ED_GENERIC);
        assertThat(new DmpFailure(DmpFailure.Kind.TIMEOUT, DmpOperation.RETRIEVE_DOCUMENT, "slow").ehdsiCode())
                .isEqualTo(ExchangeError.ERROR_GENERIC);
        assertThat(timeout.ehdsiCode(DocumentKind.EDISPENSATION)).isEqualTo(ExchangeError.ERROR_ED_GENERIC);
        assertThat(new DmpFailure(DmpFailure.Kind.TIMEOUT, DmpOperation.UPDATE_DOCUMENT_SET, "slow").ehdsiCode())
                .isEqualTo(ExchangeError.ERROR_ED_DISCARD_FAILED);
    }

    @Test
    void onlyFailuresThatSayTheDmpIsUnwellCountAgainstIt() {
        assertThat(DmpFailure.Kind.TIMEOUT.countsAgainstDmp()).isTrue();
        assertThat(DmpFailure.Kind.MALFORMED_RESPONSE.countsAgainstDmp()).isTrue();
        assertThat(DmpFailure.Kind.ACCESS_REFUSED.countsAgainstDmp()).isFalse();
        assertThat(DmpFailure.Kind.CIRCUIT_OPEN.countsAgainstDmp()).isFalse();
    }
}
