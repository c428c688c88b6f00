package fr.passerelle.gateway.console.admin;

import fr.passerelle.gateway.trust.TrustProperties;
import fr.passerelle.trust.trustlist.DirectoryTrustList;
import fr.passerelle.trust.trustlist.ExpiryNotice;
import fr.passerelle.trust.trustlist.TrustedCertificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code GET /admin/trust}: each country's certificates with their expiry, and what the last load could not read. */
@Controller
public class TrustPage {

    private final DirectoryTrustList trustList;
    private final TrustProperties properties;
    private final Clock clock;

    public TrustPage(DirectoryTrustList trustList, TrustProperties properties, Clock clock) {
        this.trustList = trustList;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * One certificate as the page shows it.
     *
     * @param daysLeft whole days until notAfter, negative once expired
     * @param level    ok, warn (expires within the warning period, or not yet valid) or bad (expired)
     */
    public record Row(String subject, String issuer, boolean authority, Instant notBefore, Instant notAfter,
                      long daysLeft, String level, String file) {
    }

    @GetMapping("/admin/trust")
    public String trust(Model model) {
        Instant now = clock.instant();
        Map<String, List<Row>> byCountry = new LinkedHashMap<>();
        trustList.entries().stream()
                .sorted(Comparator.comparing(TrustedCertificate::country).thenComparing(TrustedCertificate::notAfter))
                .forEach(c -> byCountry.computeIfAbsent(c.country(), k -> new java.util.ArrayList<>())
                        .add(row(c, now, properties.expiryWarning())));
        model.addAttribute("byCountry", byCountry);
        model.addAttribute("directory", trustList.directory().toString());
        model.addAttribute("loadedAt", trustList.loadedAt());
        model.addAttribute("problems", trustList.problems());
        model.addAttribute("warningDays", properties.expiryWarning().toDays());
        model.addAttribute("reloadInterval", properties.reloadInterval());
        return "admin/trust";
    }

    static Row row(TrustedCertificate certificate, Instant now, Duration warning) {
        long daysLeft = Math.floorDiv(Duration.between(now, certificate.notAfter()).toSeconds(), 86_400L);
        // The same judgement as the trust-list API's expiry report, so page and API never disagree.
        String level = ExpiryNotice.statusOf(certificate, now, warning)
                .map(status -> status == ExpiryNotice.Status.EXPIRED ? "bad" : "warn").orElse("ok");
        return new Row(certificate.subject(), certificate.certificate().getIssuerX500Principal().getName(),
                certificate.isAuthority(), certificate.notBefore(), certificate.notAfter(), daysLeft, level,
                certificate.source().getFileName().toString());
    }
}
