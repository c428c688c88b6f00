/** Load measurements of the terminology endpoints, run through their main class (not unit tests). */
package fr.passerelle.gateway.terminology.bench;
