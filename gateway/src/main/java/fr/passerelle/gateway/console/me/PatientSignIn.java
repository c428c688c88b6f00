package fr.passerelle.gateway.console.me;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /me/login}: the patient sign-in page — the identity provider's button when OIDC is configured, the
 * list of demo patients when the dev issuer is on, otherwise a page saying sign-in is not configured.
 * {@code POST /me/login/demo} opens a demo patient's session (404 when the demo sign-in is off).
 */
@Controller
public class PatientSignIn {

    private final PatientLoginProperties properties;
    private final ObjectProvider<DemoPatients> demoPatients;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    public PatientSignIn(PatientLoginProperties properties, ObjectProvider<DemoPatients> demoPatients) {
        this.properties = properties;
        this.demoPatients = demoPatients;
    }

    @GetMapping("/me/login")
    public String page(@RequestParam(name = "lang", required = false) String lang, Model model) {
        model.addAttribute("fr", MeLanguage.french(lang));
        model.addAttribute("lang", MeLanguage.code(lang));
        model.addAttribute("oidc", properties.oidc().configured() ? properties.oidc().displayName() : null);
        model.addAttribute("oidcUrl", "/me/login/oauth2/authorization/" + PatientOidcConfiguration.REGISTRATION);
        DemoPatients demo = demoPatients.getIfAvailable();
        model.addAttribute("demoPatients", demo == null ? List.of() : demo.all());
        return "me/login";
    }

    @PostMapping("/me/login/demo")
    public String demo(@RequestParam(name = "patient", defaultValue = "") String key,
                       @RequestParam(name = "lang", required = false) String lang,
                       HttpServletRequest request, HttpServletResponse response) {
        DemoPatients demo = demoPatients.getIfAvailable();
        if (demo == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "The demo sign-in is off");
        }
        Optional<DemoPatients.DemoPatient> patient = demo.byKey(key);
        if (patient.isEmpty()) {
            return "redirect:/me/login?unknown&lang=" + MeLanguage.code(lang);
        }
        // A new session id at sign-in: a session id planted before cannot ride the patient's session.
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new DemoPatientSession(patient.get().ins(), patient.get().name()));
        SecurityContextHolder.setContext(context);
        sessions.saveContext(context, request, response);
        return "redirect:/me?lang=" + MeLanguage.code(lang);
    }
}
