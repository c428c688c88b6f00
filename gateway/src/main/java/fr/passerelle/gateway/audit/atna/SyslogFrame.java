package fr.passerelle.gateway.audit.atna;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One ATNA message as an RFC 5424 syslog message (facility authpriv, severity notice: PRI 85; MSGID
 * {@code IHE+RFC-3881} as IHE ITI-20 asks) framed for TLS transport with RFC 5425 octet counting:
 * {@code MSG-LEN SP SYSLOG-MSG}. The record's sequence number travels as structured data so a collector can
 * recognise a message sent twice (after a crash between sending and marking it sent).
 */
public final class SyslogFrame {

    static final String APP_NAME = "passerelle";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX")
            .withZone(ZoneOffset.UTC);

    private SyslogFrame() {
    }

    public static byte[] frame(String hostname, long seq, Instant timestamp, String auditMessage) {
        String message = "<85>1 " + TIMESTAMP.format(timestamp) + " " + hostname + " " + APP_NAME + " - IHE+RFC-3881 "
                + "[passerelle@32473 seq=\"" + seq + "\"] " + auditMessage;
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        byte[] length = (body.length + " ").getBytes(StandardCharsets.US_ASCII);
        byte[] framed = new byte[length.length + body.length];
        System.arraycopy(length, 0, framed, 0, length.length);
        System.arraycopy(body, 0, framed, length.length, body.length);
        return framed;
    }
}
