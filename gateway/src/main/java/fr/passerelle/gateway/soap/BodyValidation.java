package fr.passerelle.gateway.soap;

import java.util.Arrays;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Validates the SOAP body of each transaction against its WSDL's schemas as configured
 * ({@link SchemaValidationProperties}), before the assertions are judged — as a body the readers cannot read is
 * refused before them; nothing of an invalid body reaches trust or the roads. An enforced violation is audited
 * (rule {@code SOAP_SCHEMA_INVALID}, without patient nor requester) and handed to the endpoint, which answers it in
 * its protocol's shape; a logged one is logged without content and the request served.
 */
@Component
public class BodyValidation {

    /** The audit trail's reason for an enforced schema violation. */
    public static final String RULE = "SOAP_SCHEMA_INVALID";

    private static final Logger LOG = LoggerFactory.getLogger(BodyValidation.class);

    private final SchemaValidationProperties properties;
    private final BodySchemas schemas;
    private final RefusalAudit audit;

    public BodyValidation(SchemaValidationProperties properties, RefusalAudit audit) {
        this.properties = properties;
        this.audit = audit;
        this.schemas = new BodySchemas(Arrays.stream(EhdsiOperation.values())
                .filter(op -> properties.of(op) != SchemaValidationProperties.Mode.OFF).toList());
        for (EhdsiOperation operation : EhdsiOperation.values()) {
            LOG.info("SOAP body schema validation of {}: {}", operation, properties.of(operation));
        }
    }

    /**
     * The violation to answer, when the body is invalid and its operation's validation enforced.
     *
     * @param errorCode the code the endpoint will answer with, for the audit record
     */
    public Optional<BodySchemas.SchemaViolation> enforce(InboundRequest request, String errorCode) {
        SchemaValidationProperties.Mode mode = properties.of(request.operation());
        if (mode == SchemaValidationProperties.Mode.OFF) {
            return Optional.empty();
        }
        Optional<BodySchemas.SchemaViolation> violation = schemas.firstViolation(request.operation(), request.body());
        if (violation.isEmpty()) {
            return Optional.empty();
        }
        if (mode == SchemaValidationProperties.Mode.LOG) {
            LOG.warn("{} body not schema-valid, served (schema validation: log): {}", request.operation(),
                    violation.get().describe());
            return Optional.empty();
        }
        audit.refusedBody(request.operation().transaction(), RULE, errorCode,
                request.security().addressing().messageId());
        return violation;
    }
}
