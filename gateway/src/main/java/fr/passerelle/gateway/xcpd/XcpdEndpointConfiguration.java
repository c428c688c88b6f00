package fr.passerelle.gateway.xcpd;

import fr.passerelle.gateway.soap.BodyValidation;
import fr.passerelle.gateway.soap.EhdsiOperation;
import fr.passerelle.gateway.soap.SoapEndpointPublisher;
import fr.passerelle.gateway.soap.SoapProperties;
import java.time.Clock;
import java.util.Set;
import javax.xml.namespace.QName;
import org.apache.cxf.jaxws.EndpointImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Publishes {@code /services/xcpd} with the eHDSI XCPD WSDL; the road is whichever bean implements it. */
@Configuration(proxyBeanMethods = false)
public class XcpdEndpointConfiguration {

    @Bean
    public EndpointImpl xcpdEndpoint(SoapEndpointPublisher publisher, SoapProperties properties,
                                     ObjectProvider<PatientDiscoveryRoad> road, Clock clock,
                                     BodyValidation validation) {
        PatientDiscoveryEndpoint endpoint = new PatientDiscoveryEndpoint(
                road.getIfAvailable(PatientDiscoveryRoad::unavailable),
                new PatientDiscoveryRequestReader(),
                new PatientDiscoveryResponseWriter(properties.homeCommunityId(), clock), validation);
        return publisher.publish("/xcpd", endpoint, Set.of(EhdsiOperation.PATIENT_DISCOVERY), "wsdl/xcpd/XCPD_Service.wsdl",
                new QName("urn:ihe:iti:xcpd:2009", "XCPD_Service"),
                new QName("urn:ihe:iti:xcpd:2009", "RespondingGateway_Port_Soap12"));
    }
}
