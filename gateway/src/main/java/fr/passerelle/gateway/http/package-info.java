/**
 * What every HTTP entry point shares before its protocol reads a request: a bound on the request body, checked from
 * {@code Content-Length} before anything is read and enforced while reading a chunked body
 * ({@link fr.passerelle.gateway.http.BodyLimitFilter}), each entry point answering "too large" (413) in its own
 * protocol's error shape ({@link fr.passerelle.gateway.http.EntryPoint}).
 */
package fr.passerelle.gateway.http;
