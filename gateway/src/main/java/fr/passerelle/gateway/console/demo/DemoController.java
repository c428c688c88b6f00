package fr.passerelle.gateway.console.demo;

import java.util.LinkedHashMap;
import java.util.Map;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** {@code GET /demo}: the form; {@code POST /demo}: runs the chosen road against this gateway and shows the result. */
@Controller
@DemoEnabled
@RequestMapping("/demo")
public class DemoController {

    private static final Logger LOG = LoggerFactory.getLogger(DemoController.class);
    private static final Map<String, String> COUNTRY_NAMES = Map.of("ES", "Spain", "IT", "Italy", "DE", "Germany",
            "BE", "Belgium", "PT", "Portugal", "AT", "Austria");
    private static final Map<String, String> LANGUAGE_NAMES = Map.of("en", "English", "fr", "Français",
            "de", "Deutsch", "es", "Español", "it", "Italiano");

    private final DemoSigner signer;
    private final SoapDemoRoad soap;
    private final FhirDemoRoad fhir;
    private final PatientHints hints;

    public DemoController(DemoSigner signer, SoapDemoRoad soap, FhirDemoRoad fhir, PatientHints hints) {
        this.signer = signer;
        this.soap = soap;
        this.fhir = fhir;
        this.hints = hints;
    }

    /**
     * The page's CSP: nothing from outside, no script at all (the page has none), and the received PDFs embedded
     * from this console only ({@code object-src 'self'}, {@link ShownPdfController}); the page itself is not framable.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'none'; object-src 'self'; "
            + "frame-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    @ModelAttribute
    void securityHeaders(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    }

    @GetMapping
    public String form(Model model) {
        String first = signer.countries().stream().findFirst().orElse("");
        return page(model, DemoForm.initial(first));
    }

    @PostMapping
    public String run(@ModelAttribute("form") DemoForm form, Model model) {
        DemoForm.Checked checked = form.check(signer.countries());
        if (checked instanceof DemoForm.Checked.Invalid invalid) {
            model.addAttribute("errors", invalid.errors());
        } else if (checked instanceof DemoForm.Checked.Valid valid) {
            DemoResult result = run(valid.request());
            model.addAttribute("steps", result.steps());
            if (result instanceof DemoResult.Shown shown) {
                model.addAttribute("shown", shown);
            } else if (result instanceof DemoResult.Refused refused) {
                model.addAttribute("refused", refused);
            }
        }
        return page(model, form);
    }

    private DemoResult run(DemoRequest request) {
        try {
            return request.road() == Road.SOAP ? soap.run(request) : fhir.run(request);
        } catch (DemoXml.UnreadableAnswer e) {
            return new DemoResult.Refused(request.road().name(), "UNREADABLE_ANSWER", e.getMessage(), java.util.List.of());
        } catch (RuntimeException e) {
            // The page must stay up whatever happens to the client side; the type is enough to investigate and
            // carries no patient data (the message might).
            LOG.warn("the demo client failed on the {} road: {}", request.road(), e.getClass().getName());
            return new DemoResult.Refused(request.road().name(), "DEMO_CLIENT_ERROR",
                    "The demo client failed (" + e.getClass().getSimpleName() + "); see the gateway log.",
                    java.util.List.of());
        }
    }

    private String page(Model model, DemoForm form) {
        Map<String, String> countries = new LinkedHashMap<>();
        signer.countries().forEach(cc -> countries.put(cc, COUNTRY_NAMES.getOrDefault(cc, cc)));
        Map<String, String> languages = new LinkedHashMap<>();
        DemoForm.LANGUAGES.forEach(lang -> languages.put(lang, LANGUAGE_NAMES.get(lang)));
        model.addAttribute("form", form);
        model.addAttribute("countries", countries);
        model.addAttribute("practitioners", DemoPractitioner.ALL);
        model.addAttribute("languages", languages);
        model.addAttribute("roads", Road.values());
        model.addAttribute("patients", hints.all());
        return "demo/demo";
    }
}
