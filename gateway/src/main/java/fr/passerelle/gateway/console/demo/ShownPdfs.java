package fr.passerelle.gateway.console.demo;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The PDFs a demo answer received, kept a few minutes under an unguessable token so the page can embed them from this
 * console ({@code /demo/pdf/<token>}): a browser renders a same-origin PDF in an {@code <object>} under the page's
 * CSP ({@code object-src 'self'}), which a {@code data:} URI of a few hundred kB would not get (nor should the CSP
 * allow {@code data:} objects). Bounded by bytes; nothing is written to disk.
 */
@Component
@DemoEnabled
public class ShownPdfs {

    static final String PATH = "/demo/pdf/";
    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{32}");

    private final SecureRandom random = new SecureRandom();
    private final Cache<String, byte[]> kept = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(15))
            .maximumWeight(64L * 1024 * 1024)
            .weigher((String token, byte[] pdf) -> pdf.length + 64)
            .build();

    /** Keeps a PDF and answers the URL the page embeds it from. */
    public String keep(byte[] pdf) {
        byte[] token = new byte[16];
        random.nextBytes(token);
        String name = HexFormat.of().formatHex(token);
        kept.put(name, pdf.clone());
        return PATH + name;
    }

    /** The PDF kept under a token; empty for a malformed, unknown or expired one. */
    public Optional<byte[]> get(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return Optional.ofNullable(kept.getIfPresent(token));
    }
}
