package fr.passerelle.translation.fhir;

import fr.passerelle.translation.TranslationReport;
import fr.passerelle.translation.TranslationReport.NotCarried;
import fr.passerelle.translation.cda.ClinicalEntry;
import fr.passerelle.translation.cda.ClinicalEntry.Allergy;
import fr.passerelle.translation.cda.ClinicalEntry.DeviceUse;
import fr.passerelle.translation.cda.ClinicalEntry.Immunization;
import fr.passerelle.translation.cda.ClinicalEntry.MedicationStatement;
import fr.passerelle.translation.cda.ClinicalEntry.Observation;
import fr.passerelle.translation.cda.ClinicalEntry.PlannedItem;
import fr.passerelle.translation.cda.ClinicalEntry.Problem;
import fr.passerelle.translation.cda.ClinicalEntry.ProcedureEntry;
import fr.passerelle.translation.cda.ClinicalEntry.Qualifier;
import fr.passerelle.translation.cda.ClinicalEntry.Reaction;
import fr.passerelle.translation.cda.ClinicalEntry.Reason;
import fr.passerelle.translation.cda.CodedValue;
import fr.passerelle.translation.cda.Header.InstanceId;
import fr.passerelle.translation.cda.SectionKind;
import fr.passerelle.translation.cda.UniqueIds;
import java.util.Map;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.AllergyIntolerance.AllergyIntoleranceCriticality;
import org.hl7.fhir.r4.model.AllergyIntolerance.AllergyIntoleranceSeverity;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.ClinicalImpression;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.DeviceUseStatement;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.ImmunizationRecommendation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;

/**
 * One IPS resource per French clinical entry, with the same meaning: every allergy reaction with its
 * severity, criticality, verification and clinical status; problem status, severity and certainty; medication
 * reasons; planned items as CarePlan (vaccines as ImmunizationRecommendation); functional status assessments
 * as ClinicalImpression. What FHIR cannot hold exactly is said in a note or reported as not carried.
 */
final class IpsResources {

    private static final String VS = "1.3.6.1.4.1.12559.11.10.1.3.1.42.";
    private static final String UCUM = "http://unitsofmeasure.org";
    private static final String VITAL_SIGNS_PROFILE = "http://hl7.org/fhir/StructureDefinition/vitalsigns";
    private static final String ALLERGY_CLINICAL = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical";
    private static final String ALLERGY_VERIFICATION = "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification";
    private static final String CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    private static final String CONDITION_VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
    private static final String SNOMED_OID = "2.16.840.1.113883.6.96";

    /** SNOMED CT clinical status codes (eHDSIStatusCode) and the FHIR condition-clinical code they mean. */
    private static final Map<String, String> SNOMED_CLINICAL = Map.of("55561003", "active", "73425007", "inactive",
            "413322009", "resolved", "255227004", "recurrence");
    /** SNOMED CT severities with an exact FHIR AllergyIntolerance.reaction.severity. */
    private static final Map<String, AllergyIntoleranceSeverity> SNOMED_SEVERITY = Map.of(
            "255604002", AllergyIntoleranceSeverity.MILD, "6736007", AllergyIntoleranceSeverity.MODERATE,
            "24484000", AllergyIntoleranceSeverity.SEVERE);

    private final FhirCodes codes;
    private final TranslationReport.Builder report;
    private final UniqueIds ids;
    private final Reference subject;
    private final DateTimeType documentDate;

    IpsResources(FhirCodes codes, TranslationReport.Builder report, Reference subject, DateTimeType documentDate) {
        this.codes = codes;
        this.report = report;
        this.ids = new UniqueIds(report::warning);
        this.subject = subject;
        this.documentDate = documentDate;
    }

    /** The resource for an entry of a section, or null when none carries it (then it has been reported). */
    Resource resource(SectionKind kind, ClinicalEntry e, String where) {
        if (e instanceof Allergy a) {
            return allergy(a, where);
        }
        if (e instanceof MedicationStatement m) {
            return medication(m, where);
        }
        if (e instanceof Problem p) {
            return condition(kind, p, where);
        }
        if (e instanceof ProcedureEntry p) {
            return procedure(p, where);
        }
        if (e instanceof Immunization i) {
            return immunization(i, where);
        }
        if (e instanceof DeviceUse d) {
            return device(d, where);
        }
        if (e instanceof Observation o && kind == SectionKind.FUNCTIONAL_STATUS) {
            return functionalAssessment(o, where);
        }
        if (e instanceof Observation o && kind == SectionKind.ADVANCE_DIRECTIVES) {
            report.notCarried(new NotCarried(o.source().xpath(), "advance directive entry", "an IPS advance directive"
                    + " is a Consent, which needs a policy the French document does not give; the directive is in"
                    + " the section narrative of the Bundle"));
            return null;
        }
        if (e instanceof Observation o) {
            return observation(kind, o, where);
        }
        if (e instanceof PlannedItem p) {
            return planned(p, where);
        }
        report.notCarried(new NotCarried(e.source().xpath(), "entry of the " + kind.englishTitle() + " section",
                "no IPS resource for this statement; its section narrative is in the Bundle"));
        return null;
    }

    // ---------------------------------------------------------------- allergies

    private AllergyIntolerance allergy(Allergy a, String where) {
        AllergyIntolerance ai = new AllergyIntolerance();
        identifier(a.id(), a.source(), ai::addIdentifier);
        ai.setPatient(subject);
        CodeableConcept agent = codes.concept(a.agent(), VS + "24", where + ".code", true);
        if (agent == null && isAbsentOrUnknown(a.value())) {
            // "No known allergies", "no information about allergies": IPS codes them in AllergyIntolerance.code.
            agent = absentOrUnknown(a.value());
        }
        ai.setCode(agent != null ? agent : IpsBundleBuilder.unknown());
        ai.setClinicalStatus(allergyClinicalStatus(a, where));
        CodeableConcept verification = verification(a.certainty(), ALLERGY_VERIFICATION, where + ".verificationStatus");
        if (a.negated()) {
            // The author says the patient is NOT allergic to this agent: FHIR's refuted allergy.
            verification = concept(ALLERGY_VERIFICATION, "refuted");
        }
        ai.setVerificationStatus(verification);
        if (a.type() != null && a.type().code() != null) {
            // SNOMED "allergy to …" concepts say allergy; intolerance concepts say intolerance.
            ai.setType(a.type().displayName() != null && a.type().displayName().toLowerCase().contains("intol")
                    || "782197009".equals(a.type().code())
                    ? AllergyIntolerance.AllergyIntoleranceType.INTOLERANCE
                    : AllergyIntolerance.AllergyIntoleranceType.ALLERGY);
        }
        if (a.criticality() != null && a.criticality().value() != null) {
            switch (a.criticality().value().code()) {
                case "low" -> ai.setCriticality(AllergyIntoleranceCriticality.LOW);
                case "high" -> ai.setCriticality(AllergyIntoleranceCriticality.HIGH);
                case "unable-to-assess" -> ai.setCriticality(AllergyIntoleranceCriticality.UNABLETOASSESS);
                default -> report.notCarried(new NotCarried(a.criticality().source().xpath(), "allergy criticality",
                        "not a code of HL7 allergy-intolerance-criticality (low, high, unable-to-assess)"));
            }
        }
        ai.setOnset(FhirDates.dateTime(a.onset()));
        DateTimeType end = FhirDates.dateTime(a.end());
        if (end != null) {
            // When the allergy ended, as the IPS example does it (core extension allergyintolerance-abatement).
            ai.addExtension(new org.hl7.fhir.r4.model.Extension(
                    "http://hl7.org/fhir/StructureDefinition/allergyintolerance-abatement", end));
        }
        int i = 0;
        for (Reaction r : a.reactions()) {
            reaction(ai, r, where + ".reaction[" + (i++) + "]");
        }
        return ai;
    }

    private void reaction(AllergyIntolerance ai, Reaction r, String where) {
        AllergyIntolerance.AllergyIntoleranceReactionComponent reaction = ai.addReaction();
        CodeableConcept m = codes.concept(r.manifestation(), VS + "11", where + ".manifestation", false);
        reaction.addManifestation(m != null ? m : IpsBundleBuilder.unknown());
        reaction.setOnsetElement(FhirDates.dateTime(r.onset()));
        if (r.severity() != null && r.severity().value() != null) {
            CodedValue sev = r.severity().value();
            AllergyIntoleranceSeverity exact = SNOMED_OID.equals(sev.codeSystem()) ? SNOMED_SEVERITY.get(sev.code()) : null;
            if (exact != null) {
                reaction.setSeverity(exact);
            } else {
                // FHIR has mild, moderate and severe only; "mild to moderate", "life threatening"… stay as said.
                reaction.addNote(new Annotation().setText("Severity: " + display(sev) + " (" + sev.codeSystem()
                        + " " + sev.code() + ")"));
            }
        }
    }

    private CodeableConcept allergyClinicalStatus(Allergy a, String where) {
        Qualifier q = a.clinicalStatus();
        if (q == null || q.value() == null) {
            // An allergy the French summary lists without a status is a current one.
            return concept(ALLERGY_CLINICAL, "active");
        }
        String code = q.value().code();
        String mapped = switch (code) {
            case "active", "inactive", "resolved" -> code;
            default -> SNOMED_CLINICAL.containsKey(code) && !"recurrence".equals(SNOMED_CLINICAL.get(code))
                    ? SNOMED_CLINICAL.get(code) : null;
        };
        if (mapped != null) {
            return concept(ALLERGY_CLINICAL, mapped);
        }
        return absent(q, "allergy clinical status", where);
    }

    /** A verification status from a French certainty (FHIR condition-ver-status codes, whatever the OID says). */
    private CodeableConcept verification(Qualifier certainty, String system, String where) {
        if (certainty == null || certainty.value() == null) {
            return null;
        }
        String code = certainty.value().code();
        boolean allergy = ALLERGY_VERIFICATION.equals(system);
        String mapped = switch (code) {
            case "confirmed", "refuted", "unconfirmed", "entered-in-error" -> code;
            // Provisional and differential are kinds of unconfirmed (FHIR condition-ver-status hierarchy);
            // allergy verification has no finer code.
            case "provisional", "differential" -> allergy ? "unconfirmed" : code;
            default -> null;
        };
        if (mapped == null) {
            report.notCarried(new NotCarried(certainty.source().xpath(), "certainty", "not a FHIR verification"
                    + " status code (confirmed, unconfirmed, provisional, differential, refuted)"));
            return null;
        }
        if (certainty.value().codeSystem() != null && !certainty.value().codeSystem().startsWith("2.16.840.1.113883.4.642.")) {
            report.warning("certainty at " + certainty.source().xpath() + " is coded in another code system than"
                    + " HL7 verification status; carried by its code '" + code + "'");
        } else if (certainty.value().codeSystem() != null && certainty.value().codeSystem().equals("2.16.840.1.113883.4.642.4.130")) {
            report.warning("certainty at " + certainty.source().xpath() + " names the criticality code system;"
                    + " carried by its code '" + code + "'");
        }
        return concept(system, mapped);
    }

    // ---------------------------------------------------------------- problems

    private Condition condition(SectionKind kind, Problem p, String where) {
        Condition c = new Condition();
        identifier(p.id(), p.source(), c::addIdentifier);
        c.setSubject(subject);
        CodeableConcept code = isAbsentOrUnknown(p.condition()) ? absentOrUnknown(p.condition())
                : codes.concept(p.condition(), VS + "5", where + ".code", true);
        c.setCode(code != null ? code : IpsBundleBuilder.unknown());
        c.setClinicalStatus(conditionClinicalStatus(kind, p, where));
        c.setVerificationStatus(p.negated() ? concept(CONDITION_VERIFICATION, "refuted")
                : verification(p.certainty(), CONDITION_VERIFICATION, where + ".verificationStatus"));
        if (p.severity() != null) {
            c.setSeverity(codes.concept(p.severity().value(), VS + "13", where + ".severity", false));
        }
        c.setOnset(FhirDates.dateTime(p.onset()));
        c.setAbatement(FhirDates.dateTime(p.resolved()));
        if (p.healthStatus() != null && p.healthStatus().value() != null) {
            // FHIR Condition has no element for the patient's health status with respect to the problem.
            CodedValue h = p.healthStatus().value();
            c.addNote(new Annotation().setText("Health status: " + display(h) + " (" + h.codeSystem() + " "
                    + h.code() + ")"));
        }
        return c;
    }

    private CodeableConcept conditionClinicalStatus(SectionKind kind, Problem p, String where) {
        Qualifier q = p.clinicalStatus();
        if (q == null || q.value() == null) {
            if (p.resolved() != null) {
                return concept(CONDITION_CLINICAL, "resolved");
            }
            // A current problem list says active; a past history without status or end says nothing more.
            return kind == SectionKind.PROBLEMS ? concept(CONDITION_CLINICAL, "active") : null;
        }
        String code = q.value().code();
        String mapped = switch (code) {
            case "active", "recurrence", "relapse", "inactive", "remission", "resolved" -> code;
            default -> SNOMED_CLINICAL.get(code);
        };
        return mapped != null ? concept(CONDITION_CLINICAL, mapped) : absent(q, "problem clinical status", where);
    }

    // ---------------------------------------------------------------- medication, procedures, immunisations, devices

    private Resource medication(MedicationStatement m, String where) {
        org.hl7.fhir.r4.model.MedicationStatement ms = new org.hl7.fhir.r4.model.MedicationStatement();
        identifier(m.id(), m.source(), ms::addIdentifier);
        ms.setStatus(org.hl7.fhir.r4.model.MedicationStatement.MedicationStatementStatus.ACTIVE);
        ms.setSubject(subject);
        CodeableConcept medication = codes.concept(m.product().code(), VS + "24", where + ".medicationCodeableConcept", true);
        if (medication == null && m.product().atc() != null) {
            medication = codes.concept(m.product().atc(), VS + "24", where + ".medicationCodeableConcept", true);
        }
        if (medication != null && m.product().name() != null) {
            medication.setText(m.product().name());
        }
        ms.setMedication(medication != null ? medication : IpsBundleBuilder.unknown());
        Period period = FhirDates.period(m.start(), m.end());
        if (period == null) {
            DateTimeType absent = new DateTimeType();
            absent.addExtension(IpsBundleBuilder.dataAbsent());
            ms.setEffective(absent);
        } else {
            ms.setEffective(period);
        }
        // Every phase of the posology, free text and patient instructions (shared with the MPD).
        for (org.hl7.fhir.r4.model.Dosage d : FhirDosage.of(m.posology(), codes, where + ".dosage")) {
            ms.addDosage(d);
        }
        int i = 0;
        for (Reason r : m.reasons()) {
            CodeableConcept reason = codes.concept(r.code(), VS + "5", where + ".reasonCode[" + (i++) + "]", false);
            if (reason != null) {
                if (r.text() != null) {
                    reason.setText(r.text());
                }
                ms.addReasonCode(reason);
            } else {
                report.notCarried(new NotCarried(r.source().xpath(), "medication reason", "the reason has no code"));
            }
        }
        return ms;
    }

    private Procedure procedure(ProcedureEntry p, String where) {
        Procedure proc = new Procedure();
        identifier(p.id(), p.source(), proc::addIdentifier);
        proc.setStatus(Procedure.ProcedureStatus.COMPLETED);
        proc.setSubject(subject);
        CodeableConcept code = codes.concept(p.code(), VS + "10", where + ".code", false);
        proc.setCode(code != null ? code : IpsBundleBuilder.unknown());
        DateTimeType when = FhirDates.dateTime(p.date());
        if (when == null) {
            when = new DateTimeType();
            when.addExtension(IpsBundleBuilder.dataAbsent());
        }
        proc.setPerformed(when);
        return proc;
    }

    private Resource immunization(Immunization i, String where) {
        org.hl7.fhir.r4.model.Immunization imm = new org.hl7.fhir.r4.model.Immunization();
        identifier(i.id(), i.source(), imm::addIdentifier);
        imm.setStatus(org.hl7.fhir.r4.model.Immunization.ImmunizationStatus.COMPLETED);
        imm.setPatient(subject);
        CodeableConcept vaccine = codes.concept(i.vaccine(), VS + "28", where + ".vaccineCode", false);
        if (vaccine != null && i.productName() != null) {
            vaccine.setText(i.productName());
        }
        imm.setVaccineCode(vaccine != null ? vaccine : IpsBundleBuilder.unknown());
        DateTimeType when = FhirDates.dateTime(i.date());
        imm.setOccurrence(when != null ? when : new StringType("unknown"));
        return imm;
    }

    private DeviceUseStatement device(DeviceUse d, String where) {
        Device device = new Device();
        CodeableConcept type = codes.concept(d.device(), VS + "8", where + ".device.type", false);
        device.setType(type != null ? type : IpsBundleBuilder.unknown());
        device.setPatient(subject);
        DeviceUseStatement dus = new DeviceUseStatement();
        identifier(d.id(), d.source(), dus::addIdentifier);
        dus.setStatus(DeviceUseStatement.DeviceUseStatementStatus.ACTIVE);
        dus.setSubject(subject);
        dus.getDevice().setResource(device);
        dus.setTiming(FhirDates.dateTime(d.start()));
        return dus;
    }

    // ---------------------------------------------------------------- observations

    /**
     * An observation of the vital signs, results, social history or pregnancy section. The LOINC code the
     * French document uses is what IPS expects for these observations, so it is kept; social history codes
     * also get their eHDSISocialHistory pivot coding. Vital signs with a date and a UCUM quantity claim the
     * core vital-signs profile the IPS section slices on.
     */
    private org.hl7.fhir.r4.model.Observation observation(SectionKind kind, Observation o, String where) {
        org.hl7.fhir.r4.model.Observation obs = new org.hl7.fhir.r4.model.Observation();
        identifier(o.id(), o.source(), obs::addIdentifier);
        obs.setStatus(org.hl7.fhir.r4.model.Observation.ObservationStatus.FINAL);
        obs.setSubject(subject);
        String category = switch (kind) {
            case VITAL_SIGNS -> "vital-signs";
            case RESULTS -> "laboratory";
            case SOCIAL_HISTORY -> "social-history";
            default -> null;
        };
        if (category != null) {
            obs.addCategory(concept("http://terminology.hl7.org/CodeSystem/observation-category", category));
        }
        CodeableConcept code = kind == SectionKind.SOCIAL_HISTORY
                ? codes.concept(o.code(), VS + "14", where + ".code", false) : FhirCodes.asIs(o.code());
        obs.setCode(code != null ? code : IpsBundleBuilder.unknown());
        DateTimeType when = FhirDates.dateTime(o.date());
        obs.setEffective(when);
        java.math.BigDecimal number = o.quantity() == null ? null : o.quantity().decimal();
        if (o.codedValue() != null && o.codedValue().isCoded()) {
            obs.setValue(FhirCodes.asIs(o.codedValue()));
        } else if (o.quantity() != null && number == null) {
            // Not an HL7 number (e.g. a decimal comma): carried as written, as text, never guessed; reported.
            obs.setValue(new StringType(o.quantity().value() + (o.quantity().unit() == null ? "" : " " + o.quantity().unit())));
        } else if (o.quantity() != null && o.quantity().unit() != null && !o.quantity().unit().startsWith("{")) {
            // French CDA quantities are UCUM: the unit is also the UCUM code.
            obs.setValue(new org.hl7.fhir.r4.model.Quantity().setValue(number)
                    .setUnit(o.quantity().unit()).setSystem(UCUM).setCode(o.quantity().unit()));
        } else if (o.quantity() != null && isInteger(number)) {
            obs.setValue(new org.hl7.fhir.r4.model.IntegerType(number.intValueExact()));
        } else if (o.quantity() != null) {
            obs.setValue(new org.hl7.fhir.r4.model.Quantity().setValue(number));
        } else if (o.textValue() != null) {
            obs.setValue(new StringType(o.textValue()));
        } else if (FhirDates.dateTime(o.timeValue()) != null) {
            // A date value (an expected delivery date): never "unknown" when the source gives it.
            obs.setValue(FhirDates.dateTime(o.timeValue()));
        } else {
            obs.setDataAbsentReason(concept("http://terminology.hl7.org/CodeSystem/data-absent-reason", "unknown"));
        }
        if (kind == SectionKind.VITAL_SIGNS && when != null && obs.getValue() instanceof org.hl7.fhir.r4.model.Quantity q
                && q.hasSystem()) {
            obs.getMeta().addProfile(VITAL_SIGNS_PROFILE);
        }
        return obs;
    }

    /**
     * A functional status assessment: IPS takes a ClinicalImpression (what was assessed as its code, the result
     * as its finding) — an Observation is not an entry the IPS functional status section accepts.
     */
    private ClinicalImpression functionalAssessment(Observation o, String where) {
        ClinicalImpression ci = new ClinicalImpression();
        identifier(o.id(), o.source(), ci::addIdentifier);
        ci.setStatus(ClinicalImpression.ClinicalImpressionStatus.COMPLETED);
        ci.setSubject(subject);
        ci.setCode(FhirCodes.asIs(o.code()));
        ci.setEffective(FhirDates.dateTime(o.date()));
        if (o.codedValue() != null && o.codedValue().isCoded()) {
            ci.addFinding().setItemCodeableConcept(FhirCodes.asIs(o.codedValue()));
        } else if (o.quantity() != null) {
            ci.setSummary(o.quantity().value() + (o.quantity().unit() == null ? "" : " " + o.quantity().unit()));
        } else if (o.textValue() != null) {
            ci.setSummary(o.textValue());
        }
        return ci;
    }

    // ---------------------------------------------------------------- plan of care

    /**
     * A planned item: a recommended vaccine as ImmunizationRecommendation, anything else as a CarePlan with one
     * activity of the matching kind (MedicationRequest, ServiceRequest, Appointment).
     */
    private Resource planned(PlannedItem p, String where) {
        boolean vaccine = "substanceAdministration".equals(p.act()) && p.actCode() != null
                && "IMMUNIZ".equals(p.actCode().code());
        CodeableConcept code = p.code() == null ? null
                : codes.concept(p.code(), vaccine ? VS + "28" : p.act().equals("substanceAdministration") ? VS + "24"
                : VS + "10", where + ".code", false);
        if (code != null && p.productName() != null) {
            code.setText(p.productName());
        }
        if (vaccine) {
            ImmunizationRecommendation rec = new ImmunizationRecommendation();
            identifier(p.id(), p.source(), rec::addIdentifier);
            rec.setPatient(subject);
            // The recommendation stands as of the document.
            rec.setDateElement(documentDate != null ? documentDate.copy() : DateTimeType.now());
            ImmunizationRecommendation.ImmunizationRecommendationRecommendationComponent r = rec.addRecommendation();
            r.addVaccineCode(code != null ? code : IpsBundleBuilder.unknown());
            r.setForecastStatus(concept("http://terminology.hl7.org/CodeSystem/immunization-recommendation-status", "due"));
            DateTimeType start = FhirDates.dateTime(p.start());
            if (start != null) {
                r.addDateCriterion().setCode(new CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding(
                        "http://loinc.org", "30980-7", "Date vaccine due"))).setValueElement(start);
            }
            r.setDescription(p.narrative());
            return rec;
        }
        CarePlan plan = new CarePlan();
        identifier(p.id(), p.source(), plan::addIdentifier);
        plan.setStatus(CarePlan.CarePlanStatus.ACTIVE);
        plan.setIntent(CarePlan.CarePlanIntent.PLAN);
        plan.setSubject(subject);
        CarePlan.CarePlanActivityDetailComponent detail = plan.addActivity().getDetail();
        detail.setKind(switch (p.act()) {
            case "substanceAdministration" -> CarePlan.CarePlanActivityKind.MEDICATIONREQUEST;
            case "encounter" -> CarePlan.CarePlanActivityKind.APPOINTMENT;
            case "supply" -> CarePlan.CarePlanActivityKind.DEVICEREQUEST;
            default -> CarePlan.CarePlanActivityKind.SERVICEREQUEST;
        });
        if ("substanceAdministration".equals(p.act())) {
            detail.setProduct(code != null ? code : IpsBundleBuilder.unknown());
        } else if (code != null) {
            detail.setCode(code);
        }
        detail.setStatus(switch (p.status() == null ? "" : p.status()) {
            case "cancelled", "nullified", "obsolete" -> CarePlan.CarePlanActivityStatus.CANCELLED;
            case "aborted", "suspended" -> CarePlan.CarePlanActivityStatus.STOPPED;
            default -> p.start() != null ? CarePlan.CarePlanActivityStatus.SCHEDULED
                    : CarePlan.CarePlanActivityStatus.NOTSTARTED;
        });
        detail.setScheduled(FhirDates.period(p.start(), p.end()));
        detail.setDescription(p.narrative() != null ? p.narrative() : p.productName());
        return plan;
    }

    // ---------------------------------------------------------------- helpers

    /** IPS absent and unknown data (HL7 OID 2.16.840.1.113883.5.1150.1), used by eHDSI and the French CI-SIS. */
    private static final String ABSENT_UNKNOWN_OID = "2.16.840.1.113883.5.1150.1";
    private static final String ABSENT_UNKNOWN = "http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips";

    private static boolean isAbsentOrUnknown(CodedValue v) {
        return v != null && ABSENT_UNKNOWN_OID.equals(v.codeSystem()) && v.code() != null;
    }

    private static CodeableConcept absentOrUnknown(CodedValue v) {
        return new CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding(ABSENT_UNKNOWN, v.code(),
                v.displayName()));
    }

    /** A status the source gives in a code FHIR's required binding has no counterpart for: absent, its text kept. */
    private CodeableConcept absent(Qualifier q, String what, String where) {
        report.notCarried(new NotCarried(q.source().xpath(), what, "code " + q.value().codeSystem() + " "
                + q.value().code() + " has no counterpart in the FHIR status value set; written as data absent"
                + " with the source's display as text at " + where));
        CodeableConcept cc = new CodeableConcept();
        cc.addExtension(IpsBundleBuilder.dataAbsent());
        cc.setText(q.value().displayName());
        return cc;
    }

    private void identifier(String id, fr.passerelle.translation.cda.SourceRef where,
                            java.util.function.Consumer<Identifier> add) {
        String unique = ids.unique(id, where);
        if (unique == null) {
            return;
        }
        int caret = unique.indexOf('^');
        add.accept(FhirHeader.identifier(caret < 0 ? new InstanceId(unique, null)
                : new InstanceId(unique.substring(0, caret), unique.substring(caret + 1))));
    }

    static CodeableConcept concept(String system, String code) {
        return new CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding(system, code, null));
    }

    private static String display(CodedValue v) {
        return v.displayName() != null ? v.displayName() : v.code();
    }

    private static boolean isInteger(java.math.BigDecimal n) {
        try {
            n.intValueExact();
            return true;
        } catch (ArithmeticException notAnInt) {
            return false;
        }
    }
}
