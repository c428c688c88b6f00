package fr.passerelle.terminology;

import fr.passerelle.terminology.catalogue.PackageContent;
import java.util.Collection;
import java.util.Optional;

/**
 * What the rest of Passerelle asks of codes. Implementations answer from an immutable snapshot, so every call is
 * thread-safe and a call never sees a half-loaded catalogue.
 */
public interface Terminology {

    /**
     * The pivot coding for a national (or already pivot) coding in the MVC value set {@code targetValueSet}
     * (OID, {@code urn:oid:} or canonical URL). A coding already in the target value set is returned as is
     * (with the catalogue's display); otherwise the concept maps are consulted. Never guesses: an ambiguous map
     * (one source code, several targets in that value set) is a {@link TranscodingResult.NotTranscoded}.
     */
    TranscodingResult transcode(Coding national, String targetValueSet);

    /**
     * The display of a coding in a language (BCP 47 tag such as {@code de} or {@code de-AT}). Fallback order:
     * the exact tag, then its primary language ({@code de}), then English, then the display the source code
     * system publishes (French for ANS value sets, English for the MVC). Empty when the code is unknown.
     */
    Optional<String> translate(Coding coding, String language);

    /** Whether a coding belongs to a value set (OID, {@code urn:oid:} or canonical URL). */
    CodeValidation validate(Coding coding, String valueSet);

    /** The concept of a code system: its published display, or empty when the code is not known. */
    Optional<Coding> lookup(Coding coding);

    /**
     * What the package of a French presentation (CIP13 coding) holds, as the national medicines database states
     * it; empty for any other coding, an unknown presentation, or a label that does not state one quantity.
     */
    Optional<PackageContent> packageContent(Coding presentation);

    Optional<ValueSet> valueSetByOid(String oid);

    Optional<ValueSet> valueSetByUrl(String canonicalUrl);

    /** By OID, {@code urn:oid:} or canonical URL (a {@code |version} suffix is ignored). */
    Optional<ValueSet> valueSet(String oidOrUrl);

    Collection<ValueSet> valueSets();
}
