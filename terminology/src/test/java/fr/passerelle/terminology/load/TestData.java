package fr.passerelle.terminology.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** Writes small terminology data directories for loader tests (a FHIR package is a gzip'ed ustar archive). */
public final class TestData {

    private TestData() {
    }

    public static final String PACKAGE_JSON = "{\"name\":\"test.package\",\"version\":\"1.0.0\"}";

    /** A ValueSet resource with one include of the given system and (code, display) pairs. */
    public static String valueSet(String url, String oid, String system, String... codeDisplay) {
        StringBuilder concepts = new StringBuilder();
        for (int i = 0; i < codeDisplay.length; i += 2) {
            concepts.append(i == 0 ? "" : ",").append("{\"code\":\"").append(codeDisplay[i])
                    .append("\",\"display\":\"").append(codeDisplay[i + 1]).append("\"}");
        }
        return "{\"resourceType\":\"ValueSet\",\"url\":\"" + url + "\",\"name\":\"" + url.substring(url.lastIndexOf('/') + 1)
                + "\",\"version\":\"1\",\"identifier\":[{\"system\":\"urn:ietf:rfc:3986\",\"value\":\"urn:oid:" + oid
                + "\"}],\"compose\":{\"include\":[{\"system\":\"" + system + "\",\"concept\":[" + concepts + "]}]}}";
    }

    public static void writePackage(Path tgz, Map<String, String> entries) throws IOException {
        Files.createDirectories(tgz.getParent());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tgz))) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                byte[] body = e.getValue().getBytes(StandardCharsets.UTF_8);
                out.write(header(e.getKey(), body.length));
                out.write(body);
                out.write(new byte[(512 - body.length % 512) % 512]);
            }
            out.write(new byte[1024]);
        }
    }

    private static byte[] header(String name, int size) {
        byte[] h = new byte[512];
        put(h, 0, name);
        put(h, 100, "0000644");
        put(h, 108, "0000000");
        put(h, 116, "0000000");
        put(h, 124, String.format("%011o", size));
        put(h, 136, String.format("%011o", 0));
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        h[156] = '0';
        put(h, 257, "ustar");
        h[262] = 0;
        put(h, 263, "00");
        int sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, String.format("%06o", sum));
        h[154] = 0;
        h[155] = ' ';
        return h;
    }

    private static void put(byte[] h, int off, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, off, b.length);
    }

    public static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    static byte[] bytes(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
