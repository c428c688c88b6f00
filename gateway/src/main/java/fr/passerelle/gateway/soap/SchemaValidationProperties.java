package fr.passerelle.gateway.soap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code passerelle.soap.schema-validation.*}: whether the SOAP body of each transaction is validated against the
 * schemas of the WSDL the gateway serves, and what an invalid one gets (docs/implementers.md, "Schema validation").
 * Enforced by default for XCA and XDR, whose ebRS/XDS.b schemas every sample of gematik and IPF passes: a partner
 * that does not learns it from the first violation named in the answer. Logged only for XCPD: the HL7v3 schemas are
 * stricter than what partners send (gematik's ITI-55 samples name devices {@code root="101"}, not the OID the
 * {@code uid} type wants), and refusing a patient identification for it would stop care for a mistake the readers
 * and eHDSI validators tolerate. The cost is measured in docs/benchmarks.md.
 *
 * @param patientDiscovery     ITI-55 {@code PRPA_IN201305UV02}
 * @param crossGatewayQuery    ITI-38 {@code AdhocQueryRequest}
 * @param crossGatewayRetrieve ITI-39 {@code RetrieveDocumentSetRequest}
 * @param provideAndRegister   ITI-41 {@code ProvideAndRegisterDocumentSetRequest}
 */
@ConfigurationProperties("passerelle.soap.schema-validation")
public record SchemaValidationProperties(
        @DefaultValue("log") Mode patientDiscovery,
        @DefaultValue("enforce") Mode crossGatewayQuery,
        @DefaultValue("enforce") Mode crossGatewayRetrieve,
        @DefaultValue("enforce") Mode provideAndRegister) {

    /** What an invalid body gets. */
    public enum Mode {
        /** Not validated (no schema compiled). */
        OFF,
        /** Validated; a violation is logged (without content) and the request served as if valid. */
        LOG,
        /** Validated; a violation is answered in the protocol's error shape, naming the first violation. */
        ENFORCE
    }

    public SchemaValidationProperties {
        patientDiscovery = patientDiscovery == null ? Mode.LOG : patientDiscovery;
        crossGatewayQuery = crossGatewayQuery == null ? Mode.ENFORCE : crossGatewayQuery;
        crossGatewayRetrieve = crossGatewayRetrieve == null ? Mode.ENFORCE : crossGatewayRetrieve;
        provideAndRegister = provideAndRegister == null ? Mode.ENFORCE : provideAndRegister;
    }

    public Mode of(EhdsiOperation operation) {
        return switch (operation) {
            case PATIENT_DISCOVERY -> patientDiscovery;
            case CROSS_GATEWAY_QUERY -> crossGatewayQuery;
            case CROSS_GATEWAY_RETRIEVE -> crossGatewayRetrieve;
            case PROVIDE_AND_REGISTER -> provideAndRegister;
        };
    }
}
