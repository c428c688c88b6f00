package fr.passerelle.gateway.xdr;

import fr.passerelle.gateway.soap.BusinessRefusal;
import fr.passerelle.gateway.soap.TransactionResponder;
import fr.passerelle.gateway.ehdsi.ExchangeError;

/** The road behind XDR: trust → patient → access policy → translation to eDISP-MED → health space → audit. */
public interface DispensationRoad extends TransactionResponder<DispensationSubmission, DispensationOutcome> {

    /** The answer while no road is wired: an explicit eHDSI error; nothing is stored. */
    static DispensationRoad unavailable() {
        return (security, submission) -> new DispensationOutcome.Refused(new BusinessRefusal(
                ExchangeError.ERROR_ED_GENERIC, "Dispensation is temporarily unavailable at the French NCP"));
    }
}
