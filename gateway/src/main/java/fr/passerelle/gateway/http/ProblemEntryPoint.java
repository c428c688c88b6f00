package fr.passerelle.gateway.http;

import fr.passerelle.gateway.logging.RequestLog;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;

/**
 * An entry point that refuses with an RFC 9457 problem ({@code application/problem+json}): the JSON APIs and
 * everything that is not SOAP or FHIR.
 *
 * @param prefix the paths served: this path and those under it; {@code "/"} serves every path
 */
public record ProblemEntryPoint(String prefix, long maxBodyBytes) implements EntryPoint {

    @Override
    public boolean serves(String path) {
        return "/".equals(prefix) || EntryPoint.isUnder(prefix, path);
    }

    @Override
    public long maxBodyBytes(String path) {
        return maxBodyBytes;
    }

    @Override
    public void refuse(HttpServletRequest request, HttpServletResponse response, int status, String rule,
                       String reason) throws IOException {
        RequestLog.refused("HTTP", status, "-", rule);
        HttpStatus known = HttpStatus.resolve(status);
        EntryPoint.send(response, status, "application/problem+json", problem(status,
                known == null ? "Refused" : known.getReasonPhrase(), reason));
    }

    /** An RFC 9457 problem document whose title and detail are Passerelle's own words. */
    public static String problem(int status, String title, String detail) {
        return "{\"type\":\"about:blank\",\"title\":\"" + json(title) + "\",\"status\":" + status
                + ",\"detail\":\"" + json(detail) + "\"}";
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
