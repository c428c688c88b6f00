package fr.passerelle.gateway.xdr;

import fr.passerelle.gateway.soap.BodyValidation;
import fr.passerelle.gateway.soap.EhdsiOperation;
import fr.passerelle.gateway.soap.SoapEndpointPublisher;
import java.util.Set;
import javax.xml.namespace.QName;
import org.apache.cxf.jaxws.EndpointImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Publishes {@code /services/xdr} with the eHDSI XDR WSDL; the road is whichever bean implements it. */
@Configuration(proxyBeanMethods = false)
public class XdrEndpointConfiguration {

    @Bean
    public EndpointImpl xdrEndpoint(SoapEndpointPublisher publisher, ObjectProvider<DispensationRoad> road,
                                    BodyValidation validation) {
        DocumentRecipientEndpoint endpoint = new DocumentRecipientEndpoint(
                road.getIfAvailable(DispensationRoad::unavailable), validation);
        return publisher.publish("/xdr", endpoint, Set.of(EhdsiOperation.PROVIDE_AND_REGISTER), "wsdl/xdr/XDR_Service.wsdl",
                new QName("urn:ihe:iti:xds-b:2007", "XDR_Service"),
                new QName("urn:ihe:iti:xds-b:2007", "DocumentRecipient_Port_Soap12"));
    }
}
