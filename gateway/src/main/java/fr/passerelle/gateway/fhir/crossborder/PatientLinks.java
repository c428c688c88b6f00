package fr.passerelle.gateway.fhir.crossborder;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import fr.passerelle.gateway.healthspace.Ins;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Keeps INS values out of the links a search answers with. HAPI writes {@code self}, {@code next} and
 * {@code previous} from the request's parameters, so a search by {@code identifier} or {@code patient.identifier}
 * would send the INS back in every page link and, as the client follows them, in URLs and access logs again. Each
 * such parameter is written as the equivalent search by the server's patient id: {@code identifier=<INS>} as
 * {@code _id=<id>} on Patient, {@code patient.identifier=<INS>} as {@code patient=Patient/<id>}; a link whose
 * identifier is not one INS (a list, a foreign system the search refused anyway) is left out.
 */
@Interceptor
public final class PatientLinks {

    private final FhirPatientIds patientIds;

    public PatientLinks(FhirPatientIds patientIds) {
        this.patientIds = patientIds;
    }

    @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
    public void sealIdentifiers(ResponseDetails response) {
        if (!(response.getResponseResource() instanceof Bundle bundle)
                || bundle.getType() != Bundle.BundleType.SEARCHSET) {
            return;
        }
        List<Bundle.BundleLinkComponent> kept = new ArrayList<>();
        for (Bundle.BundleLinkComponent link : bundle.getLink()) {
            rewrite(link.getUrl()).ifPresent(url -> kept.add(link.setUrl(url)));
        }
        bundle.setLink(kept);
    }

    /** The link without INS values, or empty when it cannot be written without them. */
    Optional<String> rewrite(String url) {
        int query = url == null ? -1 : url.indexOf('?');
        if (query < 0) {
            return Optional.ofNullable(url);
        }
        String path = url.substring(0, query);
        boolean patientSearch = path.endsWith("/Patient") || path.equals("Patient");
        List<String> parameters = new ArrayList<>();
        for (String parameter : url.substring(query + 1).split("&")) {
            int equals = parameter.indexOf('=');
            String name = decode(equals < 0 ? parameter : parameter.substring(0, equals));
            String value = equals < 0 ? "" : decode(parameter.substring(equals + 1));
            boolean identifier = patientSearch && name.equals("identifier");
            boolean chained = name.equals("patient.identifier");
            if (!identifier && !chained) {
                parameters.add(parameter);
                continue;
            }
            Optional<Ins> ins = ins(value);
            if (ins.isEmpty()) {
                return Optional.empty();
            }
            String id = patientIds.idOf(ins.get());
            parameters.add(identifier ? "_id=" + id : "patient=" + encode("Patient/" + id));
        }
        return Optional.of(path + "?" + String.join("&", parameters));
    }

    private static Optional<Ins> ins(String token) {
        int bar = token.indexOf('|');
        if (bar < 0 || token.indexOf(',') >= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(FhirIds.ins(token.substring(0, bar), token.substring(bar + 1)));
        } catch (RuntimeException notAnIns) {
            return Optional.empty();
        }
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
