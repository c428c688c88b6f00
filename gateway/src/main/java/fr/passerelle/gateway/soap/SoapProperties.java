package fr.passerelle.gateway.soap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the eHDSI SOAP services ({@code passerelle.soap.*}).
 *
 * @param maxRequestBytes largest request body accepted, MTOM parts included (an XDR submission carries a whole
 *                        CDA document; retrieve and query requests are a few kilobytes)
 * @param homeCommunityId France's NCP home community OID (without {@code urn:oid:}), written as XCPD custodian;
 *                        the default is a demo OID, to be replaced by the one assigned in MyHealth@EU
 */
@ConfigurationProperties("passerelle.soap")
public record SoapProperties(
        @DefaultValue("10485760") long maxRequestBytes,
        @DefaultValue("2.25.261584771092410786521305476150399041873") String homeCommunityId) {

    public SoapProperties {
        if (maxRequestBytes <= 0) {
            throw new IllegalArgumentException("passerelle.soap.max-request-bytes must be positive");
        }
        if (homeCommunityId == null || !homeCommunityId.matches("[0-2](\\.(0|[1-9][0-9]*))+")) {
            throw new IllegalArgumentException("passerelle.soap.home-community-id must be an OID");
        }
    }
}
