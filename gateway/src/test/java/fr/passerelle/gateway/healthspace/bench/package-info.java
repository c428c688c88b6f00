/** JMH measurements of the demo health space, run through their main class (not unit tests). */
package fr.passerelle.gateway.healthspace.bench;
