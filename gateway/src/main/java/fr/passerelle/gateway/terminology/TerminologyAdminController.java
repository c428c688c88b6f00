package fr.passerelle.gateway.terminology;

import fr.passerelle.terminology.TerminologyCatalogue;
import fr.passerelle.terminology.TerminologyLoadException;
import fr.passerelle.terminology.catalogue.CatalogueStatistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * Operator API of the terminology: what is loaded, and reload from the configured folder. A failed reload
 * answers 422 naming the bad file and leaves the catalogue that was live in place.
 */
@RestController
@RequestMapping("/api/admin/terminology")
public class TerminologyAdminController {

    private static final Logger LOG = LoggerFactory.getLogger(TerminologyAdminController.class);

    private final TerminologyCatalogue catalogue;

    public TerminologyAdminController(TerminologyCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping
    public CatalogueStatistics current() {
        return catalogue.statistics();
    }

    @PostMapping("/reload")
    public ResponseEntity<?> reload() {
        long start = System.nanoTime();
        try {
            CatalogueStatistics loaded = catalogue.reload();
            long ms = (System.nanoTime() - start) / 1_000_000;
            LOG.info("Terminology reloaded in {} ms: {} value sets, {} concepts", ms, loaded.valueSets(), loaded.concepts());
            return ResponseEntity.ok(Map.of("status", "reloaded", "millis", ms, "catalogue", loaded));
        } catch (TerminologyLoadException e) {
            LOG.warn("Terminology reload refused, previous catalogue kept: {}", e.getMessage());
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).body(Map.of("status", "refused",
                    "error", e.getMessage(), "file", e.file(), "catalogue", catalogue.statistics()));
        }
    }
}
