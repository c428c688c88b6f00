package fr.passerelle.gateway.soap;

import fr.passerelle.gateway.ihe.XdsVocabulary;

/** ebRS response status of XCA and XDR responses. */
public enum RegistryStatus {
    SUCCESS(XdsVocabulary.SUCCESS),
    PARTIAL_SUCCESS(XdsVocabulary.PARTIAL_SUCCESS),
    FAILURE(XdsVocabulary.FAILURE);

    private final String urn;

    RegistryStatus(String urn) {
        this.urn = urn;
    }

    public String urn() {
        return urn;
    }
}
