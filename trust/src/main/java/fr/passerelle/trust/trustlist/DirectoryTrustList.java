package fr.passerelle.trust.trustlist;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads {@code <dir>/<ISO 3166 alpha-2>/*.pem} (each file one or more PEM certificates) and reloads when a
 * file is added, removed or changed — checked at most once per {@code recheckInterval}, so the gateway picks up
 * a renewed partner certificate without a restart and without touching the disk on every request. A reload
 * swaps an immutable snapshot: a request sees either the old list or the new one, never half of each.
 */
public final class DirectoryTrustList implements TrustList {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryTrustList.class);
    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    private final Path directory;
    private final Clock clock;
    private final Duration recheckInterval;
    private volatile Snapshot snapshot;
    private volatile Instant lastCheck;

    public DirectoryTrustList(Path directory, Clock clock, Duration recheckInterval) {
        this.directory = directory;
        this.clock = clock;
        this.recheckInterval = recheckInterval;
        this.snapshot = load(directory, clock.instant(), 1);
        this.lastCheck = clock.instant();
    }

    public Path directory() {
        return directory;
    }

    @Override
    public List<TrustedCertificate> forCountry(String country) {
        return current().byCountry().getOrDefault(country, List.of());
    }

    @Override
    public List<TrustedCertificate> entries() {
        return current().byCountry().values().stream().flatMap(Collection::stream).toList();
    }

    @Override
    public List<String> problems() {
        return current().problems();
    }

    @Override
    public long version() {
        return current().version();
    }

    /** Reloads now if the directory changed; returns true when it did. */
    public synchronized boolean reloadIfChanged() {
        lastCheck = clock.instant();
        String fingerprint = fingerprint(directory);
        if (fingerprint.equals(snapshot.fingerprint())) {
            return false;
        }
        snapshot = load(directory, lastCheck, snapshot.version() + 1);
        LOG.info("trust list reloaded from {}: {} certificates for {} countries", directory,
                snapshot.byCountry().values().stream().mapToInt(List::size).sum(), snapshot.byCountry().size());
        return true;
    }

    /** When the list in use was read from the directory (at start, or at the last reload that found a change). */
    public Instant loadedAt() {
        return current().loadedAt();
    }

    private Snapshot current() {
        if (!clock.instant().isBefore(lastCheck.plus(recheckInterval))) {
            reloadIfChanged();
        }
        return snapshot;
    }

    private record Snapshot(String fingerprint, Map<String, List<TrustedCertificate>> byCountry,
            List<String> problems, Instant loadedAt, long version) {
    }

    private static Snapshot load(Path directory, Instant now, long version) {
        String fingerprint = fingerprint(directory);
        Map<String, List<TrustedCertificate>> byCountry = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            problems.add("trust-list directory " + directory + " does not exist");
            return new Snapshot(fingerprint, Map.of(), List.copyOf(problems), now, version);
        }
        for (Path folder : sorted(directory)) {
            String name = folder.getFileName().toString();
            if (!Files.isDirectory(folder)) {
                continue;
            }
            if (!name.matches("[A-Z]{2}") || !ISO_COUNTRIES.contains(name)) {
                problems.add("folder " + name + " is not an ISO 3166 alpha-2 country code in upper case; ignored");
                continue;
            }
            List<TrustedCertificate> entries = new ArrayList<>();
            for (Path file : sorted(folder)) {
                if (!file.getFileName().toString().endsWith(".pem") || !Files.isRegularFile(file)) {
                    continue;
                }
                try (InputStream in = Files.newInputStream(file)) {
                    Collection<? extends Certificate> certificates =
                            CertificateFactory.getInstance("X.509").generateCertificates(in);
                    if (certificates.isEmpty()) {
                        problems.add(name + "/" + file.getFileName() + " holds no certificate");
                    }
                    for (Certificate certificate : certificates) {
                        entries.add(new TrustedCertificate(name, (X509Certificate) certificate, file));
                    }
                } catch (IOException | CertificateException e) {
                    problems.add(name + "/" + file.getFileName() + " cannot be read as PEM certificates");
                }
            }
            if (!entries.isEmpty()) {
                byCountry.put(name, List.copyOf(entries));
            }
        }
        return new Snapshot(fingerprint, Map.copyOf(byCountry), List.copyOf(problems), now, version);
    }

    private static List<Path> sorted(Path folder) {
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
            List<Path> paths = new ArrayList<>();
            stream.forEach(paths::add);
            paths.sort(Comparator.naturalOrder());
            return paths;
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Names, sizes and modification times of every file: changes when any entry is added, removed or edited. */
    private static String fingerprint(Path directory) {
        if (!Files.isDirectory(directory)) {
            return "absent";
        }
        try (var walk = Files.walk(directory, 2)) {
            return walk.filter(Files::isRegularFile).sorted().map(path -> {
                try {
                    BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
                    return directory.relativize(path) + ":" + attributes.size() + ":"
                            + attributes.lastModifiedTime().toMillis();
                } catch (IOException e) {
                    return directory.relativize(path) + ":unreadable";
                }
            }).collect(Collectors.joining("|"));
        } catch (IOException e) {
            return "unreadable";
        }
    }
}
