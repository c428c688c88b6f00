package fr.passerelle.gateway.trust;

import fr.passerelle.trust.issue.DemoPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo PKI of a gateway started with {@code passerelle.trust.demo=true}: loaded from
 * {@code <data-dir>/demo-pki/demo-pki.p12}, or generated there at first start; and, when the trust-list directory
 * is empty, the demo CA written into it for each demo country so the demo practitioner's assertions are accepted.
 * The key store's password is public on purpose: these keys vouch for nobody real.
 */
public final class DemoTrustSeed {

    static final char[] DEMO_PASSWORD = "passerelle-demo".toCharArray();
    private static final Logger LOG = LoggerFactory.getLogger(DemoTrustSeed.class);

    private DemoTrustSeed() {
    }

    public static DemoPki loadOrCreate(Path dataDir, Path trustListDir, List<String> countries, Clock clock)
            throws IOException {
        Path keyStore = dataDir.resolve("demo-pki").resolve("demo-pki.p12");
        DemoPki pki;
        if (Files.exists(keyStore)) {
            pki = DemoPki.load(keyStore, DEMO_PASSWORD);
        } else {
            pki = DemoPki.generate(clock.instant(), Duration.ofDays(365 * 2), countries);
            pki.save(keyStore, DEMO_PASSWORD);
            LOG.info("generated a demo PKI for {} in {}", countries, keyStore.getParent());
        }
        if (isEmpty(trustListDir)) {
            pki.writeTrustList(trustListDir);
            LOG.info("seeded the demo trust list in {} for {}", trustListDir, pki.signers().keySet());
        }
        return pki;
    }

    private static boolean isEmpty(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
    }
}
