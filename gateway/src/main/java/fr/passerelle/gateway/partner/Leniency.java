package fr.passerelle.gateway.partner;

/**
 * A deviation from IHE/eHDSI that Passerelle refuses unless the requesting country was granted it
 * ({@code passerelle.partners.<CC>.lenient}, written in kebab case: {@code retrieve-without-home-community-id}…).
 * Each one names the rule it relaxes and where that rule is written (docs/implementers.md, "Strict by default").
 */
public enum Leniency {

    /**
     * An ITI-39 {@code DocumentRequest} without {@code HomeCommunityId} (IHE ITI TF-2b 3.39.4.1.2: the Initiating
     * Gateway shall specify it; ITI TF-3 Table 4.2.4.1-2: {@code XDSMissingHomeCommunityId}); when granted, such a
     * request is taken as addressed to France.
     */
    RETRIEVE_WITHOUT_HOME_COMMUNITY_ID,

    /**
     * An ITI-39 or ITI-41 request not sent as an MTOM/XOP package (IHE ITI TF-2b 3.39.5 by way of 3.43.5, and
     * 3.41.5: both transactions are MTOM/XOP on the wire).
     */
    REQUEST_WITHOUT_MTOM,

    /**
     * An HCP identity assertion without {@code urn:ehdsi:names:subject:healthcare-facility-type} (eHDSI SAML
     * profile: required; it is the point-of-care role the eHDSI audit records).
     */
    HCP_WITHOUT_FACILITY_TYPE,

    /**
     * An HCP identity assertion without {@code AuthnStatement} (eHDSI SAML profile: required; it says how the
     * professional was authenticated at home).
     */
    HCP_WITHOUT_AUTHN_STATEMENT;

    /** The name an operator writes in the configuration. */
    public String configName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
