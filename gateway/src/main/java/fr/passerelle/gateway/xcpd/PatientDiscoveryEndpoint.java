package fr.passerelle.gateway.xcpd;

import fr.passerelle.gateway.soap.BodySchemas;
import fr.passerelle.gateway.soap.BodyValidation;
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

/** ITI-55 responding gateway endpoint: decode, call the road, encode. */
@WebServiceProvider(serviceName = "XCPD_Service", portName = "RespondingGateway_Port_Soap12",
        targetNamespace = "urn:ihe:iti:xcpd:2009")
@ServiceMode(Service.Mode.PAYLOAD)
@BindingType(SOAPBinding.SOAP12HTTP_BINDING)
public class PatientDiscoveryEndpoint implements Provider<DOMSource> {

    private static final Set<EhdsiOperation> OPERATIONS = Set.of(EhdsiOperation.PATIENT_DISCOVERY);

    private final PatientDiscoveryRoad road;
    private final PatientDiscoveryRequestReader reader;
    private final PatientDiscoveryResponseWriter writer;

    private final BodyValidation validation;

    public PatientDiscoveryEndpoint(PatientDiscoveryRoad road, PatientDiscoveryRequestReader reader,
                                    PatientDiscoveryResponseWriter writer, BodyValidation validation) {
        this.road = road;
        this.reader = reader;
        this.writer = writer;
        this.validation = validation;
    }

    @Override
    public DOMSource invoke(DOMSource payload) {
        InboundRequest request = SoapExchange.admit(payload, OPERATIONS);
        PatientDiscoveryQuery query;
        try {
            query = reader.read(request.body());
        } catch (MalformedRequest e) {
            throw e.asFault();
        }
        // Read first: the answer to an invalid body still echoes its message and query ids (HL7v3 acknowledgement).
        Optional<BodySchemas.SchemaViolation> violation =
                validation.enforce(request, PatientDiscoveryResponseWriter.SYNTAX_ERROR);
        if (violation.isPresent()) {
            return new DOMSource(writer.writeRejected(request.body(), query, violation.get().describe()));
        }
        if (query.deferredResponse()) {
            return new DOMSource(writer.writeDeferredModeUnsupported(request.body(), query));
        }
        PatientDiscoveryOutcome outcome = road.respond(request.security(), query);
        if (outcome instanceof PatientDiscoveryOutcome.Untrusted untrusted) {
            throw EnvelopeFault.untrusted(untrusted.refusal());
        }
        return new DOMSource(writer.write(request.body(), query, outcome));
    }
}
