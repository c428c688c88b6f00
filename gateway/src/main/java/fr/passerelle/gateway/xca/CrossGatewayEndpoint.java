package fr.passerelle.gateway.xca;

import fr.passerelle.gateway.ihe.ProtocolModel;
import fr.passerelle.gateway.soap.BodySchemas;
import fr.passerelle.gateway.soap.BodyValidation;
import fr.passerelle.gateway.soap.BusinessRefusal;
import fr.passerelle.gateway.ehdsi.ExchangeError;
import fr.passerelle.gateway.soap.EhdsiOperation;
import fr.passerelle.gateway.soap.EnvelopeFault;
import fr.passerelle.gateway.soap.InboundRequest;
import fr.passerelle.gateway.soap.MalformedRequest;
import fr.passerelle.gateway.soap.SoapExchange;
import jakarta.xml.ws.BindingType;
import jakarta.xml.ws.Provider;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.ServiceMode;
import jakarta.xml.ws.WebServiceProvider;
import jakarta.xml.ws.soap.SOAPBinding;
import java.util.Optional;
import java.util.Set;
import javax.xml.transform.dom.DOMSource;

/** ITI-38 / ITI-39 responding gateway endpoint: decode, call the road, encode. */
@WebServiceProvider(serviceName = "XCA_Service", portName = "RespondingGateway_Port_Soap12",
        targetNamespace = "urn:ihe:iti:xds-b:2007")
@ServiceMode(Service.Mode.PAYLOAD)
// MTOM is switched on per reply by ReplyInterceptor when the reply carries documents; MTOM requests are read either way.
@BindingType(SOAPBinding.SOAP12HTTP_BINDING)
public class CrossGatewayEndpoint implements Provider<DOMSource> {

    private static final Set<EhdsiOperation> OPERATIONS =
            Set.of(EhdsiOperation.CROSS_GATEWAY_QUERY, EhdsiOperation.CROSS_GATEWAY_RETRIEVE);

    private final DocumentQueryRoad queryRoad;
    private final DocumentRetrieveRoad retrieveRoad;
    private final AdhocQueryRequestReader queryReader = new AdhocQueryRequestReader();
    private final AdhocQueryResponseWriter queryWriter = new AdhocQueryResponseWriter(ProtocolModel.XDS);
    private final RetrieveRequestReader retrieveReader = new RetrieveRequestReader();
    private final RetrieveResponseWriter retrieveWriter = new RetrieveResponseWriter(ProtocolModel.XDS);

    private final BodyValidation validation;

    public CrossGatewayEndpoint(DocumentQueryRoad queryRoad, DocumentRetrieveRoad retrieveRoad,
                                BodyValidation validation) {
        this.queryRoad = queryRoad;
        this.retrieveRoad = retrieveRoad;
        this.validation = validation;
    }

    @Override
    public DOMSource invoke(DOMSource payload) {
        InboundRequest request = SoapExchange.admit(payload, OPERATIONS);
        ExchangeError invalid = ExchangeError.XDS_REGISTRY_METADATA_ERROR;
        Optional<BodySchemas.SchemaViolation> violation = validation.enforce(request, invalid.code());
        if (violation.isPresent()) {
            BusinessRefusal refusal = new BusinessRefusal(invalid, violation.get().describe());
            return new DOMSource(request.operation() == EhdsiOperation.CROSS_GATEWAY_QUERY
                    ? queryWriter.refused(refusal) : retrieveWriter.refused(refusal).body());
        }
        try {
            return request.operation() == EhdsiOperation.CROSS_GATEWAY_QUERY ? query(request) : retrieve(request);
        } catch (MalformedRequest e) {
            throw e.asFault();
        }
    }

    private DOMSource query(InboundRequest request) {
        DocumentQuery query = queryReader.read(request.body());
        if (query.classes().isEmpty()) {
            return new DOMSource(queryWriter.refused(new BusinessRefusal(
                    ExchangeError.ERROR_GENERIC_SERVICE_SIGNIFIER_UNKNOWN,
                    "France serves these class codes over XCA: " + DocumentClass.served())));
        }
        DocumentQueryOutcome outcome = queryRoad.respond(request.security(), query);
        if (outcome instanceof DocumentQueryOutcome.Untrusted untrusted) {
            throw EnvelopeFault.untrusted(untrusted.refusal());
        }
        return new DOMSource(queryWriter.write(query, outcome));
    }

    private DOMSource retrieve(InboundRequest request) {
        RetrieveRequest retrieve = retrieveReader.read(request.body());
        RetrieveOutcome outcome = retrieveRoad.respond(request.security(), retrieve);
        if (outcome instanceof RetrieveOutcome.Untrusted untrusted) {
            throw EnvelopeFault.untrusted(untrusted.refusal());
        }
        RetrieveReply reply = retrieveWriter.write(outcome);
        if (!reply.attachments().isEmpty()) {
            SoapExchange.attachToReply(reply.attachments());
        }
        return new DOMSource(reply.body());
    }
}
