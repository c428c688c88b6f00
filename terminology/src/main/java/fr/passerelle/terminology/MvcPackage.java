package fr.passerelle.terminology;

import java.util.Set;

/**
 * Which eHDSI Master Value Set Catalogue package a catalogue loads from its {@code mvc/} folder: a FHIR package
 * id and version as its {@code package/package.json} states them. The MVC is published as
 * {@code hl7.eu.terminology.ehdsi} up to 8.x and as {@code myhealth.eu.fhir.mvc-package} from 9.x; a folder may
 * hold several releases while an agency moves from one to the next, and only the chosen one is loaded.
 *
 * @param id      package id; null = whichever single MVC package the folder holds
 * @param version package version; null = any version of that id (the folder must then hold only one)
 */
public record MvcPackage(String id, String version) {

    /** The single MVC package of the folder, whatever its id and version. */
    public static final MvcPackage ANY = new MvcPackage(null, null);

    /** The package ids the MVC has been published under. */
    public static final Set<String> KNOWN_IDS = Set.of("hl7.eu.terminology.ehdsi", "myhealth.eu.fhir.mvc-package");

    public MvcPackage {
        id = id == null || id.isBlank() ? null : id.strip();
        version = version == null || version.isBlank() ? null : version.strip();
        if (id == null && version != null) {
            throw new IllegalArgumentException("an MVC package version (" + version + ") needs the package id");
        }
    }

    public boolean matches(String packageId, String packageVersion) {
        return (id == null || id.equals(packageId)) && (version == null || version.equals(packageVersion));
    }

    @Override
    public String toString() {
        return id == null ? "any MVC package" : id + (version == null ? "" : "#" + version);
    }
}
