package fr.passerelle.gateway.fhir.requester;

/**
 * How often one bearer token may be presented ({@code passerelle.fhir.security.token-reuse}).
 */
public enum TokenReuse {
    /**
     * The default: a token is accepted once, like an eHDSI SAML assertion on this gateway (its {@code jti} is
     * recorded in the shared replay guard until {@code exp} + skew). RFC 7519 §4.1.7 makes {@code jti} the means to
     * prevent replay; OpenID Connect Core §9 requires one use of such a signed JWT "unless conditions for reuse were
     * negotiated between the parties".
     */
    ONCE,
    /**
     * The negotiated leniency for a partner whose client sends one token with every call of a short session: the
     * same token is accepted again until it expires, but another token carrying an already seen {@code jti} is
     * still refused.
     */
    UNTIL_EXPIRY
}
