package fr.passerelle.gateway.patient;

import fr.passerelle.gateway.audit.AuditSearch;
import fr.passerelle.gateway.audit.AuditSearchCriteria;
import fr.passerelle.gateway.consent.ConsentChange;
import fr.passerelle.gateway.consent.ConsentChannel;
import fr.passerelle.gateway.consent.ConsentProperties;
import fr.passerelle.gateway.consent.ConsentStore;
import fr.passerelle.gateway.consent.ConsentVersion;
import fr.passerelle.gateway.healthspace.Ins;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/patient/**}: every operation acts on the patient named by the bearer token — there is no patient
 * parameter to tamper with. Documented in {@code /api/patient/openapi.yaml}.
 */
@RestController
@RequestMapping("/api/patient")
public class PatientController {

    static final int HISTORY_LIMIT = 200;
    /** Who made a consent change through the patient's own channels (this API, the /me page). */
    public static final String SELF = "patient";

    private final PatientIdentity identity;
    private final ConsentStore consents;
    private final ConsentProperties consentProperties;
    private final AuditSearch audit;
    private final PatientContactStore contacts;
    private final Clock clock;

    public PatientController(PatientIdentity identity, ConsentStore consents, ConsentProperties consentProperties,
                             AuditSearch audit, PatientContactStore contacts, Clock clock) {
        this.identity = identity;
        this.consents = consents;
        this.consentProperties = consentProperties;
        this.audit = audit;
        this.contacts = contacts;
        this.clock = clock;
    }

    @GetMapping("/consent")
    public ConsentView consent(@AuthenticationPrincipal Jwt token) {
        return view(consents.current(identity.of(token)));
    }

    @PutMapping("/consent")
    public ConsentView authorise(@AuthenticationPrincipal Jwt token, @RequestBody ConsentRequest request) {
        Ins patient = identity.of(token);
        ConsentChange change = new ConsentChange.Authorise(request.toTerms(clock.instant()), SELF,
                ConsentChannel.PATIENT_API);
        return view(Optional.of(consents.change(patient, change)));
    }

    @DeleteMapping("/consent")
    public ConsentView revoke(@AuthenticationPrincipal Jwt token) {
        Ins patient = identity.of(token);
        return view(Optional.of(consents.change(patient,
                new ConsentChange.Revoke(SELF, ConsentChannel.PATIENT_API))));
    }

    @GetMapping("/consent/history")
    public List<ConsentView> consentHistory(@AuthenticationPrincipal Jwt token) {
        return consents.history(identity.of(token)).stream()
                .map(version -> view(Optional.of(version))).toList();
    }

    @GetMapping("/access-history")
    public List<AccessHistoryEntry> accessHistory(@AuthenticationPrincipal Jwt token,
                                                  @RequestParam(name = "lang", required = false) String lang) {
        PatientLanguage language = PatientLanguage.parse(lang);
        return audit.find(AuditSearchCriteria.forPatient(identity.of(token), HISTORY_LIMIT)).stream()
                .map(record -> new AccessHistoryEntry(record.recordedAt(), record.requestingCountry(),
                        record.outcome().name(), AccessNarrative.tell(record, language)))
                .toList();
    }

    @GetMapping("/contact")
    public ResponseEntity<?> contact(@AuthenticationPrincipal Jwt token) {
        return contacts.find(identity.of(token))
                .<ResponseEntity<?>>map(c -> ResponseEntity.ok(Map.of("email", c.email(),
                        "language", c.language().name().toLowerCase())))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @PutMapping("/contact")
    public Map<String, String> saveContact(@AuthenticationPrincipal Jwt token, @RequestBody ContactRequest request) {
        PatientContact contact = new PatientContact(request.email(), PatientLanguage.parse(request.language()));
        contacts.save(identity.of(token), contact);
        return Map.of("email", contact.email(), "language", contact.language().name().toLowerCase());
    }

    @DeleteMapping("/contact")
    public ResponseEntity<Void> removeContact(@AuthenticationPrincipal Jwt token) {
        contacts.remove(identity.of(token));
        return ResponseEntity.noContent().build();
    }

    private ConsentView view(Optional<ConsentVersion> version) {
        return ConsentView.of(version, consentProperties.defaultAccess(), clock.instant());
    }
}
