/**
 * What every request's log lines share: a correlation id ({@link fr.passerelle.gateway.logging.CorrelationIdFilter})
 * and one line per request not served ({@link fr.passerelle.gateway.logging.RequestLog}).
 */
package fr.passerelle.gateway.logging;
