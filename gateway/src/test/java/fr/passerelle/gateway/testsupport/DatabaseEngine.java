package fr.passerelle.gateway.testsupport;

/** The database engines Passerelle runs on; its name is what the test reports show ("[H2]", "[PostgreSQL]"). */
public enum DatabaseEngine {
    H2("H2"),
    POSTGRESQL("PostgreSQL");

    private final String displayName;

    DatabaseEngine(String displayName) {
        this.displayName = displayName;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
