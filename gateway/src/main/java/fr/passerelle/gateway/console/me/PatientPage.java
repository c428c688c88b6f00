package fr.passerelle.gateway.console.me;

import fr.passerelle.gateway.audit.AuditSearch;
import fr.passerelle.gateway.audit.AuditSearchCriteria;
import fr.passerelle.gateway.consent.ConsentChange;
import fr.passerelle.gateway.consent.ConsentProperties;
import fr.passerelle.gateway.consent.ConsentStore;
import fr.passerelle.gateway.consent.ConsentVersion;
import fr.passerelle.gateway.healthspace.HealthSpaceUnavailableException;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.healthspace.NationalHealthSpace;
import fr.passerelle.gateway.healthspace.PatientControls;
import fr.passerelle.gateway.patient.AccessNarrative;
import fr.passerelle.gateway.patient.PatientLanguage;
import jakarta.servlet.http.HttpServletResponse;
import java.text.Collator;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /me}: the signed-in patient's sharing and access history. A change goes through {@code POST /me/sharing}
 * (shows what will change) then {@code POST /me/sharing/confirm} (records it); the page read afterwards shows the
 * new state at once, since consents are never cached. The patient is always the session's: no parameter names one.
 */
@Controller
public class PatientPage {

    static final int HISTORY_LIMIT = 50;
    private static final Logger LOG = LoggerFactory.getLogger(PatientPage.class);

    private final SignedInPatient signedIn;
    private final ConsentStore consents;
    private final ConsentProperties consentProperties;
    private final AuditSearch audit;
    private final NationalHealthSpace healthSpace;
    private final Clock clock;

    public PatientPage(SignedInPatient signedIn, ConsentStore consents, ConsentProperties consentProperties,
                       AuditSearch audit, NationalHealthSpace healthSpace, Clock clock) {
        this.signedIn = signedIn;
        this.consents = consents;
        this.consentProperties = consentProperties;
        this.audit = audit;
        this.healthSpace = healthSpace;
        this.clock = clock;
    }

    /** One line of the access history. */
    public record HistoryLine(String outcome, String text) {
    }

    @GetMapping("/me")
    public String page(@RequestParam(name = "lang", required = false) String lang,
                       @RequestParam(name = "changed", required = false) String changed,
                       Authentication session, Model model) {
        Ins patient = signedIn.of(session);
        Optional<ConsentVersion> current = consents.current(patient);
        common(model, lang, session);
        model.addAttribute("changed", changed != null);
        model.addAttribute("summary", SharingWords.current(current, consentProperties.defaultAccess(),
                clock.instant(), MeLanguage.french(lang)));
        model.addAttribute("form", SharingChoice.of(current));
        model.addAttribute("controls", controls(patient));
        PatientLanguage language = MeLanguage.of(lang);
        model.addAttribute("history", audit.find(AuditSearchCriteria.forPatient(patient, HISTORY_LIMIT)).stream()
                .map(r -> new HistoryLine(r.outcome().name(), AccessNarrative.tell(r, language))).toList());
        return "me/sharing";
    }

    @PostMapping("/me/sharing")
    public String preview(@ModelAttribute("form") SharingChoice form,
                          @RequestParam(name = "lang", required = false) String lang,
                          Authentication session, Model model, HttpServletResponse response) {
        signedIn.of(session);
        common(model, lang, session);
        boolean fr = MeLanguage.french(lang);
        try {
            ConsentChange change = form.toChange(clock.instant());
            model.addAttribute("proposal", describe(change, fr));
            return "me/confirm";
        } catch (SharingProblem.Invalid invalid) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problem", invalid.problem().text(fr));
            return "me/confirm";
        }
    }

    @PostMapping("/me/sharing/confirm")
    public String confirm(@ModelAttribute("form") SharingChoice form,
                          @RequestParam(name = "lang", required = false) String lang,
                          Authentication session, Model model, HttpServletResponse response) {
        Ins patient = signedIn.of(session);
        try {
            consents.change(patient, form.toChange(clock.instant()));
        } catch (SharingProblem.Invalid invalid) {
            common(model, lang, session);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problem", invalid.problem().text(MeLanguage.french(lang)));
            return "me/confirm";
        }
        return "redirect:/me?changed&lang=" + MeLanguage.code(lang);
    }

    private void common(Model model, String lang, Authentication session) {
        boolean fr = MeLanguage.french(lang);
        model.addAttribute("fr", fr);
        model.addAttribute("lang", MeLanguage.code(lang));
        model.addAttribute("name", signedIn.name(session));
        // In the order of their names in the page's language.
        Collator order = Collator.getInstance(fr ? Locale.FRENCH : Locale.ENGLISH);
        Map<String, String> countries = new LinkedHashMap<>();
        SharingWords.COUNTRIES.stream().sorted(Comparator.comparing(c -> SharingWords.country(c, fr), order))
                .forEach(c -> countries.put(c, SharingWords.country(c, fr)));
        model.addAttribute("countries", countries);
    }

    private static String describe(ConsentChange change, boolean fr) {
        if (change instanceof ConsentChange.Authorise authorise) {
            return SharingWords.terms(authorise.terms(), fr);
        }
        return fr ? "Vous ne partagerez plus vos données : aucun professionnel de santé à l'étranger ne pourra les "
                + "consulter." : "You will no longer share your data: no health professional abroad will be able to "
                + "see it.";
    }

    /** The controls the health space keeps for the patient; empty when it cannot be reached right now. */
    private Optional<PatientControls> controls(Ins patient) {
        try {
            return Optional.of(healthSpace.controls(patient));
        } catch (HealthSpaceUnavailableException e) {
            LOG.warn("Patient page: the health space did not answer for the patient's controls ({})",
                    e.getClass().getSimpleName());
            return Optional.empty();
        }
    }
}
