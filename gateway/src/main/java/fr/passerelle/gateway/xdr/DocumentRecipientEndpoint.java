package fr.passerelle.gateway.xdr;

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

/** ITI-41 document recipient endpoint: decode, call the road, encode. */
@WebServiceProvider(serviceName = "XDR_Service", portName = "DocumentRecipient_Port_Soap12",
        targetNamespace = "urn:ihe:iti:xds-b:2007")
@ServiceMode(Service.Mode.PAYLOAD)
// MTOM is switched on per reply by ReplyInterceptor when the reply carries documents; MTOM requests are read either way.
@BindingType(SOAPBinding.SOAP12HTTP_BINDING)
public class DocumentRecipientEndpoint implements Provider<DOMSource> {

    private static final Set<EhdsiOperation> OPERATIONS = Set.of(EhdsiOperation.PROVIDE_AND_REGISTER);

    private final DispensationRoad road;
    private final ProvideAndRegisterRequestReader reader = new ProvideAndRegisterRequestReader();
    private final RegistryResponseWriter writer = new RegistryResponseWriter(ProtocolModel.XDS);

    private final BodyValidation validation;

    public DocumentRecipientEndpoint(DispensationRoad road, BodyValidation validation) {
        this.road = road;
        this.validation = validation;
    }

    @Override
    public DOMSource invoke(DOMSource payload) {
        InboundRequest request = SoapExchange.admit(payload, OPERATIONS);
        ExchangeError invalid = ExchangeError.XDS_REGISTRY_METADATA_ERROR;
        Optional<BodySchemas.SchemaViolation> violation = validation.enforce(request, invalid.code());
        if (violation.isPresent()) {
            return new DOMSource(writer.refused(new BusinessRefusal(invalid, violation.get().describe())));
        }
        DispensationSubmission submission;
        try {
            submission = reader.read(request.body(), SoapExchange::inboundAttachment);
        } catch (MalformedRequest e) {
            throw e.asFault();
        }
        if (!submission.documents().stream().allMatch(SubmittedDocument::isDispensation) && !submission.isDiscard()) {
            return new DOMSource(writer.refused(new BusinessRefusal(
                    ExchangeError.ERROR_GENERIC_SERVICE_SIGNIFIER_UNKNOWN,
                    "France accepts eDispensation documents (class code 60593-1) and their discards "
                            + "(DISCARD-60593-1) over XDR, one kind per submission")));
        }
        DispensationOutcome outcome = road.respond(request.security(), submission);
        if (outcome instanceof DispensationOutcome.Untrusted untrusted) {
            throw EnvelopeFault.untrusted(untrusted.refusal());
        }
        return new DOMSource(writer.write(outcome));
    }
}
