package fr.passerelle.terminology.load;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * Reads the regular files of a gzip'ed ustar archive (the format of FHIR packages) into memory. Small on
 * purpose: a FHIR package has no links or sparse files, and anything unexpected is an error, not a guess.
 */
final class TarGzEntries {

    private static final int BLOCK = 512;
    private static final long MAX_ENTRY = 256L * 1024 * 1024;

    private TarGzEntries() {
    }

    static Map<String, byte[]> read(InputStream raw, Predicate<String> wanted) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream in = new GZIPInputStream(raw, 65536)) {
            byte[] header = new byte[BLOCK];
            String longName = null;
            while (true) {
                if (!readFully(in, header)) {
                    throw new EOFException("archive ends without its end-of-archive blocks");
                }
                if (isZero(header)) {
                    return entries;
                }
                String name = longName != null ? longName : name(header);
                longName = null;
                long size = octal(header, 124, 12);
                if (size < 0 || size > MAX_ENTRY) {
                    throw new IOException("entry " + name + " has an invalid size");
                }
                char type = (char) header[156];
                byte[] body = null;
                boolean keep = (type == '0' || type == 0) && wanted.test(name);
                if (keep || type == 'L') {
                    body = new byte[(int) size];
                    if (!readFully(in, body)) {
                        throw new EOFException("entry " + name + " is truncated");
                    }
                    skip(in, padding(size));
                } else {
                    skip(in, size + padding(size));
                }
                if (type == 'L') {
                    longName = new String(body, StandardCharsets.UTF_8).replace("\0", "");
                } else if (keep) {
                    entries.put(name, body);
                }
            }
        }
    }

    private static long padding(long size) {
        return (BLOCK - size % BLOCK) % BLOCK;
    }

    private static String name(byte[] h) {
        String name = cString(h, 0, 100);
        if (h[257] == 'u' && h[258] == 's' && h[259] == 't' && h[260] == 'a' && h[261] == 'r') {
            String prefix = cString(h, 345, 155);
            if (!prefix.isEmpty()) {
                name = prefix + "/" + name;
            }
        }
        return name;
    }

    private static String cString(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && b[end] != 0) {
            end++;
        }
        return new String(b, off, end - off, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] b, int off, int len) throws IOException {
        long v = 0;
        int i = off;
        while (i < off + len && (b[i] == ' ' || b[i] == 0)) {
            i++;
        }
        for (; i < off + len && b[i] != 0 && b[i] != ' '; i++) {
            if (b[i] < '0' || b[i] > '7') {
                throw new IOException("not a tar archive (bad size field)");
            }
            v = v * 8 + (b[i] - '0');
        }
        return v;
    }

    private static boolean isZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean readFully(InputStream in, byte[] buf) throws IOException {
        int n = 0;
        while (n < buf.length) {
            int r = in.read(buf, n, buf.length - n);
            if (r < 0) {
                return false;
            }
            n += r;
        }
        return true;
    }

    private static void skip(InputStream in, long n) throws IOException {
        long left = n;
        byte[] sink = new byte[8192];
        while (left > 0) {
            int r = in.read(sink, 0, (int) Math.min(sink.length, left));
            if (r < 0) {
                throw new EOFException("archive is truncated");
            }
            left -= r;
        }
    }

    static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }
}
