package fr.passerelle.gateway.patient;

import fr.passerelle.gateway.consent.ConsentChange;
import fr.passerelle.gateway.consent.ConsentChannel;
import fr.passerelle.gateway.consent.ConsentProperties;
import fr.passerelle.gateway.consent.ConsentStore;
import fr.passerelle.gateway.healthspace.Ins;
import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/admin/patients/{oid}/{ins}/consent} (role OPERATOR): an agency operator records a consent change a
 * patient asked for in writing. Each change is versioned with channel {@code OPERATOR} and the operator's name, so
 * the patient's history shows who acted for them.
 */
@RestController
@RequestMapping("/api/admin/patients/{oid}/{ins}/consent")
public class OperatorConsentController {

    private final ConsentStore consents;
    private final ConsentProperties properties;
    private final Clock clock;

    public OperatorConsentController(ConsentStore consents, ConsentProperties properties,
                                     Clock clock) {
        this.consents = consents;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping
    public ConsentView current(@PathVariable String oid, @PathVariable String ins) {
        return ConsentView.of(consents.current(new Ins(oid, ins)), properties.defaultAccess(), clock.instant());
    }

    @GetMapping("/history")
    public List<ConsentView> history(@PathVariable String oid, @PathVariable String ins) {
        return consents.history(new Ins(oid, ins)).stream()
                .map(v -> ConsentView.of(Optional.of(v), properties.defaultAccess(), clock.instant())).toList();
    }

    @PutMapping
    public ConsentView authorise(@PathVariable String oid, @PathVariable String ins, @RequestBody ConsentRequest request,
                                 Principal operator) {
        var version = consents.change(new Ins(oid, ins), new ConsentChange.Authorise(request.toTerms(clock.instant()),
                "operator:" + operator.getName(), ConsentChannel.OPERATOR));
        return ConsentView.of(Optional.of(version), properties.defaultAccess(), clock.instant());
    }

    @DeleteMapping
    public ConsentView revoke(@PathVariable String oid, @PathVariable String ins, Principal operator) {
        var version = consents.change(new Ins(oid, ins),
                new ConsentChange.Revoke("operator:" + operator.getName(), ConsentChannel.OPERATOR));
        return ConsentView.of(Optional.of(version), properties.defaultAccess(), clock.instant());
    }
}
