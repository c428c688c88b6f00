package fr.passerelle.gateway.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.RestfulServerUtils;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Refuses a request that sends or asks for FHIR's RDF format (Turtle): Passerelle speaks FHIR JSON and XML, the
 * formats of MyHealth@EU, and its jar leaves out Apache Jena, the library HAPI's Turtle parser runs on (about 10 MB,
 * issue 21). Without this refusal HAPI would choose its Turtle parser — for the answer, and for the OperationOutcome of
 * any refusal — and fail on the missing library with a 500. It runs before HAPI reads anything of the request and
 * answers in JSON: 415 for a Turtle body, 406 when Turtle is the format HAPI's own negotiation would pick.
 */
@Interceptor
public final class TurtleRefusal {

    static final String NOT_SPOKEN = "Passerelle answers FHIR in JSON or XML only, not in RDF (Turtle)";

    private final RestfulServer server;
    private final FhirEntryPoint entryPoint;

    public TurtleRefusal(RestfulServer server, FhirEntryPoint entryPoint) {
        this.server = server;
        this.entryPoint = entryPoint;
    }

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_PROCESSED)
    public boolean incoming(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (EncodingEnum.forContentType(request.getContentType()) == EncodingEnum.RDF) {
            entryPoint.refuse(request, response, 415, "FHIR_FORMAT", NOT_SPOKEN);
            return false;
        }
        if (asked(request) == EncodingEnum.RDF) {
            entryPoint.refuse(request, response, 406, "FHIR_FORMAT", NOT_SPOKEN);
            return false;
        }
        return true;
    }

    /** The format HAPI would answer in ({@code _format}, then {@code Accept}), by HAPI's own negotiation. */
    private EncodingEnum asked(HttpServletRequest request) {
        ServletRequestDetails details = new ServletRequestDetails(server.getInterceptorService());
        details.setServer(server);
        details.setServletRequest(request);
        details.setParameters(request.getParameterMap());
        RestfulServerUtils.ResponseEncoding encoding = RestfulServerUtils.determineResponseEncodingNoDefault(details,
                null);
        return encoding == null ? null : encoding.getEncoding();
    }
}
