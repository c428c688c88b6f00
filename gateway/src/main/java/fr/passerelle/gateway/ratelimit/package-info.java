/**
 * Rate limiting of cross-border requests per requesting country (or per requesting NCP), shared by every gateway
 * node through the database. It runs once trust has believed the requester (the country is only known then) and
 * before any business work: {@link fr.passerelle.gateway.ratelimit.RateLimitGate} is called by the two places
 * where a verified requester becomes a {@link fr.passerelle.gateway.exchange.CrossBorderCall} — the SOAP
 * {@code XuaServiceProvider} and the FHIR {@code RequesterInterceptor}.
 *
 * <p>Fixed windows counted in table {@code rate_limit_window} (Flyway V5) with one atomic upsert per request
 * ({@link fr.passerelle.gateway.ratelimit.JdbcWindowCounter}): every node sees the same count, so N nodes together
 * let exactly the configured number of requests through per window. See docs/operations.md and
 * docs/benchmarks/ratelimit.md for the measured cost and why this was chosen over leasing quota in batches.
 */
package fr.passerelle.gateway.ratelimit;
