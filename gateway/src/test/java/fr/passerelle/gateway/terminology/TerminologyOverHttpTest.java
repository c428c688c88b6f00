package fr.passerelle.gateway.terminology;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.UriType;
import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The FHIR terminology operations and the admin reload, through HTTP, against the real MVC on a random port. */
class TerminologyOverHttpTest extends TerminologyGatewayContext {

    static final String ACTIVE_INGREDIENT = "1.3.6.1.4.1.12559.11.10.1.3.1.42.24";
    static final String LAB_CODE = "http://terminology.ehdsi.eu/ValueSet/eHDSILabCode";
    static final String CIS = "urn:oid:1.2.250.1.213.2.3.1";

    IGenericClient fhir;

    @BeforeEach
    void client() {
        FhirContext ctx = FhirContext.forR4Cached();
        ctx.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        fhir = ctx.newRestfulGenericClient(base + "/fhir");
    }

    private Parameters translate(String system, String code, String target) {
        Parameters in = new Parameters();
        in.addParameter("system", new UriType(system));
        in.addParameter("code", new CodeType(code));
        if (target != null) {
            in.addParameter("target", new UriType(target));
        }
        return fhir.operation().onType(ConceptMap.class).named("$translate").withParameters(in).execute();
    }

    @Test
    void translateGivesThePivotCodeOfAFrenchDrug() {
        Parameters out = translate(CIS, "62080626", ACTIVE_INGREDIENT);
        assertThat(out.getParameterBool("result")).isTrue();
        Coding concept = (Coding) out.getParameter().stream().filter(p -> p.getName().equals("match")).findFirst()
                .orElseThrow().getPart().stream().filter(p -> p.getName().equals("concept")).findFirst().orElseThrow()
                .getValue();
        assertThat(concept.getSystem()).isEqualTo("http://www.whocc.no/atc");
        assertThat(concept.getCode()).isEqualTo("H03AA01");
        assertThat(concept.getDisplay()).isEqualTo("levothyroxine sodium");
        // a product and its ATC class: the pivot is broader, and the answer says so
        assertThat(out.getParameter("message").getValue().primitiveValue())
                .startsWith("H03AA01: the pivot concept is broader than the source 62080626 (wider;");
    }

    @Test
    void translateByHttpGetAndWithoutTargetListsTheMappings() {
        Parameters in = new Parameters();
        in.addParameter("system", new UriType(CIS));
        in.addParameter("code", new CodeType("63564053"));
        Parameters out = fhir.operation().onType(ConceptMap.class).named("$translate").withParameters(in)
                .useHttpGet().execute();
        assertThat(out.getParameterBool("result")).isTrue();
        assertThat(out.getParameter().stream().filter(p -> p.getName().equals("match")).count()).isEqualTo(1);
    }

    @Test
    void translateReverseAndByMapUrlThroughTheEndpoint() {
        Parameters in = new Parameters();
        in.addParameter("url", new UriType("urn:passerelle:conceptmap:demo")); // the copy is named demo.csv
        in.addParameter("system", new UriType("http://www.whocc.no/atc"));
        in.addParameter("code", new CodeType("H03AA01"));
        in.addParameter("reverse", new org.hl7.fhir.r4.model.BooleanType(true));
        Parameters out = fhir.operation().onType(ConceptMap.class).named("$translate").withParameters(in).execute();
        assertThat(out.getParameterBool("result")).isTrue();
        var match = out.getParameter().stream().filter(p -> p.getName().equals("match")).findFirst().orElseThrow();
        assertThat(((Coding) match.getPart().stream().filter(p -> p.getName().equals("concept")).findFirst()
                .orElseThrow().getValue()).getCode()).isEqualTo("62080626");
        // The demo map says H03AA01 is wider than the French product; read backwards, the product is narrower.
        assertThat(match.getPart().stream().filter(p -> p.getName().equals("equivalence")).findFirst().orElseThrow()
                .getValue().primitiveValue()).isEqualTo("narrower");
    }

    @Test
    void translateWithoutEquivalentAnswersFalseWithTheEhdsiCode() {
        Parameters out = translate("urn:oid:1.2.250.1.213.1.1.4.322", "MED-1096", ACTIVE_INGREDIENT);
        assertThat(out.getParameterBool("result")).isFalse();
        assertThat(out.getParameter("message").getValue().primitiveValue()).contains("4504");
    }

    @Test
    void translateToAnUnknownValueSetIs404WithOperationOutcome() {
        assertThatThrownBy(() -> translate(CIS, "62080626", "1.2.3.999"))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(404);
                    assertThat(e.getOperationOutcome()).isInstanceOf(OperationOutcome.class);
                    assertThat(e.getMessage()).contains("1.2.3.999");
                });
    }

    @Test
    void translateWithoutCodeIs400() {
        Parameters in = new Parameters();
        in.addParameter("system", new UriType(CIS));
        assertThatThrownBy(() -> fhir.operation().onType(ConceptMap.class).named("$translate").withParameters(in)
                .execute()).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.getStatusCode()).isEqualTo(400));
    }

    @Test
    void lookupGivesDisplayInTheRequestedLanguageAndDesignations() {
        Parameters in = new Parameters();
        in.addParameter("system", new UriType("http://standardterms.edqm.eu"));
        in.addParameter("code", new CodeType("20053000"));
        in.addParameter("displayLanguage", new CodeType("de"));
        Parameters out = fhir.operation().onType(CodeSystem.class).named("$lookup").withParameters(in).execute();
        // the EDQM designation (designations/edqm-designations.csv) over the demo one
        assertThat(out.getParameter("display").getValue().primitiveValue()).isEqualTo("zum Einnehmen");
        // en (demo) and the six EDQM languages de, el, es, fr, it, pt
        assertThat(out.getParameter().stream().filter(p -> p.getName().equals("designation"))
                .map(d -> d.getPart().get(0).getValue().primitiveValue()))
                .containsExactly("de", "el", "en", "es", "fr", "it", "pt");
    }

    @Test
    void lookupOfAnUnknownCodeIs404() {
        Parameters in = new Parameters();
        in.addParameter("system", new UriType("http://loinc.org"));
        in.addParameter("code", new CodeType("0000-0"));
        assertThatThrownBy(() -> fhir.operation().onType(CodeSystem.class).named("$lookup").withParameters(in)
                .execute()).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void validateCodeAnswersMembership() {
        Parameters in = new Parameters();
        in.addParameter("url", new UriType("urn:oid:" + ACTIVE_INGREDIENT));
        in.addParameter("system", new UriType("http://www.whocc.no/atc"));
        in.addParameter("code", new CodeType("N02BE01"));
        Parameters ok = fhir.operation().onType(ValueSet.class).named("$validate-code").withParameters(in).execute();
        assertThat(ok.getParameterBool("result")).isTrue();
        assertThat(ok.getParameter("display").getValue().primitiveValue()).isEqualTo("paracetamol");

        Parameters wrong = new Parameters();
        wrong.addParameter("url", new UriType(LAB_CODE));
        wrong.addParameter("system", new UriType("http://www.whocc.no/atc"));
        wrong.addParameter("code", new CodeType("N02BE01"));
        Parameters no = fhir.operation().onType(ValueSet.class).named("$validate-code").withParameters(wrong).execute();
        assertThat(no.getParameterBool("result")).isFalse();
        assertThat(no.getParameter("message").getValue().primitiveValue()).contains("not in value set");
    }

    @Test
    void expandPagesLargeValueSetsAndFilters() {
        Parameters in = new Parameters();
        in.addParameter("url", new UriType(LAB_CODE));
        in.addParameter("count", new IntegerType(10));
        in.addParameter("offset", new IntegerType(20));
        ValueSet page = fhir.operation().onType(ValueSet.class).named("$expand").withParameters(in)
                .returnResourceType(ValueSet.class).execute();
        assertThat(page.getExpansion().getTotal()).isGreaterThan(50_000);
        assertThat(page.getExpansion().getOffset()).isEqualTo(20);
        assertThat(page.getExpansion().getContains()).hasSize(10);

        Parameters filtered = new Parameters();
        filtered.addParameter("url", new UriType("http://terminology.ehdsi.eu/ValueSet/eHDSIRouteofAdministration"));
        filtered.addParameter("filter", new StringType("oral"));
        ValueSet routes = fhir.operation().onType(ValueSet.class).named("$expand").withParameters(filtered)
                .returnResourceType(ValueSet.class).execute();
        assertThat(routes.getExpansion().getContains()).extracting(ValueSet.ValueSetExpansionContainsComponent::getCode)
                .contains("20053000");
        assertThat(routes.getExpansion().getContains()).allSatisfy(c ->
                assertThat(c.getDisplay().toLowerCase() + " " + c.getCode()).contains("oral"));
    }

    @Test
    void expandRefusesPagesLargerThanTheMaximum() {
        Parameters in = new Parameters();
        in.addParameter("url", new UriType(LAB_CODE));
        in.addParameter("count", new IntegerType(100_000));
        assertThatThrownBy(() -> fhir.operation().onType(ValueSet.class).named("$expand").withParameters(in)
                .returnResourceType(ValueSet.class).execute())
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.getMessage()).contains("offset"));
    }

    @Test
    void adminReloadSwapsOrRefusesAndKeepsTheLiveCatalogue() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString("op:s3cret-operator".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/terminology/reload"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);

        HttpResponse<String> ok = http.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/terminology/reload"))
                .header("Authorization", auth).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("\"status\":\"reloaded\"");

        Path bad = DATA.resolve("concept-maps/zz-bad.csv");
        Files.writeString(bad, "source_system,source_code,target_system,target_code,equivalence\n"
                + "1.2.250.1.213.2.3.1,1,2.16.840.1.113883.6.73,\"N02BE01,wider\n");
        try {
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/terminology/reload"))
                    .header("Authorization", auth).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(refused.body()).contains("zz-bad.csv:2").contains("unterminated quoted field");
            assertThat(translate(CIS, "62080626", ACTIVE_INGREDIENT).getParameterBool("result"))
                    .isTrue();
        } finally {
            Files.delete(bad);
        }
    }
}
