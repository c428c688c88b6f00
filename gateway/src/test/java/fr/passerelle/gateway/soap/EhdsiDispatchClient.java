package fr.passerelle.gateway.soap;

import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.Dispatch;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.handler.MessageContext;
import jakarta.xml.ws.soap.SOAPBinding;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import org.apache.cxf.headers.Header;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A CXF JAX-WS {@link Dispatch} client, as a foreign NCP's gateway would call Passerelle: SOAP 1.2, WS-Addressing
 * Action/MessageID, a WS-Security header, and the body as payload.
 */
public final class EhdsiDispatchClient {

    /** What came back: body, reply headers, MTOM parts by Content-ID. */
    public record Reply(Element body, List<Header> headers, Map<String, jakarta.activation.DataHandler> attachments) {
        public String header(String localName) {
            return headers.stream().filter(h -> h.getName().getLocalPart().equals(localName)
                            && Namespaces.WSA.equals(h.getName().getNamespaceURI()))
                    .map(h -> ((Node) h.getObject()).getTextContent().trim()).findFirst().orElse(null);
        }
    }

    private final int port;

    public EhdsiDispatchClient(int port) {
        this.port = port;
    }

    public Reply call(String path, EhdsiOperation operation, String body, String messageId) {
        QName service = new QName("urn:passerelle:test", "Client");
        QName portName = new QName("urn:passerelle:test", "Port");
        Service client = Service.create(service);
        client.addPort(portName, SOAPBinding.SOAP12HTTP_BINDING, "http://127.0.0.1:" + port + "/services" + path);
        Dispatch<DOMSource> dispatch = client.createDispatch(portName, DOMSource.class, Service.Mode.PAYLOAD);
        Map<String, Object> context = dispatch.getRequestContext();
        context.put(BindingProvider.SOAPACTION_USE_PROPERTY, Boolean.TRUE);
        context.put(BindingProvider.SOAPACTION_URI_PROPERTY, operation.requestAction());
        Document headers = parse("<h xmlns:wsa=\"" + Namespaces.WSA + "\" xmlns:wsse=\"" + Namespaces.WSSE + "\">"
                + "<wsa:Action>" + operation.requestAction() + "</wsa:Action>"
                + "<wsa:MessageID>" + messageId + "</wsa:MessageID>"
                + "<wsse:Security><saml2:Assertion xmlns:saml2=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\""
                + SoapMessages.TEST_ASSERTION_ID + "\" Version=\"2.0\"/></wsse:Security></h>");
        List<Header> soapHeaders = new ArrayList<>();
        for (Node n = headers.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                soapHeaders.add(new Header(new QName(e.getNamespaceURI(), e.getLocalName()), e));
            }
        }
        context.put(Header.HEADER_LIST, soapHeaders);
        DOMSource response = dispatch.invoke(new DOMSource(parse(body).getDocumentElement()));
        Node node = response.getNode();
        Element element = node instanceof Document d ? d.getDocumentElement() : (Element) node;
        List<Header> replyHeaders = castHeaders(dispatch.getResponseContext().get(Header.HEADER_LIST));
        @SuppressWarnings("unchecked")
        Map<String, jakarta.activation.DataHandler> attachments = (Map<String, jakarta.activation.DataHandler>)
                dispatch.getResponseContext().getOrDefault(MessageContext.INBOUND_MESSAGE_ATTACHMENTS, Map.of());
        return new Reply(element, replyHeaders, attachments);
    }

    public Reply call(String path, EhdsiOperation operation, String body) {
        return call(path, operation, body, "urn:uuid:" + UUID.randomUUID());
    }

    @SuppressWarnings("unchecked")
    private static List<Header> castHeaders(Object value) {
        return value == null ? List.of() : (List<Header>) value;
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalArgumentException("Test XML does not parse", e);
        }
    }
}
