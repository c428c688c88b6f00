/**
 * The immutable in-memory index of value sets, concepts, designations and concept maps, and the transcoding,
 * translation and validation rules answered from it. Built once by the loaders, then only read.
 */
package fr.passerelle.terminology.catalogue;
