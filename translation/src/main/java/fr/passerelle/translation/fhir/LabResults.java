package fr.passerelle.translation.fhir;

import static fr.passerelle.translation.cda.CdaNodes.attr;
import static fr.passerelle.translation.cda.CdaNodes.child;
import static fr.passerelle.translation.cda.CdaNodes.children;
import static fr.passerelle.translation.cda.CdaNodes.hasTemplate;
import static fr.passerelle.translation.cda.CdaNodes.path;

import fr.passerelle.translation.cda.CdaNodes;
import fr.passerelle.translation.cda.Header;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Specimen;
import org.w3c.dom.Element;

/**
 * The results of one CR-BIO entry (IHE PaLM Laboratory Report Data Processing Entry, CI-SIS
 * FR-Resultats-examens-de-biologie-medicale) as FHIR: one Observation per result, a battery as an Observation
 * with {@code hasMember}, the specimen collected as a Specimen, the validating biologist as performer, comments as
 * notes. A microbiology isolate is reported, not carried (see {@link #isolate}).
 */
final class LabResults {

    /** IHE PaLM Laboratory Isolate Organizer, CI-SIS FR-Isolat-microbiologique. */
    private static final Set<String> ISOLATE = Set.of("1.3.6.1.4.1.19376.1.3.1.5", "1.2.250.1.213.1.1.3.79");
    /** IHE PaLM Specimen Collection, CI-SIS FR-Prelevement. */
    private static final Set<String> SPECIMEN_COLLECTION = Set.of("1.3.6.1.4.1.19376.1.3.1.2", "1.2.250.1.213.1.1.3.77");
    /** IHE PaLM Specimen Received, CI-SIS FR-Echantillon-date-reception. */
    private static final Set<String> SPECIMEN_RECEIVED = Set.of("1.3.6.1.4.1.19376.1.3.1.3", "1.2.250.1.213.1.1.3.107");

    private static final Set<String> OBSERVATION_HANDLED = Set.of("code", "statusCode", "effectiveTime", "value",
            "interpretationCode", "methodCode", "referenceRange", "entryRelationship", "participant", "performer");
    private static final Set<String> BATTERY_HANDLED = Set.of("code", "statusCode", "effectiveTime", "component",
            "participant", "performer");
    private static final Set<String> ACT_HANDLED = Set.of("code", "statusCode", "effectiveTime", "entryRelationship",
            "participant", "performer");

    private final LabSource source;
    private final LabValues values;
    private final ResourceIds ids;
    private final Bundle bundle;
    private final Reference subject;
    private final Reference laboratory;
    private final Map<String, Reference> practitioners = new HashMap<>();
    private final List<Reference> specimens = new ArrayList<>();
    private final List<Reference> results = new ArrayList<>();
    private int carried;

    LabResults(LabSource source, ResourceIds ids, Bundle bundle, Reference subject, Reference laboratory) {
        this.source = source;
        this.values = new LabValues(source);
        this.ids = ids;
        this.bundle = bundle;
        this.subject = subject;
        this.laboratory = laboratory;
    }

    /** Every specimen collected, for DiagnosticReport.specimen. */
    List<Reference> specimens() {
        return specimens;
    }

    /** Every top-level result (a result or battery directly under an entry), for DiagnosticReport.result. */
    List<Reference> results() {
        return results;
    }

    /** How many result statements (observations, batteries) became Observations. */
    int carried() {
        return carried;
    }

    /** One laboratory result entry's act; returns its top-level Observations (the section's entries). */
    List<Reference> act(Element act) {
        if (aboutSomeoneElse(act)) {
            return List.of();
        }
        source.reportUnhandled(act, ACT_HANDLED, "laboratory report entry");
        Scope scope = new Scope();
        for (Element p : children(act, "participant")) {
            participant(p, scope, "laboratory report entry");
        }
        for (Element p : children(act, "performer")) {
            performer(p, scope);
        }
        List<Element> collections = children(act, "entryRelationship").stream().map(er -> child(er, "procedure"))
                .filter(procedure -> procedure != null && anyTemplate(procedure, SPECIMEN_COLLECTION)).toList();
        for (Element procedure : collections) {
            scope.specimens.add(specimen(procedure));
        }
        if (scope.specimens.size() > 1) {
            source.warning("a laboratory report entry names " + scope.specimens.size() + " specimens: they are in"
                    + " DiagnosticReport.specimen, not linked to each result (the source does not say which is whose)");
        }
        List<Reference> top = new ArrayList<>();
        List<Observation> topResources = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        for (Element er : children(act, "entryRelationship")) {
            Element statement = firstElement(er);
            if (statement == null || collections.contains(statement)) {
                continue;
            }
            String name = statement.getLocalName();
            if ("observation".equals(name) || "organizer".equals(name)) {
                Observation obs = "observation".equals(name) ? observation(statement, scope) : organizer(statement, scope);
                if (obs != null) {
                    topResources.add(obs);
                    top.add(add(obs));
                }
            } else if (isComment(er, statement)) {
                String comment = source.narrative(child(statement, "text"));
                if (comment != null) {
                    comments.add(comment);
                }
            } else {
                source.notCarried(statement, name + " in a laboratory report entry", "not a result, specimen or comment"
                        + " the FHIR laboratory report models");
            }
        }
        if (!comments.isEmpty() && topResources.isEmpty()) {
            source.notCarried(act, "comment of a laboratory report entry", "no result of the entry carried to attach"
                    + " it to; it is in the section's narrative");
        }
        for (Observation obs : topResources) {
            comments.forEach(c -> obs.addNote(new Annotation().setText(c)));
        }
        results.addAll(top);
        return top;
    }

    // ------------------------------------------------------------------ statements

    private Observation observation(Element observation, Scope scope) {
        if (aboutSomeoneElse(observation)) {
            return null;
        }
        CodeableConcept code = source.concept(child(observation, "code"));
        if (code == null) {
            source.notCarried(observation, "laboratory result", "it has neither a code nor a label (originalText):"
                    + " what was measured is unknown, so its value cannot be carried");
            return null;
        }
        if (!code.hasCoding()) {
            source.warning("the laboratory result at " + CdaNodes.xpath(observation) + " has no code: carried with its"
                    + " label as text only (a receiver cannot process it automatically)");
        }
        source.reportUnhandled(observation, OBSERVATION_HANDLED, "laboratory result");
        Observation obs = base(observation, code, scope);
        values.value(observation, obs);
        values.interpretations(observation, obs);
        List<Element> methods = children(observation, "methodCode");
        if (!methods.isEmpty()) {
            obs.setMethod(source.concept(methods.get(0)));
            for (Element extra : methods.subList(1, methods.size())) {
                source.notCarried(extra, "further method of a laboratory result", "FHIR Observation has one method");
            }
        }
        values.referenceRanges(observation, obs);
        for (Element er : children(observation, "entryRelationship")) {
            Element statement = firstElement(er);
            if (statement != null && isComment(er, statement)) {
                String comment = source.narrative(child(statement, "text"));
                if (comment != null) {
                    obs.addNote(new Annotation().setText(comment));
                }
            } else if (statement != null) {
                source.notCarried(statement, statement.getLocalName() + " related to a laboratory result ("
                        + attr(er, "typeCode") + ")", "not modelled in the FHIR laboratory report");
            }
        }
        if (!obs.hasValue() && !obs.hasDataAbsentReason()) {
            source.warning("the laboratory result at " + CdaNodes.xpath(observation) + " has no value");
        }
        carried++;
        return obs;
    }

    /** A battery (or any organizer of results) as a grouping Observation; an isolate is reported. */
    private Observation organizer(Element organizer, Scope scope) {
        if (anyTemplate(organizer, ISOLATE) || path(organizer, "specimen", "specimenRole", "specimenPlayingEntity") != null
                && "MIC".equals(attr(path(organizer, "specimen", "specimenRole", "specimenPlayingEntity"), "classCode"))) {
            isolate(organizer);
            return null;
        }
        if (aboutSomeoneElse(organizer)) {
            return null;
        }
        CodeableConcept code = source.concept(child(organizer, "code"));
        if (code == null) {
            source.warning("the battery at " + CdaNodes.xpath(organizer) + " has no code nor label: its results are"
                    + " carried under an uncoded grouping");
            code = new CodeableConcept().setText("Laboratory battery (no code in the source)");
        }
        source.reportUnhandled(organizer, BATTERY_HANDLED, "laboratory battery");
        Scope inner = scope.copy();
        for (Element p : children(organizer, "participant")) {
            participant(p, inner, "laboratory battery");
        }
        for (Element p : children(organizer, "performer")) {
            performer(p, inner);
        }
        Observation battery = base(organizer, code, inner);
        List<Observation> members = new ArrayList<>();
        for (Element component : children(organizer, "component")) {
            Element statement = firstElement(component);
            if (statement == null) {
                continue;
            }
            Observation member = switch (statement.getLocalName()) {
                case "observation" -> observation(statement, inner);
                case "organizer" -> organizer(statement, inner);
                default -> null;
            };
            if (member != null) {
                members.add(member);
                battery.addHasMember(add(member));
            } else if ("act".equals(statement.getLocalName()) && child(statement, "text") != null
                    && source.narrative(child(statement, "text")) != null) {
                battery.addNote(new Annotation().setText(source.narrative(child(statement, "text"))));
            } else if (!"observation".equals(statement.getLocalName()) && !"organizer".equals(statement.getLocalName())) {
                source.notCarried(statement, statement.getLocalName() + " in a laboratory battery", "not a result");
            }
        }
        if (!battery.hasEffective()) {
            sharedTime(battery, members);
        }
        carried++;
        return battery;
    }

    /**
     * A statement with its own CDA {@code subject} (a foetus, a relative, a non-human sample) is not about the
     * patient: written with the patient as subject it would say something else. Reported, with everything in it.
     */
    private boolean aboutSomeoneElse(Element statement) {
        Element other = child(statement, "subject");
        if (other == null) {
            return false;
        }
        source.notCarried(statement, "laboratory statement about another subject than the patient (CDA subject)",
                "the FHIR report's results are about the patient; carrying it would change its meaning");
        return true;
    }

    /**
     * A battery without time of its own takes its results' time when they all share one: that is when the battery
     * was done, not a guess. Results at different times leave it without (the source does not say which).
     */
    private static void sharedTime(Observation battery, List<Observation> members) {
        if (members.isEmpty() || !members.get(0).hasEffective()) {
            return;
        }
        org.hl7.fhir.r4.model.Type first = members.get(0).getEffective();
        if (members.stream().allMatch(m -> m.hasEffective() && m.getEffective().equalsDeep(first))) {
            battery.setEffective(first.copy());
        }
    }

    /**
     * A microbiology isolate: the organism identified and the results about it (count, susceptibility). FHIR
     * models it with an isolate Specimen and an organism-identification Observation whose code the CDA does not
     * give (the organism is the specimen's playing entity); the HL7 Europe laboratory profiles that fix that shape
     * are not available here to validate it. Rather than guess a code and a shape, the isolate and each of its
     * results are reported; the section's narrative, carried in the Composition, shows them.
     */
    private void isolate(Element organizer) {
        source.notCarried(organizer, "microbiology isolate (organism identified)", "no validated FHIR model for an"
                + " isolate here; in the section's narrative");
        for (Element obs : CdaNodes.descendants(organizer, "observation")) {
            source.notCarried(obs, "laboratory result about a microbiology isolate (count, susceptibility)",
                    "carried only with its isolate, which is not; in the section's narrative");
        }
    }

    /** What every result Observation has: identifier, status, category, code, subject, time, performers, specimen. */
    private Observation base(Element statement, CodeableConcept code, Scope scope) {
        Observation obs = new Observation();
        for (Element id : children(statement, "id")) {
            if (attr(id, "root") != null) {
                obs.addIdentifier(FhirHeader.identifier(new Header.InstanceId(attr(id, "root"), attr(id, "extension"))));
            }
        }
        obs.setStatus(status(statement));
        obs.addCategory(new CodeableConcept().addCoding(new Coding(
                "http://terminology.hl7.org/CodeSystem/observation-category", "laboratory", "Laboratory")));
        obs.setCode(code);
        obs.setSubject(subject);
        Element time = child(statement, "effectiveTime");
        if (time != null) {
            DateTimeType point = FhirDates.dateTime(attr(time, "value"));
            Period period = point == null ? FhirDates.period(attr(child(time, "low"), "value"),
                    attr(child(time, "high"), "value")) : null;
            if (point != null) {
                obs.setEffective(point);
            } else if (period != null) {
                obs.setEffective(period);
            } else if (attr(time, "nullFlavor") == null) {
                source.notCarried(time, "time of a laboratory result", "not an HL7 timestamp");
            }
        }
        scope.performers.forEach(p -> obs.addPerformer(p.copy()));
        if (laboratory != null) {
            obs.addPerformer(laboratory.copy());
        }
        if (scope.specimens.size() == 1) {
            obs.setSpecimen(scope.specimens.get(0).copy());
        }
        return obs;
    }

    private Observation.ObservationStatus status(Element statement) {
        String code = attr(child(statement, "statusCode"), "code");
        if (code == null) {
            source.warning("the laboratory statement at " + CdaNodes.xpath(statement) + " has no status: 'unknown'");
            return Observation.ObservationStatus.UNKNOWN;
        }
        return switch (code) {
            case "completed" -> Observation.ObservationStatus.FINAL;
            case "active" -> Observation.ObservationStatus.PRELIMINARY;
            case "aborted", "cancelled" -> Observation.ObservationStatus.CANCELLED;
            case "nullified" -> Observation.ObservationStatus.ENTEREDINERROR;
            default -> {
                source.warning("the laboratory statement at " + CdaNodes.xpath(statement) + " has status '" + code
                        + "', which FHIR has not: 'unknown'");
                yield Observation.ObservationStatus.UNKNOWN;
            }
        };
    }

    // ------------------------------------------------------------------ people and specimens

    /** The biologist who validated the results (IHE PaLM participant AUTHEN) is their performer. */
    private void participant(Element participant, Scope scope, String what) {
        String type = attr(participant, "typeCode");
        Element role = child(participant, "participantRole");
        if ("AUTHEN".equals(type) && role != null) {
            scope.performers.add(practitioner(child(role, "id"), path(role, "playingEntity", "name")));
        } else {
            source.notCarried(participant, "participant (" + type + ") of a " + what, "only the validating biologist"
                    + " (AUTHEN) is carried, as performer");
        }
    }

    private void performer(Element performer, Scope scope) {
        Element entity = child(performer, "assignedEntity");
        Element name = path(entity, "assignedPerson", "name");
        if (entity != null && (name != null || child(entity, "id") != null)) {
            scope.performers.add(practitioner(child(entity, "id"), name));
        } else {
            source.notCarried(performer, "performer of a laboratory statement", "no person identified");
        }
    }

    private Reference practitioner(Element id, Element name) {
        String key = id == null ? null : attr(id, "root") + "^" + attr(id, "extension");
        if (key != null && practitioners.containsKey(key)) {
            return practitioners.get(key);
        }
        Practitioner p = new Practitioner();
        if (id != null && attr(id, "root") != null) {
            p.addIdentifier(FhirHeader.identifier(new Header.InstanceId(attr(id, "root"), attr(id, "extension"))));
        }
        if (name != null) {
            HumanName n = p.addName();
            n.setFamily(CdaNodes.text(child(name, "family")));
            for (Element g : children(name, "given")) {
                if (CdaNodes.text(g) != null) {
                    n.addGiven(CdaNodes.text(g));
                }
            }
        }
        Reference ref = add(p);
        if (key != null) {
            practitioners.put(key, ref);
        }
        return ref;
    }

    /**
     * IHE PaLM Specimen Collection: the specimen (its id and type), when it was collected and received. The act's
     * code (the French NABM exam code, a billing act) is not a collection procedure and is reported.
     */
    private Reference specimen(Element procedure) {
        Specimen specimen = new Specimen();
        specimen.setSubject(subject.copy());
        Element role = null;
        for (Element p : children(procedure, "participant")) {
            if ("PRD".equals(attr(p, "typeCode")) && child(p, "participantRole") != null) {
                role = child(p, "participantRole");
            }
        }
        if (role != null) {
            Element id = child(role, "id");
            if (id != null && attr(id, "root") != null) {
                specimen.addIdentifier(FhirHeader.identifier(new Header.InstanceId(attr(id, "root"), attr(id, "extension"))));
            }
            CodeableConcept type = source.concept(path(role, "playingEntity", "code"));
            specimen.setType(type);
        } else {
            source.notCarried(procedure, "type of the specimen collected", "the collection names no specimen (PRD)");
        }
        Element time = child(procedure, "effectiveTime");
        if (time != null) {
            DateTimeType point = FhirDates.dateTime(attr(time, "value"));
            if (point != null) {
                specimen.getCollection().setCollected(point);
            } else {
                Period period = FhirDates.period(attr(child(time, "low"), "value"), attr(child(time, "high"), "value"));
                if (period != null && period.hasStart()) {
                    specimen.getCollection().setCollected(period);
                } else if (period != null) {
                    // Only the end is given (CI-SIS writes the collection time as high): that is the collection time.
                    specimen.getCollection().setCollected(period.getEndElement());
                }
            }
        }
        if (child(procedure, "code") != null && attr(child(procedure, "code"), "code") != null) {
            source.notCarried(child(procedure, "code"), "exam code of the specimen collection (NABM act)",
                    "a billing act, not a FHIR Specimen collection procedure");
        }
        for (Element er : children(procedure, "entryRelationship")) {
            Element act = child(er, "act");
            if (act != null && anyTemplate(act, SPECIMEN_RECEIVED)) {
                DateTimeType received = FhirDates.dateTime(attr(child(act, "effectiveTime"), "value"));
                if (received != null) {
                    specimen.setReceivedTimeElement(new org.hl7.fhir.r4.model.DateTimeType(received.getValueAsString()));
                }
            } else if (firstElement(er) != null) {
                source.notCarried(firstElement(er), "statement about the specimen collection", "not modelled");
            }
        }
        for (Element site : children(procedure, "targetSiteCode")) {
            CodeableConcept bodySite = source.concept(site);
            if (bodySite != null) {
                specimen.getCollection().setBodySite(bodySite);
            }
        }
        Reference ref = add(specimen);
        specimens.add(ref);
        return ref;
    }

    // ------------------------------------------------------------------ helpers

    private Reference add(Resource r) {
        String url = ids.next(r.fhirType());
        bundle.addEntry().setFullUrl(url).setResource(r);
        return new Reference(url);
    }

    private static boolean isComment(Element entryRelationship, Element statement) {
        return "act".equals(statement.getLocalName()) && ("SUBJ".equals(attr(entryRelationship, "typeCode"))
                || "48767-8".equals(attr(child(statement, "code"), "code")));
    }

    private static boolean anyTemplate(Element e, Set<String> templates) {
        for (String t : templates) {
            if (hasTemplate(e, t)) {
                return true;
            }
        }
        return false;
    }

    private static Element firstElement(Element parent) {
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && !"templateId".equals(e.getLocalName())
                    && !"sequenceNumber".equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    /** What an entry or battery passes down to its results: who performed them, which specimen. */
    private static final class Scope {
        private final List<Reference> performers = new ArrayList<>();
        private final List<Reference> specimens = new ArrayList<>();

        Scope copy() {
            Scope s = new Scope();
            s.performers.addAll(performers);
            s.specimens.addAll(specimens);
            return s;
        }
    }
}
