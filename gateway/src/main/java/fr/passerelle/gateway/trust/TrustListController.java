package fr.passerelle.gateway.trust;

import fr.passerelle.trust.trustlist.DirectoryTrustList;
import fr.passerelle.trust.trustlist.ExpiryNotice;
import fr.passerelle.trust.trustlist.TrustedCertificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/admin/trust-list} (operators): what the trust list holds per country, what expires or is not yet
 * valid, and what could not be read.
 */
@RestController
public class TrustListController {

    private final DirectoryTrustList trustList;
    private final TrustProperties properties;
    private final Clock clock;

    public TrustListController(DirectoryTrustList trustList, TrustProperties properties, Clock clock) {
        this.trustList = trustList;
        this.properties = properties;
        this.clock = clock;
    }

    /** One loaded certificate. */
    public record Entry(String country, String subject, String issuer, Instant notBefore, Instant notAfter,
            boolean authority, String file) {
        static Entry of(TrustedCertificate certificate) {
            return new Entry(certificate.country(), certificate.subject(),
                    certificate.certificate().getIssuerX500Principal().getName(), certificate.notBefore(),
                    certificate.notAfter(), certificate.isAuthority(), certificate.source().getFileName().toString());
        }
    }

    /** A certificate needing attention. */
    public record Notice(String country, String subject, Instant notAfter, ExpiryNotice.Status status) {
    }

    public record View(String directory, List<Entry> entries, List<Notice> notices, List<String> problems) {
    }

    @GetMapping("/api/admin/trust-list")
    public View trustList() {
        List<Notice> notices = ExpiryNotice.report(trustList, clock.instant(), properties.expiryWarning()).stream()
                .map(n -> new Notice(n.entry().country(), n.entry().subject(), n.entry().notAfter(), n.status()))
                .toList();
        return new View(trustList.directory().toString(), trustList.entries().stream().map(Entry::of).toList(),
                notices, trustList.problems());
    }
}
