package fr.passerelle.gateway.fhir.crossborder;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import fr.passerelle.gateway.exchange.IdentificationOutcome;
import fr.passerelle.gateway.exchange.IdentificationPolicy;
import fr.passerelle.gateway.exchange.PatientIdentification;
import fr.passerelle.gateway.exchange.PatientQuery;
import fr.passerelle.gateway.fhir.outcome.FhirRefusal;
import fr.passerelle.gateway.fhir.requester.RequesterInterceptor;
import fr.passerelle.gateway.healthspace.AdministrativeGender;
import fr.passerelle.gateway.healthspace.FrenchPatient;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.healthspace.PatientSearch;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.UriType;
import org.springframework.stereotype.Component;

/**
 * Patient identification (MyHealth@EU {@code Patient?identifier=}, IHE PDQm {@code $match}) and the IPS
 * {@code $summary} operation at instance and type level.
 */
@Component
public class PatientProvider implements IResourceProvider {

    static final String MATCH_GRADE = "http://hl7.org/fhir/StructureDefinition/match-grade";

    private final PatientIdentification identification;
    private final SummaryResponder summaries;
    private final FhirPatientIds patientIds;

    public PatientProvider(PatientIdentification identification, SummaryResponder summaries,
                           FhirPatientIds patientIds) {
        this.identification = identification;
        this.summaries = summaries;
        this.patientIds = patientIds;
    }

    @Override
    public Class<Patient> getResourceType() {
        return Patient.class;
    }

    /** {@code GET /Patient?identifier=urn:oid:<INS OID>|<INS>}: the patient in the minimal MyHealth@EU shape. */
    @Search
    public List<Patient> byIdentifier(@RequiredParam(name = Patient.SP_IDENTIFIER) TokenOrListParam identifiers,
                                      RequestDetails request) {
        return identified(identifiers.getValuesAsQueryTokens().stream()
                .map(token -> FhirIds.ins(token.getSystem(), token.getValue())).toList(), request);
    }

    /**
     * {@code GET /Patient?_id=<id>}: the patient of one of this server's ids, under the same identification rules as
     * by INS (consent, controls); an id this server did not make finds nobody. The page links of a search by
     * identifier are written this way ({@link PatientLinks}), so that no INS travels in them.
     */
    @Search
    public List<Patient> byId(@RequiredParam(name = "_id") TokenParam id, RequestDetails request) {
        return patientIds.insOf(id.getValue()).map(ins -> identified(List.of(ins), request)).orElse(List.of());
    }

    /** The patient these INS name, under the identification rules; a refusal is thrown as its FHIR answer. */
    private List<Patient> identified(List<Ins> ins, RequestDetails request) {
        IdentificationOutcome outcome = identification.identify(RequesterInterceptor.callOf(request),
                new PatientQuery(ins, Optional.empty()));
        if (outcome instanceof IdentificationOutcome.Refused refused) {
            throw FhirRefusal.of(refused.refusal());
        }
        return outcome instanceof IdentificationOutcome.Identified identified
                ? List.of(minimal(identified.patient(), patientIds)) : List.of();
    }

    /**
     * {@code POST /Patient/$match} (IHE PDQm ITI-119): French identity vigilance returns one certain match or
     * none; several candidates are refused rather than ranked.
     */
    @Operation(name = "$match", idempotent = false, returnParameters = {})
    public Bundle match(@OperationParam(name = "resource", min = 1, max = 1) Patient patient,
                        @OperationParam(name = "onlyCertainMatches", max = 1) BooleanType onlyCertain,
                        @OperationParam(name = "count", max = 1) IntegerType count,
                        RequestDetails request) {
        if (patient == null) {
            throw FhirRefusal.invalid("$match needs a Patient in the 'resource' parameter");
        }
        List<Ins> ins = patient.getIdentifier().stream()
                .map(identifier -> FhirIds.ins(identifier.getSystem(), identifier.getValue())).toList();
        Optional<PatientSearch> traits = traits(patient);
        if (ins.isEmpty() && traits.isEmpty()) {
            throw FhirRefusal.invalid("$match identifies a patient by " + IdentificationPolicy.REQUIREMENT);
        }
        IdentificationOutcome outcome = identification.identify(RequesterInterceptor.callOf(request),
                new PatientQuery(ins, traits));
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        if (outcome instanceof IdentificationOutcome.Refused refused) {
            throw FhirRefusal.of(refused.refusal());
        }
        if (outcome instanceof IdentificationOutcome.Insufficient insufficient) {
            throw FhirRefusal.invalid("$match: " + insufficient.reason());
        }
        if (outcome instanceof IdentificationOutcome.Identified identified) {
                Patient found = minimal(identified.patient(), patientIds);
                Bundle.BundleEntryComponent entry = bundle.addEntry().setResource(found)
                        .setFullUrl(request.getFhirServerBase() + "/Patient/" + found.getIdElement().getIdPart());
                entry.getSearch().setMode(Bundle.SearchEntryMode.MATCH).setScore(1);
                entry.getSearch().addExtension(new Extension(MATCH_GRADE, new CodeType("certain")));
        }
        return bundle.setTotal(bundle.getEntry().size());
    }

    /** {@code GET /Patient/{id}/$summary}. */
    @Operation(name = "$summary", idempotent = true, manualResponse = true)
    public void summary(@IdParam IdType id, @OperationParam(name = "profile", max = 1) UriType profile,
                        RequestDetails request, HttpServletResponse response) throws IOException {
        summaries.respond(patientIds.insOfRequested(id.getIdPart()), profile, request, response);
    }

    /** {@code GET /Patient/$summary?identifier=system|value}. */
    @Operation(name = "$summary", idempotent = true, manualResponse = true)
    public void summaryByIdentifier(@OperationParam(name = "identifier", min = 1, max = 1) TokenParam identifier,
                                    @OperationParam(name = "profile", max = 1) UriType profile,
                                    RequestDetails request, HttpServletResponse response) throws IOException {
        if (identifier == null || identifier.getValue() == null) {
            throw FhirRefusal.invalid("$summary at type level needs identifier=system|value");
        }
        summaries.respond(FhirIds.ins(identifier.getSystem(), identifier.getValue()), profile, request, response);
    }

    /** The minimal MyHealth@EU patient: INS, names, gender, birth date; what the professional confirms identity with. */
    static Patient minimal(FrenchPatient french, FhirPatientIds ids) {
        Patient patient = identity(french);
        patient.setId(ids.idOf(french.ins()));
        return patient;
    }

    /** The patient's identity as the health space holds it: INS, names, gender, birth date. */
    static Patient identity(FrenchPatient french) {
        Patient patient = new Patient();
        patient.addIdentifier().setSystem(FhirIds.INS_SYSTEM_PREFIX + french.ins().oid()).setValue(french.ins().value());
        patient.addName().setFamily(french.familyName()).setGiven(french.givenNames().stream()
                .map(org.hl7.fhir.r4.model.StringType::new).toList());
        patient.setGender(switch (french.gender()) {
            case FEMALE -> Enumerations.AdministrativeGender.FEMALE;
            case MALE -> Enumerations.AdministrativeGender.MALE;
            case UNDIFFERENTIATED -> Enumerations.AdministrativeGender.OTHER;
        });
        patient.setBirthDate(java.util.Date.from(french.birthDate().atStartOfDay(ZoneOffset.UTC).toInstant()));
        patient.getBirthDateElement().setPrecision(ca.uhn.fhir.model.api.TemporalPrecisionEnum.DAY);
        return patient;
    }

    private static Optional<PatientSearch> traits(Patient patient) {
        String family = patient.getName().stream().map(n -> n.getFamily()).filter(f -> f != null && !f.isBlank())
                .findFirst().orElse(null);
        String given = patient.getName().stream().flatMap(n -> n.getGiven().stream()).map(g -> g.getValue())
                .filter(g -> g != null && !g.isBlank()).findFirst().orElse(null);
        java.time.LocalDate birth = patient.hasBirthDateElement() ? java.time.LocalDate.of(
                patient.getBirthDateElement().getYear(), patient.getBirthDateElement().getMonth() + 1,
                patient.getBirthDateElement().getDay()) : null;
        AdministrativeGender gender = switch (patient.hasGender() ? patient.getGender() : Enumerations.AdministrativeGender.NULL) {
            case FEMALE -> AdministrativeGender.FEMALE;
            case MALE -> AdministrativeGender.MALE;
            case OTHER -> AdministrativeGender.UNDIFFERENTIATED;
            default -> null;
        };
        if ((family == null) && birth == null) {
            return Optional.empty();
        }
        return Optional.of(new PatientSearch(family, given, birth, gender));
    }
}
