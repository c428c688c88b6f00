package fr.passerelle.gateway.soap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

/** Test messages: the stored eHDSI sample bodies wrapped in a SOAP 1.2 envelope with WS-Addressing headers. */
public final class SoapMessages {

    public static final String TEST_ASSERTION_ID = "_passerelle-test-assertion";
    private static final Pattern PROLOG = Pattern.compile("(?s)\\A\\s*(<\\?xml[^>]*\\?>)?\\s*(<!--.*?-->\\s*)*");

    private SoapMessages() {
    }

    /** A stored sample body (under {@code ehdsi-messages/}), without XML declaration nor leading comments. */
    public static String sampleBody(String path) {
        try (var in = SoapMessages.class.getResourceAsStream("/ehdsi-messages/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("No sample " + path);
            }
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return PROLOG.matcher(xml).replaceFirst("").strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SOAP 1.2 envelope with Action, MessageID, To and a WS-Security header holding a (test) assertion. */
    public static String envelope(String action, String body) {
        return envelope(action, "urn:uuid:" + UUID.randomUUID(), body);
    }

    public static String envelope(String action, String messageId, String body) {
        StringBuilder header = new StringBuilder();
        if (action != null) {
            header.append("<wsa:Action soap:mustUnderstand=\"true\">").append(action).append("</wsa:Action>");
        }
        if (messageId != null) {
            header.append("<wsa:MessageID>").append(messageId).append("</wsa:MessageID>");
        }
        header.append("<wsa:To>https://ncp.example.fr/services</wsa:To>");
        header.append("<wsse:Security soap:mustUnderstand=\"true\" xmlns:wsse=\"").append(Namespaces.WSSE)
                .append("\"><saml2:Assertion xmlns:saml2=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"")
                .append(TEST_ASSERTION_ID).append("\" Version=\"2.0\"/></wsse:Security>");
        return "<soap:Envelope xmlns:soap=\"" + Namespaces.SOAP12 + "\" xmlns:wsa=\"" + Namespaces.WSA + "\">"
                + "<soap:Header>" + header + "</soap:Header><soap:Body>" + body + "</soap:Body></soap:Envelope>";
    }
}
