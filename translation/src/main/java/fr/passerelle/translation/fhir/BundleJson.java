package fr.passerelle.translation.fhir;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;

/**
 * The JSON text of the Bundles this module writes (IPS document, MPD), pretty-printed.
 *
 * <p>Every resource the builders put in a Bundle is an entry of its own, referenced by its {@code urn:uuid}
 * full URL; none is meant to be contained. HAPI's default nevertheless searches every resource, at every level
 * of the Bundle, for references to resources without an id to contain (about a tenth of an IPS translation's
 * CPU). This module's own context turns that search off; the shared {@code forR4Cached()} context, which the
 * gateway uses, keeps HAPI's default. {@code BundleJsonTest} checks that both give the same text for every
 * document of the corpus, so a builder that starts relying on containment fails it.
 */
public final class BundleJson {

    private static final FhirContext CONTEXT = context();

    private BundleJson() {
    }

    public static String encode(Bundle bundle) {
        return CONTEXT.newJsonParser().setPrettyPrint(true).encodeResourceToString(bundle);
    }

    private static FhirContext context() {
        FhirContext context = FhirContext.forR4();
        context.getParserOptions().setAutoContainReferenceTargetsWithNoId(false);
        return context;
    }
}
