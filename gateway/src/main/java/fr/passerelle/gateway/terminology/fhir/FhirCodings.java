package fr.passerelle.gateway.terminology.fhir;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import fr.passerelle.terminology.CodeSystems;
import fr.passerelle.terminology.Coding;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.UriType;

/** Reads the coding of a terminology operation from either {@code system}+{@code code} or {@code coding}. */
final class FhirCodings {

    private FhirCodings() {
    }

    static Coding coding(UriType system, CodeType code, org.hl7.fhir.r4.model.Coding coding, String operation) {
        if (coding != null && coding.hasCode()) {
            if (!coding.hasSystem()) {
                throw new InvalidRequestException(operation + ": coding.system is required");
            }
            return new Coding(coding.getSystem(), coding.getCode(), coding.getDisplay());
        }
        if (code == null || !code.hasValue() || code.getValue().isBlank()) {
            throw new InvalidRequestException(operation + ": give 'system' and 'code', or 'coding'");
        }
        if (system == null || !system.hasValue() || system.getValue().isBlank()) {
            throw new InvalidRequestException(operation + ": 'system' is required with 'code'");
        }
        return new Coding(system.getValue(), code.getValue(), null);
    }

    static org.hl7.fhir.r4.model.Coding toFhir(Coding c) {
        return new org.hl7.fhir.r4.model.Coding(CodeSystems.canonicalUri(c.system()), c.code(), c.display());
    }

    static String required(UriType value, String name, String operation) {
        if (value == null || !value.hasValue() || value.getValue().isBlank()) {
            throw new InvalidRequestException(operation + ": '" + name + "' is required");
        }
        return value.getValue().strip();
    }
}
