package fr.passerelle.gateway.xca;

import java.util.List;

/** An ITI-39 Cross Gateway Retrieve: one or several documents. */
public record RetrieveRequest(List<DocumentReference> documents) {

    public RetrieveRequest {
        documents = List.copyOf(documents);
        if (documents.isEmpty()) {
            throw new IllegalArgumentException("A retrieve asks for at least one document");
        }
    }
}
