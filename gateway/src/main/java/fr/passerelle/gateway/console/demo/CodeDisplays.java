package fr.passerelle.gateway.console.demo;

import fr.passerelle.terminology.CodeSystems;
import fr.passerelle.terminology.Coding;
import fr.passerelle.terminology.Terminology;
import org.springframework.stereotype.Component;

/**
 * Displays in the visitor's language, from the terminology module in process — the same catalogue the gateway
 * translates with — so the page shows what a receiving NCP-B would show from the codes alone.
 */
@Component
public class CodeDisplays {

    private final Terminology terminology;

    public CodeDisplays(Terminology terminology) {
        this.terminology = terminology;
    }

    /** A received coding, its display translated (else the received display, else the bare code). */
    public ShownCode show(String system, String code, String receivedDisplay, String language, String original) {
        String display = terminology.translate(Coding.of(system, code), language)
                .orElse(receivedDisplay == null || receivedDisplay.isBlank() ? code : receivedDisplay);
        return new ShownCode(display, systemName(system), code, original);
    }

    /** A section heading: its (LOINC) code's display in the language, else the received title. */
    public String heading(String system, String code, String receivedTitle, String language) {
        if (code == null || code.isBlank()) {
            return receivedTitle;
        }
        return terminology.translate(Coding.of(system, code), language).orElse(receivedTitle);
    }

    /** A short readable name for a code system: its canonical URI without scheme ("loinc.org", "snomed.info/sct"). */
    static String systemName(String system) {
        String canonical = CodeSystems.canonicalUri(system);
        return canonical.replaceFirst("^https?://", "").replaceFirst("^urn:oid:", "");
    }
}
