package fr.passerelle.gateway.console.demo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A received MTOM (multipart/related) answer, split into its parts: the SOAP envelope and the attachments; and the
 * one-part XOP package a request that IHE wants as MTOM (ITI-39) is sent in.
 */
final class MtomPackage {

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);
    private static final String REQUEST_BOUNDARY = "MIMEBoundary_passerelle_demo";
    private static final String ROOT_ID = "root.message@passerelle.demo";

    private final List<Part> parts;

    /** One MIME part: lower-cased header names, raw bytes. */
    record Part(Map<String, String> headers, byte[] content) {
    }

    private MtomPackage(List<Part> parts) {
        this.parts = parts;
    }

    /** The Content-Type of {@link #request}: multipart/related with an XOP root carrying a SOAP 1.2 action. */
    static String requestContentType(String action) {
        return "multipart/related; type=\"application/xop+xml\"; boundary=\"" + REQUEST_BOUNDARY + "\"; start=\"<"
                + ROOT_ID + ">\"; start-info=\"application/soap+xml; action=\\\"" + action + "\\\"\"";
    }

    /** An envelope as the root of an XOP package (its base64 content, if any, left inline, as XOP allows). */
    static byte[] request(String envelope) {
        return ("--" + REQUEST_BOUNDARY + "\r\nContent-Type: application/xop+xml; charset=UTF-8;"
                + " type=\"application/soap+xml\"\r\nContent-Transfer-Encoding: binary\r\nContent-ID: <" + ROOT_ID
                + ">\r\n\r\n" + envelope + "\r\n--" + REQUEST_BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Splits a body; a plain (non-multipart) body is one part. */
    static MtomPackage of(String contentType, byte[] body) {
        Matcher boundary = BOUNDARY.matcher(contentType == null ? "" : contentType);
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/") || !boundary.find()) {
            return new MtomPackage(List.of(new Part(Map.of(), body)));
        }
        // ISO-8859-1 maps every byte to one char, so the split keeps binary attachments intact.
        String all = new String(body, StandardCharsets.ISO_8859_1);
        List<Part> parts = new ArrayList<>();
        for (String chunk : all.split(Pattern.quote("--" + boundary.group(1)))) {
            if (chunk.isBlank() || chunk.startsWith("--")) {
                continue;
            }
            String c = chunk.startsWith("\r\n") ? chunk.substring(2) : chunk;
            int end = c.indexOf("\r\n\r\n");
            if (end < 0) {
                continue;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line : c.substring(0, end).split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
                }
            }
            String content = c.substring(end + 4);
            if (content.endsWith("\r\n")) {
                content = content.substring(0, content.length() - 2);
            }
            parts.add(new Part(headers, content.getBytes(StandardCharsets.ISO_8859_1)));
        }
        if (parts.isEmpty()) {
            throw new DemoXml.UnreadableAnswer("an empty multipart answer");
        }
        return new MtomPackage(parts);
    }

    byte[] root() {
        return parts.get(0).content();
    }

    /** The part an {@code xop:Include href="cid:…"} points at. */
    Optional<byte[]> attachment(String href) {
        String id = java.net.URLDecoder.decode(href.startsWith("cid:") ? href.substring(4) : href,
                StandardCharsets.UTF_8);
        return parts.stream().filter(p -> ("<" + id + ">").equals(p.headers().get("content-id"))
                || id.equals(p.headers().get("content-id"))).map(Part::content).findFirst();
    }
}
