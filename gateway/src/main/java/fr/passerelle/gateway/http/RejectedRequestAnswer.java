package fr.passerelle.gateway.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * A URL Spring Security's firewall rejects (an encoded semicolon, a path that does not normalise…) is answered 400 by
 * its entry point, in its protocol's shape — an OperationOutcome on {@code /fhir}, an audited Sender fault on
 * {@code /services} — instead of the framework's JSON error page. Found by the fuzzing test.
 */
public final class RejectedRequestAnswer implements RequestRejectedHandler {

    static final String RULE = "URL_REJECTED";
    static final String REASON = "The request URL is not acceptable (encoded separators or characters refused)";

    private final EntryPoints entryPoints;

    public RejectedRequestAnswer(EntryPoints entryPoints) {
        this.entryPoints = entryPoints;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       RequestRejectedException rejected) throws IOException {
        entryPoints.forPath(EntryPoint.pathOf(request)).refuse(request, response, 400, RULE, REASON);
    }
}
