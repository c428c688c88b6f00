package fr.passerelle.gateway.soap;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A received multipart/related (MTOM) HTTP body, split into parts. Test helper; bytes read as ISO-8859-1. */
public final class Multipart {

    /** One part: its headers (lower-case names) and its content. */
    public record Part(Map<String, String> headers, byte[] content) {
        public String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    private Multipart() {
    }

    public static List<Part> parse(HttpResponse<byte[]> response) {
        String contentType = response.headers().firstValue("Content-Type").orElseThrow();
        Matcher boundary = Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(contentType);
        if (!contentType.toLowerCase(Locale.ROOT).startsWith("multipart/related") || !boundary.find()) {
            throw new AssertionError("Not multipart/related: " + contentType);
        }
        String body = new String(response.body(), StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary.group(1);
        List<Part> parts = new ArrayList<>();
        for (String chunk : body.split(Pattern.quote(delimiter))) {
            if (chunk.isBlank() || chunk.startsWith("--")) {
                continue;
            }
            String c = chunk.startsWith("\r\n") ? chunk.substring(2) : chunk;
            int end = c.indexOf("\r\n\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line : c.substring(0, end).split("\r\n")) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
            String content = c.substring(end + 4);
            if (content.endsWith("\r\n")) {
                content = content.substring(0, content.length() - 2);
            }
            parts.add(new Part(headers, content.getBytes(StandardCharsets.ISO_8859_1)));
        }
        return parts;
    }
}
