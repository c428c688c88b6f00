package fr.passerelle.terminology.load;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * Reads the regular files of a gzip'ed tar archive (the format of FHIR packages) into memory, with Commons
 * Compress: ustar, GNU long names and the PAX headers npm writes for long paths. Links and devices are skipped.
 */
final class TarGzEntries {

    private static final long MAX_ENTRY = 256L * 1024 * 1024;

    private TarGzEntries() {
    }

    static Map<String, byte[]> read(InputStream raw, Predicate<String> wanted) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(raw, 65536))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (!entry.isFile() || !wanted.test(entry.getName())) {
                    continue;
                }
                if (entry.getSize() < 0 || entry.getSize() > MAX_ENTRY) {
                    throw new IOException("entry " + entry.getName() + " has an invalid size");
                }
                byte[] body = tar.readNBytes((int) entry.getSize());
                if (body.length != entry.getSize()) {
                    throw new IOException("entry " + entry.getName() + " is truncated");
                }
                entries.put(entry.getName(), body);
            }
        }
        return entries;
    }
}
