package fr.passerelle.gateway.xca;

import fr.passerelle.gateway.soap.BusinessRefusal;
import fr.passerelle.gateway.soap.TransactionResponder;
import fr.passerelle.gateway.ehdsi.ExchangeError;

/** The road behind XCA retrieve: trust → patient → access policy → health space → translation → audit. */
public interface DocumentRetrieveRoad extends TransactionResponder<RetrieveRequest, RetrieveOutcome> {

    /** The answer while no road is wired: an explicit eHDSI error, never an invented document. */
    static DocumentRetrieveRoad unavailable() {
        return (security, request) -> new RetrieveOutcome.Refused(new BusinessRefusal(
                ExchangeError.ERROR_GENERIC, "Document retrieve is temporarily unavailable at the French NCP"));
    }
}
