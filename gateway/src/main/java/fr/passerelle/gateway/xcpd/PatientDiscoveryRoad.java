package fr.passerelle.gateway.xcpd;

import fr.passerelle.gateway.soap.BusinessRefusal;
import fr.passerelle.gateway.soap.TransactionResponder;
import fr.passerelle.gateway.ehdsi.ExchangeError;

/** The road behind XCPD: trust → patient matching → access policy → audit. */
public interface PatientDiscoveryRoad extends TransactionResponder<PatientDiscoveryQuery, PatientDiscoveryOutcome> {

    /**
     * The answer while no road is wired into the application: an explicit eHDSI "temporarily unavailable" error,
     * never an invented patient.
     */
    static PatientDiscoveryRoad unavailable() {
        return (security, query) -> new PatientDiscoveryOutcome.Refused(new BusinessRefusal(
                ExchangeError.ERROR_GENERIC, "Patient identification is temporarily unavailable at the French NCP"));
    }
}
