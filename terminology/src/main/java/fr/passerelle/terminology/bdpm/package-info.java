/**
 * Code tables derived from French national reference data, with their provenance: the ANSM public medicines
 * database (BDPM: CIS products, CIP13 presentations, ATC classes, compositions) and the EDQM Standard Terms
 * designations (dose forms and routes in fr, de, el, es, it, pt). {@code terminology import --bdpm} runs
 * {@link fr.passerelle.terminology.bdpm.BdpmDerivation} and writes what it derives into a terminology folder with
 * {@link fr.passerelle.terminology.bdpm.DerivedTables}; nothing here is used while the gateway answers.
 */
package fr.passerelle.terminology.bdpm;
