package fr.passerelle.gateway.terminology.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import fr.passerelle.terminology.TerminologyCatalogue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.UriType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ConceptMap/$translate} over the repository's MVC and demo map plus a second map that maps the same
 * French drug differently: {@code url} picks one map, each match carries its own map's equivalence and URL,
 * and {@code reverse=true} walks the maps back from the pivot code.
 */
class ConceptMapTranslateProviderTest {

    private static final String DATA = "../src/data/terminology";
    private static final String CIS = "urn:oid:1.2.250.1.213.2.3.1";
    private static final String ATC = "http://www.whocc.no/atc";
    private static final String ACTIVE_INGREDIENT = "1.3.6.1.4.1.12559.11.10.1.3.1.42.24";
    private static final String DEMO_MAP = "urn:passerelle:conceptmap:fr-demo-to-ehdsi";
    private static final String OTHER_MAP = "http://example.org/ConceptMap/cis-atc-other";
    private static final String BDPM_MAP = "urn:passerelle:conceptmap:fr-bdpm-cis-atc";

    private static ConceptMapTranslateProvider provider;

    @BeforeAll
    static void load(@TempDir Path dir) throws Exception {
        Path data = Path.of(DATA);
        for (String sub : List.of("mvc", "ehdsi", "concept-maps")) {
            Files.createDirectories(dir.resolve(sub));
            try (var files = Files.list(data.resolve(sub))) {
                for (Path f : files.toList()) {
                    Files.copy(f, dir.resolve(sub).resolve(f.getFileName()));
                }
            }
        }
        // LEVOTHYROX 75 is H03AA01 "wider" in the demo map; this map says H03AA51, "narrower".
        Files.writeString(dir.resolve("concept-maps/other.json"), """
                {"resourceType":"ConceptMap","url":"%s","group":[{"source":"urn:oid:1.2.250.1.213.2.3.1",
                 "target":"http://www.whocc.no/atc","element":[{"code":"62080626",
                 "target":[{"code":"H03AA51","equivalence":"narrower"}]}]}]}""".formatted(OTHER_MAP));
        provider = new ConceptMapTranslateProvider(TerminologyCatalogue.load(dir));
    }

    private static Parameters translate(String url, String system, String code, String target, boolean reverse) {
        return provider.translate(url == null ? null : new UriType(url), new UriType(system), new CodeType(code), null,
                target == null ? null : new UriType(target), null, reverse ? new BooleanType(true) : null);
    }

    @Test
    void withoutUrlEveryMapAnswersWithItsOwnEquivalence() {
        Parameters out = translate(null, CIS, "62080626", null, false);
        assertThat(result(out)).isTrue();
        // the BDPM table (CIS_MITM) gives the same ATC class as the demo map
        assertThat(matches(out)).containsExactlyInAnyOrder("wider " + ATC + "|H03AA01 from " + BDPM_MAP,
                "wider " + ATC + "|H03AA01 from " + DEMO_MAP, "narrower " + ATC + "|H03AA51 from " + OTHER_MAP);
        assertThat(message(out)).contains("H03AA01: the pivot concept is broader than the source 62080626 (wider; ANSM BDPM")
                .contains("H03AA51: the pivot concept is narrower than the source 62080626 (narrower)");
    }

    @Test
    void aBroaderPivotIsSaidSoWithItsProvenance() {
        Parameters out = translate(null, "http://snomed.info/sct", "416098002", "1.3.6.1.4.1.12559.11.10.1.3.1.42.18", false);
        assertThat(result(out)).isTrue();
        assertThat(matches(out)).containsExactly("wider http://snomed.info/sct|609328004 from " + DEMO_MAP);
        assertThat(message(out)).startsWith("609328004: the pivot concept is broader than the source 416098002 (wider;")
                .contains("SNOMED CT International hierarchy");
    }

    @Test
    void aFrenchCim10ExtensionReachesItsWhoParentByRuleAndSaysSo() {
        // ATIH's F10.20 is not a WHO code; F10.2 is, and is broader
        Parameters out = translate(null, "2.16.840.1.113883.6.3", "F10.20", "1.3.6.1.4.1.12559.11.10.1.3.1.42.5", false);
        assertThat(result(out)).isTrue();
        assertThat(matches(out)).containsExactly("wider http://hl7.org/fhir/sid/icd-10|F10.2 from -");
        assertThat(message(out)).contains("broader").contains("rule CIM-10 to ICD-10");
        Parameters same = translate(null, "2.16.840.1.113883.6.3", "E06.3", "1.3.6.1.4.1.12559.11.10.1.3.1.42.5", false);
        assertThat(matches(same)).containsExactly("equal http://hl7.org/fhir/sid/icd-10|E06.3 from -");
        assertThat(same.getParameter("message")).isNull();
    }

    @Test
    void urlSelectsOneMap() {
        assertThat(matches(translate(OTHER_MAP, CIS, "62080626", null, false)))
                .containsExactly("narrower " + ATC + "|H03AA51 from " + OTHER_MAP);
        assertThat(matches(translate(DEMO_MAP, CIS, "62080626", ACTIVE_INGREDIENT, false)))
                .containsExactly("wider " + ATC + "|H03AA01 from " + DEMO_MAP);
    }

    @Test
    void twoMapsDisagreeingIntoOneValueSetIsAmbiguousUnlessUrlPicksOne() {
        Parameters merged = translate(null, CIS, "62080626", ACTIVE_INGREDIENT, false);
        assertThat(result(merged)).isFalse();
        assertThat(merged.getParameter("message").getValue().primitiveValue()).contains("4509");
    }

    @Test
    void aCodeAlreadyInTheValueSetIsEqual() {
        Parameters out = translate(null, "http://loinc.org", "8480-6", "1.3.6.1.4.1.12559.11.10.1.3.1.42.21", false);
        assertThat(matches(out)).containsExactly("equal http://loinc.org|8480-6 from -");
        assertThat(out.getParameter("message")).isNull();
    }

    @Test
    void anUnknownMapUrlIs404() {
        assertThatThrownBy(() -> translate("http://example.org/ConceptMap/nope", CIS, "62080626", null, false))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("no concept map");
    }

    @Test
    void reverseGoesFromThePivotCodeBackToTheNationalOnesWithTheEquivalenceInverted() {
        Parameters out = translate(null, ATC, "H03AA01", null, true);
        assertThat(result(out)).isTrue();
        assertThat(matches(out)).contains("narrower " + CIS + "|62080626 from " + DEMO_MAP);
        Parameters otherMapOnly = translate(OTHER_MAP, ATC, "H03AA01", null, true);
        assertThat(result(otherMapOnly)).isFalse();
        assertThat(matches(translate(OTHER_MAP, ATC, "H03AA51", null, true)))
                .containsExactly("wider " + CIS + "|62080626 from " + OTHER_MAP);
    }

    private static String message(Parameters out) {
        return out.getParameter("message").getValue().primitiveValue();
    }

    private static boolean result(Parameters out) {
        return ((BooleanType) out.getParameter("result").getValue()).booleanValue();
    }

    private static List<String> matches(Parameters out) {
        return out.getParameter().stream().filter(p -> p.getName().equals("match")).map(m -> {
            Coding c = (Coding) part(m, "concept").getValue();
            ParametersParameterComponent source = part(m, "source");
            return part(m, "equivalence").getValue().primitiveValue() + " " + c.getSystem() + "|" + c.getCode()
                    + " from " + (source == null ? "-" : source.getValue().primitiveValue());
        }).toList();
    }

    private static ParametersParameterComponent part(ParametersParameterComponent m, String name) {
        return m.getPart().stream().filter(p -> p.getName().equals(name)).findFirst().orElse(null);
    }
}
