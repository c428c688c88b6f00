package fr.passerelle.gateway.fhir;

import ca.uhn.fhir.context.FhirContext;
import fr.passerelle.gateway.http.BodyLimitProperties;
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
 * {@code /fhir} as what answers before HAPI sees it: the anonymous terminology operations take a small body, the
 * cross-border resources a larger one; a refusal is an OperationOutcome ({@code too-long} for a body too large).
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
        return EntryPoint.isUnder(base, path);
    }

    @Override
    public long maxBodyBytes(String path) {
        String rest = path.length() > base.length() + 1 ? path.substring(base.length() + 1) : "";
        int slash = rest.indexOf('/');
        String resource = slash < 0 ? rest : rest.substring(0, slash);
        return TERMINOLOGY.contains(resource) ? limits.terminology().toBytes() : limits.fhir().toBytes();
    }

    @Override
    public void refuse(HttpServletRequest request, HttpServletResponse response, int status, String rule,
                       String reason) throws IOException {
        OperationOutcome.IssueType type = status == 413 ? OperationOutcome.IssueType.TOOLONG
                : OperationOutcome.IssueType.INVALID;
        RequestLog.refused("FHIR", status, "-", type.toCode());
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(type).setDiagnostics(reason);
        EntryPoint.send(response, status, "application/fhir+json;charset=UTF-8",
                context.newJsonParser().encodeResourceToString(outcome));
    }
}
