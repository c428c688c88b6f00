package fr.passerelle.gateway.console.admin;

import fr.passerelle.terminology.TerminologyCatalogue;
import fr.passerelle.terminology.TerminologyLoadException;
import fr.passerelle.terminology.catalogue.CatalogueStatistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code GET /admin/terminology}: what the live catalogue holds and when it was loaded; {@code POST
 * /admin/terminology/reload} reloads it from its folder (a failed reload keeps the live catalogue and says why).
 */
@Controller
public class TerminologyPage {

    private static final Logger LOG = LoggerFactory.getLogger(TerminologyPage.class);

    private final TerminologyCatalogue catalogue;

    public TerminologyPage(TerminologyCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/admin/terminology")
    public String terminology(Model model) {
        model.addAttribute("statistics", catalogue.statistics());
        model.addAttribute("loadedAt", catalogue.loadedAt());
        model.addAttribute("dataDir", catalogue.dataDir().toString());
        return "admin/terminology";
    }

    @PostMapping("/admin/terminology/reload")
    public String reload(RedirectAttributes redirect) {
        long start = System.nanoTime();
        try {
            CatalogueStatistics loaded = catalogue.reload();
            long millis = (System.nanoTime() - start) / 1_000_000;
            LOG.info("Terminology reloaded from the console in {} ms: {} value sets", millis, loaded.valueSets());
            redirect.addFlashAttribute("reloaded", millis);
        } catch (TerminologyLoadException e) {
            LOG.warn("Terminology reload from the console refused, previous catalogue kept: {}", e.getMessage());
            redirect.addFlashAttribute("reloadError", e.getMessage());
        }
        return "redirect:/admin/terminology";
    }
}
