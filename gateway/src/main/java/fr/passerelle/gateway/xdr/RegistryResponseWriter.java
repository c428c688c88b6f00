package fr.passerelle.gateway.xdr;

import fr.passerelle.gateway.ihe.ProtocolModel;
import fr.passerelle.gateway.ihe.ebxml.rs.ObjectFactory;
import fr.passerelle.gateway.ihe.ebxml.rs.RegistryResponseType;
import fr.passerelle.gateway.soap.BusinessRefusal;
import fr.passerelle.gateway.soap.RegistryErrors;
import fr.passerelle.gateway.soap.RegistryStatus;
import java.util.List;
import org.w3c.dom.Element;

/** Writes the ebRS {@code RegistryResponse} of ITI-41 with the protocol model: Success, or Failure with one error. */
public final class RegistryResponseWriter {

    private static final ObjectFactory RS = new ObjectFactory();

    private final ProtocolModel model;

    public RegistryResponseWriter(ProtocolModel model) {
        this.model = model;
    }

    public Element write(DispensationOutcome outcome) {
        if (outcome instanceof DispensationOutcome.Stored) {
            return model.toDom(RS.createRegistryResponse(response(RegistryStatus.SUCCESS)));
        }
        if (outcome instanceof DispensationOutcome.Refused refused) {
            return refused(refused.refusal());
        }
        throw new IllegalArgumentException("An untrusted request is answered with a SOAP fault, not a message");
    }

    public Element refused(BusinessRefusal refusal) {
        return model.toDom(RS.createRegistryResponse(response(RegistryStatus.FAILURE)
                .withRegistryErrorList(RegistryErrors.list(List.of(new RegistryErrors.Line(refusal, ""))))));
    }

    private static RegistryResponseType response(RegistryStatus status) {
        return new RegistryResponseType().withStatus(status.urn());
    }
}
