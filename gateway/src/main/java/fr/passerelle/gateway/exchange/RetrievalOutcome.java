package fr.passerelle.gateway.exchange;

/** What a document retrieval answers. */
public sealed interface RetrievalOutcome {

    record Retrieved(RenderedDocument document) implements RetrievalOutcome {
    }

    record Refused(ExchangeRefusal refusal) implements RetrievalOutcome {
    }
}
