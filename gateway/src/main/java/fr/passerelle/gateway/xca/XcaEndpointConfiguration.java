package fr.passerelle.gateway.xca;

import fr.passerelle.gateway.soap.BodyValidation;
import fr.passerelle.gateway.soap.EhdsiOperation;
import fr.passerelle.gateway.soap.SoapEndpointPublisher;
import java.util.Set;
import javax.xml.namespace.QName;
import org.apache.cxf.jaxws.EndpointImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Publishes {@code /services/xca} with the eHDSI XCA WSDL; the roads are whichever beans implement them. */
@Configuration(proxyBeanMethods = false)
public class XcaEndpointConfiguration {

    @Bean
    public EndpointImpl xcaEndpoint(SoapEndpointPublisher publisher, ObjectProvider<DocumentQueryRoad> queryRoad,
                                    ObjectProvider<DocumentRetrieveRoad> retrieveRoad, BodyValidation validation) {
        CrossGatewayEndpoint endpoint = new CrossGatewayEndpoint(
                queryRoad.getIfAvailable(DocumentQueryRoad::unavailable),
                retrieveRoad.getIfAvailable(DocumentRetrieveRoad::unavailable), validation);
        return publisher.publish("/xca", endpoint,
                Set.of(EhdsiOperation.CROSS_GATEWAY_QUERY, EhdsiOperation.CROSS_GATEWAY_RETRIEVE), "wsdl/xca/XCA_Service.wsdl",
                new QName("urn:ihe:iti:xds-b:2007", "XCA_Service"),
                new QName("urn:ihe:iti:xds-b:2007", "RespondingGateway_Port_Soap12"));
    }
}
