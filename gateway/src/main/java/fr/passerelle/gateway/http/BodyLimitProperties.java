package fr.passerelle.gateway.http;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Largest request bodies per entry point ({@code passerelle.http.max-body.*}); the SOAP services keep their own,
 * {@code passerelle.soap.max-request-bytes}. A body over its limit is answered 413 before anything parses it.
 *
 * @param fhir        the cross-border FHIR resources: {@code $match}, MedicationDispense transactions
 * @param terminology the anonymous FHIR terminology operations ({@code ConceptMap}, {@code ValueSet},
 *                    {@code CodeSystem}): a few codes per request
 * @param patientApi  {@code /api/patient/**}: a consent choice or a contact address
 * @param adminApi    {@code /api/admin/**}: operators' JSON
 * @param other       everything else: console forms, sign-in, probes
 */
@ConfigurationProperties("passerelle.http.max-body")
public record BodyLimitProperties(
        @DefaultValue("2MB") DataSize fhir,
        @DefaultValue("64KB") DataSize terminology,
        @DefaultValue("64KB") DataSize patientApi,
        @DefaultValue("1MB") DataSize adminApi,
        @DefaultValue("64KB") DataSize other) {

    public BodyLimitProperties {
        for (DataSize size : new DataSize[] {fhir, terminology, patientApi, adminApi, other}) {
            if (size.toBytes() <= 0) {
                throw new IllegalArgumentException("passerelle.http.max-body.* limits must be positive");
            }
        }
    }
}
