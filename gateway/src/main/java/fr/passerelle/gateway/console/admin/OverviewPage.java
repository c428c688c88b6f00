package fr.passerelle.gateway.console.admin;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code GET /admin}: the live overview. The page refreshes itself every 30 seconds (a meta refresh, no script). */
@Controller
public class OverviewPage {

    private final TrafficOverview traffic;
    private final LatencyFigures latency;
    private final HealthSpaceStatus healthSpace;

    public OverviewPage(TrafficOverview traffic, LatencyFigures latency, HealthSpaceStatus healthSpace) {
        this.traffic = traffic;
        this.latency = latency;
        this.healthSpace = healthSpace;
    }

    @GetMapping("/admin")
    public String overview(Model model) {
        TrafficOverview.Window window = traffic.lastHour();
        model.addAttribute("window", window);
        model.addAttribute("byTransactionChart", SvgCharts.perMinute("Requests per minute by transaction",
                window.byTransaction(), window.minutes()));
        model.addAttribute("byCountryChart", SvgCharts.perMinute("Requests per minute by requesting country",
                window.byCountry(), window.minutes()));
        model.addAttribute("refusalsChart", SvgCharts.bars("Refusals by eHDSI error code", window.refusalsByCode()));
        model.addAttribute("latency", latency.byService());
        model.addAttribute("healthSpace", healthSpace.current());
        return "admin/overview";
    }
}
