package fr.passerelle.gateway.xdr;

import static fr.passerelle.gateway.soap.Namespaces.RS;

import fr.passerelle.gateway.soap.BusinessRefusal;
import fr.passerelle.gateway.soap.RegistryErrors;
import fr.passerelle.gateway.soap.RegistryStatus;
import fr.passerelle.gateway.soap.XmlTree;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Writes the ebRS {@code RegistryResponse} of ITI-41: Success, or Failure with one RegistryError. */
public final class RegistryResponseWriter {

    public Element write(DispensationOutcome outcome) {
        if (outcome instanceof DispensationOutcome.Stored) {
            return root(RegistryStatus.SUCCESS);
        }
        if (outcome instanceof DispensationOutcome.Refused refused) {
            return refused(refused.refusal());
        }
        throw new IllegalArgumentException("An untrusted request is answered with a SOAP fault, not a message");
    }

    public Element refused(BusinessRefusal refusal) {
        Element response = root(RegistryStatus.FAILURE);
        RegistryErrors.append(response, List.of(new RegistryErrors.Line(refusal, "")));
        return response;
    }

    private static Element root(RegistryStatus status) {
        Document document = XmlTree.newDocument();
        Element response = document.createElementNS(RS, "rs:RegistryResponse");
        response.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:rs", RS);
        response.setAttribute("status", status.urn());
        document.appendChild(response);
        return response;
    }
}
