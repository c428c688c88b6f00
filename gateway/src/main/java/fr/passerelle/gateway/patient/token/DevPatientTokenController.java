package fr.passerelle.gateway.patient.token;

import fr.passerelle.gateway.healthspace.Ins;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /dev/patient-token?ins=…&oid=…}: a patient token for the demo, as if the patient had logged in to
 * Mon Espace Santé. Exists only when the dev issuer is enabled.
 */
@RestController
@DevIssuerEnabled
public class DevPatientTokenController {

    private final DevPatientTokenIssuer issuer;

    public DevPatientTokenController(DevPatientTokenIssuer issuer) {
        this.issuer = issuer;
    }

    @PostMapping("/dev/patient-token")
    public ResponseEntity<?> issue(@RequestParam("ins") String ins,
                                   @RequestParam(name = "oid", defaultValue = Ins.TEST_NIR) String oid) {
        Ins patient;
        try {
            patient = new Ins(oid, ins);
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "Not an INS: " + e.getMessage()));
        }
        DevPatientTokenIssuer.IssuedToken token = issuer.issue(patient);
        return ResponseEntity.ok(new TokenResponse(token.token(), "Bearer", token.expiresAt()));
    }

    /** OAuth-like token response. */
    public record TokenResponse(String access_token, String token_type, Instant expires_at) {
    }
}
