/** On-demand measurement of SOAP body schema validation (not a test: run by hand, see docs/benchmarks.md). */
package fr.passerelle.gateway.soap.bench;
