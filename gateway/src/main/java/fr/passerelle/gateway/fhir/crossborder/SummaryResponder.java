package fr.passerelle.gateway.fhir.crossborder;

import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.RestfulServerUtils;
import fr.passerelle.gateway.exchange.DocumentRetrieval;
import fr.passerelle.gateway.exchange.Rendering;
import fr.passerelle.gateway.exchange.RetrievalOutcome;
import fr.passerelle.gateway.fhir.outcome.FhirRefusal;
import fr.passerelle.gateway.fhir.requester.RequesterInterceptor;
import fr.passerelle.gateway.healthspace.DocumentKind;
import fr.passerelle.gateway.healthspace.Ins;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.hl7.fhir.r4.model.UriType;
import org.springframework.stereotype.Component;

/**
 * Answers {@code $summary}: the patient's newest visible Patient Summary as an IPS document Bundle, written
 * straight from the encoded-bytes cache with an entity tag ({@code If-None-Match} gets 304).
 */
@Component
public class SummaryResponder {

    /** The IPS Bundle profile; the only {@code profile} this server produces. */
    static final String IPS_BUNDLE_PROFILE = "http://hl7.org/fhir/uv/ips/StructureDefinition/Bundle-uv-ips";

    private final DocumentRetrieval retrieval;
    private final SummaryEncodings encodings;

    public SummaryResponder(DocumentRetrieval retrieval, SummaryEncodings encodings) {
        this.retrieval = retrieval;
        this.encodings = encodings;
    }

    void respond(Ins patient, UriType profile, RequestDetails request, HttpServletResponse response)
            throws IOException {
        if (profile != null && profile.getValue() != null
                && !profile.getValue().split("\\|", 2)[0].equals(IPS_BUNDLE_PROFILE)) {
            throw FhirRefusal.invalid("profile: only " + IPS_BUNDLE_PROFILE + " is produced");
        }
        Optional<String> language = Requests.language(request);
        RetrievalOutcome outcome = retrieval.retrieveLatest(RequesterInterceptor.callOf(request), patient,
                DocumentKind.PATIENT_SUMMARY, Rendering.FHIR_IPS, language);
        if (outcome instanceof RetrievalOutcome.Refused refused) {
            throw FhirRefusal.of(refused.refusal());
        }
        var document = ((RetrievalOutcome.Retrieved) outcome).document();
        var negotiated = RestfulServerUtils.determineResponseEncodingWithDefault(request);
        EncodingEnum encoding = negotiated.getEncoding() == EncodingEnum.XML ? EncodingEnum.XML : EncodingEnum.JSON;
        SummaryEncodings.Encoded encoded = encodings.encode(document, encoding);
        response.setHeader(Constants.HEADER_ETAG, encoded.etag());
        language.ifPresent(l -> response.setHeader("Content-Language", l));
        String ifNoneMatch = request.getHeader(Constants.HEADER_IF_NONE_MATCH);
        if (ifNoneMatch != null && ifNoneMatch.contains(encoded.etag())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType((encoding == EncodingEnum.XML ? Constants.CT_FHIR_XML_NEW : Constants.CT_FHIR_JSON_NEW)
                + ";charset=utf-8");
        response.setContentLength(encoded.body().length);
        response.getOutputStream().write(encoded.body());
    }
}
