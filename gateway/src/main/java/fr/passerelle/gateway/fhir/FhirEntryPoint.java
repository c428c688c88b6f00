package fr.passerelle.gateway.fhir;

import ca.uhn.fhir.context.FhirContext;
import fr.passerelle.gateway.http.BodyLimitProperties;
import fr.passerelle.gateway.http.BodyTooLarge;
import fr.passerelle.gateway.http.EntryPoint;
import fr.passerelle.gateway.logging.RequestLog;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code /fhir} as the body limit sees it: the anonymous terminology operations take a small body, the
 * cross-border resources a larger one; "too large" is an OperationOutcome {@code too-long}.
 */
@Component
@Order(0)
public class FhirEntryPoint implements EntryPoint {

    private static final Set<String> TERMINOLOGY = Set.of("ConceptMap", "ValueSet", "CodeSystem");

    private final String base;
    private final BodyLimitProperties limits;
    private final FhirContext context;

    public FhirEntryPoint(FhirServerProperties properties, BodyLimitProperties limits, FhirContext context) {
        this.base = properties.path().replaceFirst("/\\*$", "");
        this.limits = limits;
        this.context = context;
    }

    @Override
    public boolean serves(String path) {
        return path.equals(base) || path.startsWith(base + "/");
    }

    @Override
    public long maxBodyBytes(String path) {
        String rest = path.length() > base.length() + 1 ? path.substring(base.length() + 1) : "";
        int slash = rest.indexOf('/');
        String resource = slash < 0 ? rest : rest.substring(0, slash);
        return TERMINOLOGY.contains(resource) ? limits.terminology().toBytes() : limits.fhir().toBytes();
    }

    @Override
    public void refuseTooLarge(HttpServletRequest request, HttpServletResponse response, long limitBytes)
            throws IOException {
        RequestLog.refused("FHIR", 413, "-", "too-long");
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR)
                .setCode(OperationOutcome.IssueType.TOOLONG).setDiagnostics(BodyTooLarge.reason(limitBytes));
        EntryPoint.send(response, 413, "application/fhir+json;charset=UTF-8",
                context.newJsonParser().encodeResourceToString(outcome));
    }
}
