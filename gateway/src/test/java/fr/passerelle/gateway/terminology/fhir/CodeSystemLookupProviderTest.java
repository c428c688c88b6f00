package fr.passerelle.gateway.terminology.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.terminology.TerminologyCatalogue;
import java.nio.file.Path;
import java.util.List;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.UriType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code CodeSystem/$lookup} on the repository's data: EDQM designations by language, French products. */
class CodeSystemLookupProviderTest {

    private static CodeSystemLookupProvider provider;

    @BeforeAll
    static void load() throws Exception {
        provider = new CodeSystemLookupProvider(TerminologyCatalogue.load(Path.of("../src/data/terminology")));
    }

    private static Parameters lookup(String system, String code, String language) {
        return provider.lookup(new UriType(system), new CodeType(code), null,
                language == null ? null : new CodeType(language));
    }

    @Test
    void anEdqmDoseFormIsDisplayedInTheRequestersLanguageOrInEnglish() {
        assertThat(lookup("http://standardterms.edqm.eu", "10221000", "es").getParameter("display").getValue()
                .primitiveValue()).isEqualTo("Comprimido recubierto con película");
        // no Polish designation: English (the MVC), not French
        assertThat(lookup("http://standardterms.edqm.eu", "10221000", "pl").getParameter("display").getValue()
                .primitiveValue()).isEqualTo("Film-coated tablet");
    }

    @Test
    void aFrenchPresentationShowsItsProductInCodes() {
        // CIP13 3400934882555 is a presentation of CIS 68053454 (CIMETIDINE ARROW 200 mg, effervescent tablet)
        Parameters out = lookup("urn:oid:1.2.250.1.213.2.3.2", "3400934882555", "de");
        assertThat(properties(out, "cis")).containsExactly("68053454");
        assertThat(properties(out, "doseForm")).containsExactly("http://standardterms.edqm.eu|10222000|Brausetablette");
        assertThat(properties(out, "route")).containsExactly("http://standardterms.edqm.eu|20053000|zum Einnehmen");
        assertThat(properties(out, "ingredient")).containsExactly("00587 200 mg per un comprimé (SA)");
        assertThat(properties(out, "provenance")).singleElement().asString().contains("CIS_bdpm.txt 2025-07-07");
    }

    private static List<String> properties(Parameters out, String code) {
        return out.getParameter().stream().filter(p -> p.getName().equals("property"))
                .filter(p -> code.equals(part(p, "code").getValue().primitiveValue()))
                .map(p -> {
                    var v = part(p, "value").getValue();
                    return v instanceof Coding c ? c.getSystem() + "|" + c.getCode() + "|" + c.getDisplay()
                            : v.primitiveValue();
                }).toList();
    }

    private static ParametersParameterComponent part(ParametersParameterComponent p, String name) {
        return p.getPart().stream().filter(x -> x.getName().equals(name)).findFirst().orElseThrow();
    }
}
