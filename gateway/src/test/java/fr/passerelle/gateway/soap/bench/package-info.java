/**
 * On-demand measurements of the SOAP roads' costs: body schema validation, request readers, answer writers (not
 * tests: run by hand, see docs/benchmarks.md).
 */
package fr.passerelle.gateway.soap.bench;
