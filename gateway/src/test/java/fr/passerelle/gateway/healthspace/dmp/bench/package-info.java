/** JMH benchmarks of the DMP connector, run through their main class (see docs/benchmarks/dmp.md). */
package fr.passerelle.gateway.healthspace.dmp.bench;
