package fr.passerelle.gateway.healthspace.dmp;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.healthspace.DocumentKind;
import org.junit.jupiter.api.Test;

/** Which eHDSI error a road sends for a DMP failure. */
class DmpFailureTest {

    @Test
    void aRefusalIsInsufficientRightsWhateverTheOperation() {
        for (DmpOperation operation : DmpOperation.values()) {
            DmpFailure refused = new DmpFailure(DmpFailure.Kind.ACCESS_REFUSED, operation, "refused");
            assertThat(refused.ehdsiCode()).isEqualTo("4703");
            assertThat(refused.ehdsiCode(DocumentKind.EPRESCRIPTION)).isEqualTo("4703");
        }
    }

    @Test
    void anUnavailableDmpIsTheGenericErrorOfTheServiceServed() {
        DmpFailure timeout = new DmpFailure(DmpFailure.Kind.TIMEOUT, DmpOperation.FIND_DOCUMENTS, "slow");
        assertThat(timeout.ehdsiCode(DocumentKind.PATIENT_SUMMARY)).isEqualTo("ERROR_PS_GENERIC");
        assertThat(timeout.ehdsiCode(DocumentKind.EPRESCRIPTION)).isEqualTo("4103");
        assertThat(new DmpFailure(DmpFailure.Kind.CIRCUIT_OPEN, DmpOperation.PATIENT_CHECK, "open").ehdsiCode())
                .isEqualTo("ERROR_PI_GENERIC");
        assertThat(new DmpFailure(DmpFailure.Kind.BUSY, DmpOperation.PROVIDE_AND_REGISTER, "busy").ehdsiCode())
                .isEqualTo("ERROR_ED_GENERIC");
    }

    @Test
    void onlyFailuresThatSayTheDmpIsUnwellCountAgainstIt() {
        assertThat(DmpFailure.Kind.TIMEOUT.countsAgainstDmp()).isTrue();
        assertThat(DmpFailure.Kind.MALFORMED_RESPONSE.countsAgainstDmp()).isTrue();
        assertThat(DmpFailure.Kind.ACCESS_REFUSED.countsAgainstDmp()).isFalse();
        assertThat(DmpFailure.Kind.CIRCUIT_OPEN.countsAgainstDmp()).isFalse();
    }
}
