package fr.passerelle.gateway.fhir.crossborder;

import static fr.passerelle.gateway.testsupport.SafeAnswers.assertOperationOutcome;
import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.util.FhirTerser;
import fr.passerelle.gateway.consent.ConsentStore;
import fr.passerelle.gateway.consent.CountryScope;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.soap.DemoExchanges;
import fr.passerelle.gateway.testsupport.DemoGatewayTest;
import fr.passerelle.gateway.testsupport.DemoOperator;
import fr.passerelle.gateway.testsupport.RawHttp;
import fr.passerelle.gateway.trust.TrustConfiguration;
import fr.passerelle.trust.issue.CountrySigner;
import fr.passerelle.trust.issue.HcpClaims;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a foreign NCP's client sees of the FHIR road (issue 19): {@code /metadata} says how to be believed and which
 * searches work; a patient's id is the server's own and no INS comes back in an id, a reference, a {@code fullUrl} or a
 * link; a token is accepted once and an ill-typed claim is named.
 */
@DemoGatewayTest
class PartnerViewTest {

    static {
        DemoOperator.install();
    }

    private static final FhirContext CONTEXT = FhirContext.forR4Cached();
    private static final Ins PATIENT = DemoExchanges.BERTHELOT;

    @LocalServerPort
    int port;

    @Autowired
    TrustConfiguration.DemoTrust demoTrust;

    @Autowired
    ConsentStore consents;

    @Autowired
    FhirPatientIds patientIds;

    private CountrySigner spain() {
        return demoTrust.pki().orElseThrow().signer("ES");
    }

    private Map<String, String> headers(HcpClaims claims, Ins treated) {
        return Map.of("Authorization", CrossBorderRequesters.bearer(spain(), claims, treated == null ? null
                        : CrossBorderRequesters.trcPatient(treated.oid(), treated.value()), CrossBorderRequesters.AUDIENCE,
                        240), "Accept", "application/fhir+json");
    }

    private HttpResponse<String> get(String path, HcpClaims claims, Ins treated) {
        return new RawHttp(port).get(path, headers(claims, treated));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void theCapabilityStatementSaysHowToBeBelievedAndWhichSearchesWork() {
        HttpResponse<String> metadata = new RawHttp(port).get("/fhir/metadata", Map.of("Accept", "application/fhir+json"));
        assertThat(metadata.statusCode()).isEqualTo(200);
        CapabilityStatement capability = (CapabilityStatement) CONTEXT.newJsonParser().parseResource(metadata.body());

        CapabilityStatement.CapabilityStatementRestSecurityComponent security = capability.getRestFirstRep()
                .getSecurity();
        assertThat(security.getService()).flatExtracting(concept -> concept.getCoding())
                .extracting(coding -> coding.getSystem() + "#" + coding.getCode())
                .containsExactly(CapabilitySecurityCodes.SYSTEM + "#OAuth", CapabilitySecurityCodes.SYSTEM + "#Certificates");
        assertThat(security.getDescription()).contains("`iss`", "`jti`", "`permissions` (array of strings",
                "accepted **once**", "X-HCP-Assertion", "urn:passerelle:ncp-fr:fhir", "Patient?identifier=");

        Map<String, Set<String>> searches = capability.getRestFirstRep().getResource().stream().collect(
                Collectors.toMap(r -> r.getType(), r -> r.getSearchParam().stream().map(p -> p.getName())
                        .collect(Collectors.toSet())));
        assertThat(searches.get("Patient")).contains("identifier", "_id");
        assertThat(searches.get("DocumentReference")).contains("patient", "patient.identifier");
        assertThat(searches.get("MedicationRequest")).contains("patient", "patient.identifier");
        assertThat(capability.getRestFirstRep().getResource().stream().filter(r -> r.getType().equals("DocumentReference"))
                .flatMap(r -> r.getSearchParam().stream()).filter(p -> p.getName().equals("patient.identifier"))
                .findFirst().orElseThrow().getDocumentation()).contains("urn:oid:<INS OID>|<INS>");
    }

    @Test
    void noInsTravelsInAnIdAReferenceAFullUrlOrALink() {
        DemoExchanges.consent(consents, PATIENT, new CountryScope.AllParticipating());
        HcpClaims doctor = HcpClaims.demoDoctor("ES");
        HcpClaims pharmacist = doctor.withRole("2262", "Pharmacists");
        String system = "urn:oid:" + PATIENT.oid() + "|" + PATIENT.value();
        String id = patientIds.idOf(PATIENT);

        Bundle found = bundle(get("/fhir/Patient?identifier=" + encode(system), doctor, null));
        assertThat(found.getEntry()).singleElement().satisfies(entry -> {
            assertThat(entry.getResource().getIdElement().getIdPart()).isEqualTo(id);
            assertThat(((Patient) entry.getResource()).getIdentifierFirstRep().getValue()).isEqualTo(PATIENT.value());
        });
        assertThat(found.getLink("self").getUrl()).contains("_id=" + id);
        Bundle byId = bundle(get("/fhir/Patient?_id=" + id, doctor, null));
        assertThat(byId.getEntry()).singleElement().extracting(e -> e.getResource().getIdElement().getIdPart())
                .isEqualTo(id);

        // A client that keeps the INS out of its URLs too searches with a form body.
        Map<String, String> form = new java.util.HashMap<>(headers(doctor, null));
        form.put("Content-Type", "application/x-www-form-urlencoded");
        Bundle posted = bundle(new RawHttp(port).send("POST", "/fhir/Patient/_search", form,
                "identifier=" + encode(system)));
        assertThat(posted.getEntry()).singleElement().extracting(e -> e.getResource().getIdElement().getIdPart())
                .isEqualTo(id);

        Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
        answers.put("search", get("/fhir/Patient?identifier=" + encode(system), doctor, null));
        answers.put("summary", get("/fhir/Patient/" + id + "/$summary", doctor, PATIENT));
        answers.put("summary by identifier", get("/fhir/Patient/$summary?identifier=" + encode(system), doctor,
                PATIENT));
        answers.put("documents", get("/fhir/DocumentReference?patient=" + encode("Patient/" + id) + "&_count=1",
                doctor, PATIENT));
        answers.put("documents by identifier", get("/fhir/DocumentReference?patient.identifier=" + encode(system)
                + "&_count=1", doctor, PATIENT));
        answers.put("prescriptions", get("/fhir/MedicationRequest?patient=" + encode("Patient/" + id)
                + "&_include=MedicationRequest:medication&_count=1", pharmacist, PATIENT));
        answers.put("prescriptions by identifier", get("/fhir/MedicationRequest?patient.identifier=" + encode(system)
                + "&_count=1", pharmacist, PATIENT));

        int links = 0;
        for (Map.Entry<String, HttpResponse<String>> answer : answers.entrySet()) {
            assertThat(answer.getValue().statusCode()).as(answer.getKey()).isEqualTo(200);
            answer.getValue().headers().map().forEach((name, values) ->
                    assertThat(values).as(answer.getKey() + " header " + name).noneMatch(v -> v.contains(PATIENT.value())));
            Bundle bundle = bundle(answer.getValue());
            List<String> urls = urls(bundle);
            assertThat(urls).as(answer.getKey()).isNotEmpty().noneMatch(url -> url.contains(PATIENT.value()));
            if (!answer.getKey().startsWith("prescriptions")) {
                assertThat(answer.getValue().body()).as(answer.getKey() + ": the INS is still given as an identifier")
                        .contains(PATIENT.value());
            }
            links += bundle.getLink().size();
            if (bundle.getLink("next") != null) {
                String next = bundle.getLink("next").getUrl();
                String path = next.substring(next.indexOf("/fhir/"));
                HttpResponse<String> page = get(path, answer.getKey().startsWith("prescriptions") ? pharmacist : doctor,
                        PATIENT);
                assertThat(page.statusCode()).as(answer.getKey() + " next page").isEqualTo(200);
                assertThat(urls(bundle(page))).noneMatch(url -> url.contains(PATIENT.value()));
            }
        }
        assertThat(links).isGreaterThan(answers.size());
    }

    @Test
    void anAlteredForeignOrInsShapedPatientIdIs404NeverA500() {
        HcpClaims doctor = HcpClaims.demoDoctor("ES");
        String id = patientIds.idOf(PATIENT);
        String altered = id.substring(0, 10) + (id.charAt(10) == 'A' ? 'B' : 'A') + id.substring(11);
        for (String wrong : List.of(altered, PATIENT.oid() + "-" + PATIENT.value(), "nobody")) {
            HttpResponse<String> summary = get("/fhir/Patient/" + wrong + "/$summary", doctor, PATIENT);
            assertThat(assertOperationOutcome(summary, 404).getIssueFirstRep().getDetails().getCodingFirstRep()
                    .getCode()).as(wrong).isEqualTo("ERROR_PI_NO_MATCH");
            HttpResponse<String> documents = get("/fhir/DocumentReference?patient=" + encode("Patient/" + wrong), doctor,
                    PATIENT);
            assertOperationOutcome(documents, 404);
            assertThat(bundle(get("/fhir/Patient?_id=" + encode(wrong), doctor, null)).getEntry()).as(wrong).isEmpty();
        }
    }

    @Test
    void aTokenIsAcceptedOnceAndAnIllTypedClaimIsNamed() {
        DemoExchanges.consent(consents, PATIENT, new CountryScope.AllParticipating());
        Map<String, String> once = headers(HcpClaims.demoDoctor("ES"), PATIENT);
        String path = "/fhir/Patient/" + patientIds.idOf(PATIENT) + "/$summary";

        assertThat(new RawHttp(port).get(path, once).statusCode()).isEqualTo(200);
        HttpResponse<String> replayed = new RawHttp(port).get(path, once);
        assertThat(assertOperationOutcome(replayed, 401).getIssueFirstRep().getDiagnostics())
                .startsWith("replay: the bearer token's jti was already used");
        assertThat(replayed.headers().firstValue("WWW-Authenticate")).isPresent();
    }

    private static Bundle bundle(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return (Bundle) CONTEXT.newJsonParser().parseResource(response.body());
    }

    /** Every URL-like value of a bundle: links, fullUrls, resource ids, references, attachment urls. */
    private static List<String> urls(Bundle bundle) {
        List<String> urls = new ArrayList<>();
        bundle.getLink().forEach(link -> urls.add(link.getUrl()));
        FhirTerser terser = CONTEXT.newTerser();
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            urls.add(entry.getFullUrl());
            Resource resource = entry.getResource();
            urls.add(resource.getId());
            for (IBaseResource contained : terser.getAllEmbeddedResources(resource, true)) {
                urls.add(contained.getIdElement().getValue());
            }
            terser.getAllPopulatedChildElementsOfType(resource, Reference.class)
                    .forEach(reference -> urls.add(reference.getReference()));
            terser.getAllPopulatedChildElementsOfType(resource, Attachment.class)
                    .forEach(attachment -> urls.add(attachment.getUrl()));
        }
        urls.removeIf(url -> url == null);
        return urls;
    }

    /** The restful-security-service code system. */
    private static final class CapabilitySecurityCodes {
        static final String SYSTEM = "http://terminology.hl7.org/CodeSystem/restful-security-service";
    }
}
