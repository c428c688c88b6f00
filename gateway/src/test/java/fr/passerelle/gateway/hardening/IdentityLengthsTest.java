package fr.passerelle.gateway.hardening;

import static fr.passerelle.gateway.testsupport.SafeAnswers.assertNoInternals;
import static fr.passerelle.gateway.testsupport.SafeAnswers.assertOperationOutcome;
import static fr.passerelle.gateway.testsupport.SafeAnswers.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import fr.passerelle.gateway.fhir.crossborder.CrossBorderRequesters;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.patient.token.DevPatientTokenIssuer;
import fr.passerelle.gateway.soap.AuditRows;
import fr.passerelle.gateway.soap.EhdsiOperation;
import fr.passerelle.gateway.soap.ReceivedXml;
import fr.passerelle.gateway.soap.SoapMessages;
import fr.passerelle.trust.issue.HcpClaims;
import java.net.http.HttpResponse;
import java.security.cert.CertificateEncodingException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Item 2 of the hardening (issue 20): over-long identity fields are refused where they enter — the assertion reader,
 * the bearer-token verifier, the INS, the patient token — with a clear 4xx and, on SOAP, an audited refusal; the
 * audit insert is never the first to notice.
 */
class IdentityLengthsTest extends GatewayUnderAttack {

    private static final Pattern MESSAGE_ID = Pattern.compile("MessageID[^>]*>([^<]+)<");

    @Autowired
    DevPatientTokenIssuer patientTokens;

    @Test
    void aSoapNameIdOver256CharactersIsAnAuditedSecurityFault() {
        HcpClaims doctor = HcpClaims.demoDoctor("ES");
        HcpClaims longNameId = new HcpClaims("dr." + "x".repeat(300) + "@ncp.es", doctor.practitionerName(),
                doctor.roleCode(), doctor.roleDisplayName(), doctor.organisation(), doctor.organisationId(),
                doctor.facilityType(), doctor.pointOfCare(), doctor.homeCommunityId(), doctor.purposeOfUse(),
                doctor.permissions(), doctor.lifetime());

        assertAuditedSecurityFault(signedSoap(EhdsiOperation.PATIENT_DISCOVERY, SoapMessages.xcpdBody(BERTHELOT),
                Optional.empty(), longNameId), "NameID");
    }

    @Test
    void aSoapOrganisationOver256CharactersIsAnAuditedSecurityFault() {
        HcpClaims doctor = HcpClaims.demoDoctor("ES");
        HcpClaims longOrganisation = new HcpClaims(doctor.practitionerId(), doctor.practitionerName(),
                doctor.roleCode(), doctor.roleDisplayName(), "Hospital " + "o".repeat(300), doctor.organisationId(),
                doctor.facilityType(), doctor.pointOfCare(), doctor.homeCommunityId(), doctor.purposeOfUse(),
                doctor.permissions(), doctor.lifetime());

        assertAuditedSecurityFault(signedSoap(EhdsiOperation.PATIENT_DISCOVERY, SoapMessages.xcpdBody(BERTHELOT),
                Optional.empty(), longOrganisation), "AttributeValue");
    }

    private void assertAuditedSecurityFault(String envelope, String named) {
        Matcher id = MESSAGE_ID.matcher(envelope);
        assertThat(id.find()).isTrue();

        HttpResponse<String> response = postSoap("/xcpd", EhdsiOperation.PATIENT_DISCOVERY, envelope);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertNoInternals(response.body());
        String reason = ReceivedXml.parse(response.body()).text("//soap:Fault/soap:Reason/soap:Text");
        assertThat(reason).contains(named).contains("longer than 256");
        assertThat(AuditRows.of(dataSource, id.group(1))).singleElement().satisfies(row -> {
            assertThat(row.get("OUTCOME")).isEqualTo("REFUSED");
            assertThat(row.get("DECIDING_RULE")).isEqualTo("TRUST_STRUCTURE");
            assertThat(reason).startsWith(row.get("ERROR_CODE") + ":");
        });
    }

    @Test
    void aBearerTokenWhoseJtiIsOver1000CharactersIs401NamingTheClaim() {
        HttpResponse<String> response = http().get("/fhir/Patient?identifier=urn:oid:" + Ins.TEST_NIR + "%7C"
                + BERTHELOT.value(), Map.of("Authorization", token("jti", "j".repeat(1_100)),
                "Accept", "application/fhir+json"));

        OperationOutcome outcome = assertOperationOutcome(response, 401);
        assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains("jti is longer than 256");
    }

    @Test
    void aBearerTokenWhoseOrganisationIsOver256CharactersIs401() {
        HttpResponse<String> response = http().get("/fhir/Patient?identifier=urn:oid:" + Ins.TEST_NIR + "%7C"
                + BERTHELOT.value(), Map.of("Authorization", token("subject_organization", "o".repeat(300)),
                "Accept", "application/fhir+json"));

        assertThat(assertOperationOutcome(response, 401).getIssueFirstRep().getDiagnostics())
                .contains("subject_organization is longer than 256");
    }

    @Test
    void samlHeadersWithAnOverlongNameIdAre401() {
        HcpClaims doctor = HcpClaims.demoDoctor("ES");
        HcpClaims longNameId = new HcpClaims("n".repeat(400), doctor.practitionerName(), doctor.roleCode(),
                doctor.roleDisplayName(), doctor.organisation(), doctor.organisationId(), doctor.facilityType(),
                doctor.pointOfCare(), doctor.homeCommunityId(), doctor.purposeOfUse(), doctor.permissions(),
                doctor.lifetime());
        Map<String, String> headers = new java.util.HashMap<>(CrossBorderRequesters.samlHeaders(spain(), longNameId,
                null));
        headers.put("Accept", "application/fhir+json");

        HttpResponse<String> response = http().get("/fhir/Patient?identifier=urn:oid:" + Ins.TEST_NIR + "%7C"
                + BERTHELOT.value(), headers);

        assertThat(assertOperationOutcome(response, 401).getIssueFirstRep().getDiagnostics()).contains("NameID");
    }

    @Test
    void anInsOver32CharactersIsAClientErrorOnEveryRoad() {
        String tooLong = "1".repeat(65);
        assertOperationOutcome(http().get("/fhir/Patient?identifier=urn:oid:" + Ins.TEST_NIR + "%7C" + tooLong,
                fhirHeaders(null)), 400);
        assertProblem(http().get("/api/admin/patients/" + Ins.TEST_NIR + "/" + tooLong + "/consent",
                Map.of("Authorization", fr.passerelle.gateway.testsupport.DemoOperator.basic())), 400);
    }

    @Test
    void aPatientTokenNamingAn5000CharacterInsIsRefusedAsAProblem() {
        String token = patientTokens.issue(Ins.TEST_NIR, "2".repeat(5_000)).token();

        HttpResponse<String> response = http().get("/api/patient/consent",
                Map.of("Authorization", "Bearer " + token));

        assertProblem(response, 403);
        assertThat(response.body()).contains("not an INS");
    }

    /** A Spanish doctor's bearer token with one claim replaced. */
    private String token(String claim, String value) {
        HcpClaims doctor = HcpClaims.demoDoctor("ES");
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer("urn:idp:ES:countryB")
                .subject(doctor.practitionerId()).audience(CrossBorderRequesters.AUDIENCE)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(120)))
                .jwtID(java.util.UUID.randomUUID().toString())
                .claim("subject_role", doctor.roleCode()).claim("subject_name", doctor.practitionerName())
                .claim("subject_organization", doctor.organisation())
                .claim("subject_organization_id", doctor.organisationId())
                .claim("permissions", doctor.permissions()).claim("purpose_of_use", "TREATMENT")
                .claim(claim, value);
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).x509CertChain(List.of(
                    com.nimbusds.jose.util.Base64.encode(spain().certificate().getEncoded()))).build(), claims.build());
            jwt.sign(new RSASSASigner(spain().privateKey()));
            return "Bearer " + jwt.serialize();
        } catch (JOSEException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
