package fr.passerelle.gateway.partner;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Decides, for a request of a verified partner country that deviates from IHE/eHDSI, whether the deviation is
 * tolerated: only when that country was granted the {@link Leniency}. Every leniency granted is logged once at start
 * (an operator sees what the gateway tolerates), every use of one at INFO with the country and nothing of the request.
 */
@Component
public class PartnerConformance {

    private static final Logger LOG = LoggerFactory.getLogger(PartnerConformance.class);

    private final PartnerProperties properties;

    public PartnerConformance(PartnerProperties properties) {
        this.properties = properties;
        properties.partners().forEach((country, partner) -> partner.lenient().stream().sorted().forEach(leniency ->
                LOG.warn("Partner {} is granted the leniency {}: such requests are served instead of refused",
                        country, leniency.configName())));
    }

    /** True when {@code country} may send this deviation; the use is logged. */
    public boolean tolerates(String country, Leniency deviation) {
        if (properties.grants(country, deviation)) {
            LOG.info("Leniency {} used by {}", deviation.configName(), country);
            return true;
        }
        return false;
    }
}
