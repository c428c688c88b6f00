package fr.passerelle.gateway.soap;

/** ebRS response status of XCA and XDR responses. */
public enum RegistryStatus {
    SUCCESS("urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success"),
    PARTIAL_SUCCESS("urn:ihe:iti:2007:ResponseStatusType:PartialSuccess"),
    FAILURE("urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Failure");

    private final String urn;

    RegistryStatus(String urn) {
        this.urn = urn;
    }

    public String urn() {
        return urn;
    }
}
