package fr.passerelle.gateway.audit;

import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/admin/audit/verify} (operators): verifies the whole trail; 200 when intact, 409 when broken. */
@RestController
public class AuditAdminController {

    private final AuditChainVerifier verifier;

    public AuditAdminController(AuditChainVerifier verifier) {
        this.verifier = verifier;
    }

    @GetMapping("/api/admin/audit/verify")
    public ResponseEntity<Map<String, Object>> verify() {
        ChainVerification verdict = verifier.verify();
        if (verdict instanceof ChainVerification.Broken broken) {
            return ResponseEntity.status(409).body(Map.of("intact", false, "seq", broken.seq(),
                    "reason", broken.reason()));
        }
        ChainVerification.Intact intact = (ChainVerification.Intact) verdict;
        return ResponseEntity.ok(Map.of("intact", true, "records", intact.records(),
                "anchorSeq", intact.anchorSeq(), "lastSeq", intact.lastSeq()));
    }
}
