package fr.passerelle.gateway.console.demo;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /demo/pdf/<token>}: a PDF the demo page received ({@link ShownPdfs}), inline, framable by this origin
 * only (the page embeds it in an {@code <object>}: the gateway's {@code X-Frame-Options: DENY} elsewhere would
 * blank it; SAMEORIGIN here is set by the security chain), never cached, never sniffed. An unknown, expired or malformed token is a plain 404.
 */
@RestController
@DemoEnabled
public class ShownPdfController {

    private final ShownPdfs pdfs;

    public ShownPdfController(ShownPdfs pdfs) {
        this.pdfs = pdfs;
    }

    @GetMapping(ShownPdfs.PATH + "{token}")
    public ResponseEntity<byte[]> pdf(@PathVariable String token, HttpServletResponse response) {
        // X-Frame-Options SAMEORIGIN for this path is the security chain's (SecurityConfiguration).
        response.setHeader("Content-Security-Policy", "frame-ancestors 'self'");
        return pdfs.get(token)
                .map(pdf -> ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"report.pdf\"")
                        .header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .header("X-Content-Type-Options", "nosniff")
                        .body(pdf))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
                        .body("No such PDF (the demo keeps a received PDF 15 minutes).".getBytes(
                                java.nio.charset.StandardCharsets.UTF_8)));
    }
}
