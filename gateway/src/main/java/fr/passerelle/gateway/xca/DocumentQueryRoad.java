package fr.passerelle.gateway.xca;

import fr.passerelle.gateway.soap.BusinessRefusal;
import fr.passerelle.gateway.soap.TransactionResponder;
import fr.passerelle.gateway.ehdsi.ExchangeError;

/** The road behind XCA query: trust → patient → access policy → health space listing → audit. */
public interface DocumentQueryRoad extends TransactionResponder<DocumentQuery, DocumentQueryOutcome> {

    /** The answer while no road is wired: an explicit eHDSI error, never an invented document list. */
    static DocumentQueryRoad unavailable() {
        return (security, query) -> new DocumentQueryOutcome.Refused(new BusinessRefusal(
                ExchangeError.ERROR_GENERIC, "Document query is temporarily unavailable at the French NCP"));
    }
}
