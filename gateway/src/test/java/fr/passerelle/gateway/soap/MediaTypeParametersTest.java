package fr.passerelle.gateway.soap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The SOAP action is read from the request's media type, including an MTOM request's {@code start-info}. */
class MediaTypeParametersTest {

    @Test
    void soap12ActionParameterIsUnquoted() {
        assertThat(SoapExchange.mediaTypeParameters(
                "application/soap+xml; charset=UTF-8; action=\"urn:ihe:iti:2007:CrossGatewayQuery\""))
                .containsEntry("action", "urn:ihe:iti:2007:CrossGatewayQuery")
                .containsEntry("charset", "UTF-8");
    }

    @Test
    void mtomStartInfoKeepsItsOwnParametersWithEscapedQuotes() {
        // As CXF's client writes an MTOM SOAP 1.2 request: the action only inside start-info.
        String contentType = "multipart/related; type=\"application/xop+xml\"; "
                + "boundary=\"uuid:0f3a;b\"; start=\"<root.message@cxf.apache.org>\"; "
                + "start-info=\"application/soap+xml; action=\\\"urn:ihe:iti:2007:CrossGatewayRetrieve\\\"\"";

        var parameters = SoapExchange.mediaTypeParameters(contentType);

        assertThat(parameters).doesNotContainKey("action")
                .containsEntry("boundary", "uuid:0f3a;b")
                .containsEntry("start-info", "application/soap+xml; action=\"urn:ihe:iti:2007:CrossGatewayRetrieve\"");
        assertThat(SoapExchange.mediaTypeParameters(parameters.get("start-info")))
                .containsEntry("action", "urn:ihe:iti:2007:CrossGatewayRetrieve");
    }

    @Test
    void unquotedValuesAndParametersWithoutValueAreTolerated() {
        assertThat(SoapExchange.mediaTypeParameters("application/soap+xml; broken; ACTION=urn:a:b ; x=1"))
                .containsEntry("action", "urn:a:b").containsEntry("x", "1").doesNotContainKey("broken");
    }
}
