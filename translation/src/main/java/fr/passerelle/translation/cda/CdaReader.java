package fr.passerelle.translation.cda;

import static fr.passerelle.translation.cda.CdaNodes.attr;
import static fr.passerelle.translation.cda.CdaNodes.child;
import static fr.passerelle.translation.cda.CdaNodes.children;
import static fr.passerelle.translation.cda.CdaNodes.path;
import static fr.passerelle.translation.cda.CdaNodes.text;

import fr.passerelle.terminology.xml.HardenedXml;
import fr.passerelle.terminology.xml.UnsafeXmlException;
import fr.passerelle.translation.TranslationException;
import fr.passerelle.translation.TranslationFailure;
import fr.passerelle.translation.cda.ClinicalEntry.Allergy;
import fr.passerelle.translation.cda.ClinicalEntry.DeviceRequest;
import fr.passerelle.translation.cda.ClinicalEntry.DeviceUse;
import fr.passerelle.translation.cda.ClinicalEntry.DispensedLine;
import fr.passerelle.translation.cda.ClinicalEntry.Dosage;
import fr.passerelle.translation.cda.ClinicalEntry.Immunization;
import fr.passerelle.translation.cda.ClinicalEntry.Ingredient;
import fr.passerelle.translation.cda.ClinicalEntry.MaxDose;
import fr.passerelle.translation.cda.ClinicalEntry.MedicationStatement;
import fr.passerelle.translation.cda.ClinicalEntry.Observation;
import fr.passerelle.translation.cda.ClinicalEntry.Posology;
import fr.passerelle.translation.cda.ClinicalEntry.PlannedItem;
import fr.passerelle.translation.cda.ClinicalEntry.PrescriptionLine;
import fr.passerelle.translation.cda.ClinicalEntry.Problem;
import fr.passerelle.translation.cda.ClinicalEntry.ProcedureEntry;
import fr.passerelle.translation.cda.ClinicalEntry.Product;
import fr.passerelle.translation.cda.ClinicalEntry.Qualifier;
import fr.passerelle.translation.cda.ClinicalEntry.Quantity;
import fr.passerelle.translation.cda.ClinicalEntry.Reaction;
import fr.passerelle.translation.cda.ClinicalEntry.Reason;
import fr.passerelle.translation.cda.ClinicalEntry.Repeat;
import fr.passerelle.translation.cda.ClinicalEntry.UnmodelledEntry;
import fr.passerelle.translation.cda.Header.Address;
import fr.passerelle.translation.cda.Header.Author;
import fr.passerelle.translation.cda.Header.InstanceId;
import fr.passerelle.translation.cda.Header.Organization;
import fr.passerelle.translation.cda.Header.Patient;
import fr.passerelle.translation.cda.Header.Person;
import fr.passerelle.translation.cda.Header.ServiceEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads a French CDA (VSM, IPS-FR, eP-MED-DM, eDISP-MED) or an eHDSI eDispensation into a {@link CdaDocument}
 * in one parse. Entries are recognised by their structure and section code rather than by every template
 * variant, so both French PS generations read alike.
 */
public final class CdaReader {

    /** ActSubstanceAdminSubstitutionCode "N": no substitution. */
    private static final String SUBSTITUTION_SYSTEM = "2.16.840.1.113883.5.1070";

    /** Supply moods of a prescribed (not yet delivered) device. */
    private static final Set<String> PRESCRIBED = Set.of("INT", "RQO", "PRMS", "PRP");

    // The patterns the reader applies to every narrative and time value, compiled once rather than per call.
    private static final java.util.regex.Pattern FROM_FIRST_NON_DIGIT = java.util.regex.Pattern.compile("[^0-9].*$");
    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("[-–—_.\\s]+");
    private static final java.util.regex.Pattern SPACES_AND_PUNCTUATION = java.util.regex.Pattern.compile("[\\s\\p{Punct}]+");

    public CdaDocument read(byte[] xml) throws TranslationException {
        return read(parse(xml));
    }

    /** The hardened parse every French document goes through; what it refuses is a {@code NotWellFormed} failure. */
    public static Document parse(byte[] xml) throws TranslationException {
        try {
            return HardenedXml.parse(xml);
        } catch (UnsafeXmlException e) {
            throw new TranslationException(new TranslationFailure.NotWellFormed("/", e.line(), e.column(),
                    e.getMessage()));
        }
    }

    public CdaDocument read(Document dom) throws TranslationException {
        Element root = dom.getDocumentElement();
        if (!"ClinicalDocument".equals(root.getLocalName()) || !CdaNodes.HL7.equals(root.getNamespaceURI())) {
            throw new TranslationException(new TranslationFailure.UnknownFormat("/" + root.getLocalName(),
                    "root element {" + root.getNamespaceURI() + "}" + root.getLocalName() + " is not an HL7 CDA ClinicalDocument"));
        }
        List<String> templates = children(root, "templateId").stream().map(t -> t.getAttribute("root")).toList();
        DocumentFormat format = DocumentFormat.fromTemplates(templates);
        if (format == null) {
            Element code = child(root, "code");
            throw new TranslationException(new TranslationFailure.UnknownFormat("/ClinicalDocument/templateId",
                    "templates " + templates + ", document code " + attr(code, "code")));
        }
        Context ctx = new Context(root);
        Header header = header(root);
        List<ClinicalSection> sections = new ArrayList<>();
        Element body = path(root, "component", "structuredBody");
        if (body != null) {
            // Every section is read, several of one kind included; only a container (sub-sections, and neither
            // entries nor text of its own) is skipped: its content is read from its sub-sections.
            for (Element section : CdaNodes.descendants(body, "section")) {
                SectionKind kind = SectionKind.fromLoinc(attr(child(section, "code"), "code"));
                ClinicalSection read = new ClinicalSection(kind == null ? SectionKind.OTHER : kind,
                        coded(child(section, "code")), text(child(section, "title")), child(section, "text"),
                        entries(kind == null ? SectionKind.OTHER : kind, section, ctx), new SourceRef(section));
                boolean container = path(section, "component", "section") != null;
                if (!container || !read.entries().isEmpty() || read.hasNarrativeText()) {
                    sections.add(read);
                }
            }
        }
        return new CdaDocument(format, header, sections, embeddedPdf(root), ctx.irregular());
    }

    // ---------------------------------------------------------------- header

    private Header header(Element root) throws TranslationException {
        Element patientRole = path(root, "recordTarget", "patientRole");
        if (patientRole == null) {
            throw new TranslationException(new TranslationFailure.MissingMandatoryElement("/ClinicalDocument",
                    "recordTarget/patientRole"));
        }
        Element patientEl = child(patientRole, "patient");
        Element name = child(patientEl, "name");
        List<String> given = new ArrayList<>();
        String family = null;
        if (name != null) {
            // French names repeat family/given with qualifiers (BR birth, CL usage); keep the unqualified or birth ones.
            for (Element f : children(name, "family")) {
                if (family == null || "BR".equals(attr(f, "qualifier"))) {
                    family = text(f);
                }
            }
            for (Element g : children(name, "given")) {
                if (attr(g, "qualifier") == null && text(g) != null) {
                    given.add(text(g));
                }
            }
            if (given.isEmpty()) {
                children(name, "given").stream().map(CdaNodes::text).filter(Objects::nonNull).findFirst()
                        .ifPresent(given::add);
            }
        }
        List<InstanceId> ids = children(patientRole, "id").stream().map(CdaReader::instanceId)
                .filter(Objects::nonNull).toList();
        Patient patient = new Patient(ids, family, given, coded(child(patientEl, "administrativeGenderCode")),
                attr(child(patientEl, "birthTime"), "value"), address(child(patientRole, "addr")),
                telecoms(patientRole), guardian(child(patientEl, "guardian")));

        Element authorEl = child(root, "author");
        if (authorEl == null) {
            throw new TranslationException(new TranslationFailure.MissingMandatoryElement("/ClinicalDocument", "author"));
        }
        Element assignedAuthor = child(authorEl, "assignedAuthor");
        Author author = new Author(attr(child(authorEl, "time"), "value"),
                person(assignedAuthor, "assignedPerson", child(authorEl, "functionCode")));

        Element custodianOrg = path(root, "custodian", "assignedCustodian", "representedCustodianOrganization");
        if (custodianOrg == null) {
            throw new TranslationException(new TranslationFailure.MissingMandatoryElement("/ClinicalDocument", "custodian"));
        }
        Organization custodian = organization(custodianOrg);
        Element legal = child(root, "legalAuthenticator");
        Person legalPerson = legal == null ? null : person(child(legal, "assignedEntity"), "assignedPerson", null);
        List<InstanceId> orders = children(root, "inFulfillmentOf").stream()
                .map(f -> instanceId(path(f, "order", "id"))).filter(Objects::nonNull).toList();
        return new Header(instanceId(child(root, "id")), instanceId(child(root, "setId")),
                attr(child(root, "versionNumber"), "value"), coded(child(root, "code")), text(child(root, "title")),
                attr(child(root, "effectiveTime"), "value"), coded(child(root, "confidentialityCode")),
                attr(child(root, "languageCode"), "code"), patient, author, custodian, legalPerson,
                legal == null ? null : attr(child(legal, "time"), "value"), orders, contacts(root), serviceEvent(root));
    }

    /** The first {@code documentationOf/serviceEvent}: interval and performers. */
    private ServiceEvent serviceEvent(Element root) {
        for (Element d : children(root, "documentationOf")) {
            Element event = child(d, "serviceEvent");
            if (event == null) {
                continue;
            }
            Element time = child(event, "effectiveTime");
            String low = attr(child(time, "low"), "value");
            String high = attr(child(time, "high"), "value");
            if (low == null && high == null) {
                low = attr(time, "value");
            }
            List<Header.Performer> performers = new ArrayList<>();
            for (Element p : children(event, "performer")) {
                Element assigned = child(p, "assignedEntity");
                if (assigned != null) {
                    performers.add(new Header.Performer(attr(p, "typeCode"), coded(child(p, "functionCode")),
                            person(assigned, "assignedPerson", null)));
                }
            }
            return new ServiceEvent(low, high, performers);
        }
        return null;
    }

    private Person guardian(Element guardian) {
        Element name = path(guardian, "guardianPerson", "name");
        if (guardian == null || name == null) {
            // An organisation as guardian, or none: nothing the pivot's guardianPerson can carry.
            return null;
        }
        return new Person(null, text(child(name, "prefix")), text(child(name, "family")), text(child(name, "given")),
                null, address(child(guardian, "addr")), telecoms(guardian), null);
    }

    /**
     * Header participants that name a person (attending physician, correspondent, relative) and the patient's
     * relatives the French header names as informants: emergency contact (ECON, "personne à prévenir") and
     * trusted person (NOK, "personne de confiance"), with their relationship code.
     */
    private List<Header.Contact> contacts(Element root) {
        List<Header.Contact> out = new ArrayList<>();
        for (Element informant : children(root, "informant")) {
            Element related = child(informant, "relatedEntity");
            Element name = path(related, "relatedPerson", "name");
            if (related == null || name == null) {
                continue;
            }
            Person person = new Person(null, text(child(name, "prefix")), text(child(name, "family")),
                    text(child(name, "given")), null, address(child(related, "addr")), telecoms(related), null);
            out.add(new Header.Contact("IND", null, attr(related, "classCode"), coded(child(related, "code")), person));
        }
        for (Element p : children(root, "participant")) {
            Element entity = child(p, "associatedEntity");
            if (entity == null || path(entity, "associatedPerson", "name") == null) {
                continue;
            }
            out.add(new Header.Contact(attr(p, "typeCode"), coded(child(p, "functionCode")),
                    attr(entity, "classCode"), coded(child(entity, "code")), person(entity, "associatedPerson", null)));
        }
        return out;
    }

    private Person person(Element assigned, String personElement, Element functionCode) {
        if (assigned == null) {
            return null;
        }
        Element name = path(assigned, personElement, "name");
        Element org = child(assigned, "representedOrganization");
        CodedValue profession = coded(child(assigned, "code"));
        if (profession == null && functionCode != null) {
            profession = coded(functionCode);
        }
        return new Person(instanceId(child(assigned, "id")), text(child(name, "prefix")), text(child(name, "family")),
                text(child(name, "given")), profession, address(child(assigned, "addr")), telecoms(assigned),
                org == null ? null : organization(org));
    }

    private Organization organization(Element org) {
        return new Organization(instanceId(child(org, "id")), text(child(org, "name")), address(child(org, "addr")),
                telecoms(org));
    }

    private static List<String> telecoms(Element parent) {
        return children(parent, "telecom").stream().map(t -> attr(t, "value")).filter(Objects::nonNull).toList();
    }

    private static InstanceId instanceId(Element id) {
        if (id == null || attr(id, "root") == null) {
            return null;
        }
        return new InstanceId(attr(id, "root"), attr(id, "extension"));
    }

    private static Address address(Element addr) {
        if (addr == null || attr(addr, "nullFlavor") != null) {
            return null;
        }
        List<String> lines = new ArrayList<>(children(addr, "streetAddressLine").stream().map(CdaNodes::text)
                .filter(Objects::nonNull).toList());
        String street = Stream.of("houseNumber", "streetName", "unitID").map(part -> text(child(addr, part)))
                .filter(Objects::nonNull).collect(Collectors.joining(" "));
        if (!street.isEmpty()) {
            lines.add(street);
        }
        return new Address(lines, text(child(addr, "postalCode")), text(child(addr, "city")),
                text(child(addr, "country")));
    }

    // ---------------------------------------------------------------- entries

    private List<ClinicalEntry> entries(SectionKind kind, Element section, Context ctx) throws TranslationException {
        List<ClinicalEntry> out = new ArrayList<>();
        for (Element entry : children(section, "entry")) {
            for (Node n = entry.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element statement && !"templateId".equals(statement.getLocalName())) {
                    entry(kind, statement, ctx, out);
                }
            }
        }
        return out;
    }

    /**
     * The first PDF the document embeds, wherever it is: an {@code observationMedia} of any section, known to
     * the translators or not (IPS-FR "documents ajoutés", advance directives, the eP "Copie du document"), or a
     * non-XML body. Recognised by its media type, never by a section title or code.
     */
    private static Optional<EmbeddedPdf> embeddedPdf(Element root) {
        Element component = child(root, "component");
        Element nonXml = child(component, "nonXMLBody");
        if (nonXml != null) {
            return EmbeddedPdf.of(child(nonXml, "text"));
        }
        Element body = child(component, "structuredBody");
        if (body == null) {
            return Optional.empty();
        }
        return CdaNodes.descendants(body, "observationMedia").stream()
                .flatMap(media -> EmbeddedPdf.of(child(media, "value")).stream()).findFirst();
    }

    private void entry(SectionKind kind, Element s, Context ctx, List<ClinicalEntry> out) throws TranslationException {
        String name = s.getLocalName();
        int before = out.size();
        switch (kind) {
            case ALLERGIES -> {
                for (Element obs : concernObservations(s)) {
                    out.add(allergy(obs, ctx));
                }
            }
            case PROBLEMS, PAST_ILLNESS -> {
                for (Element obs : concernObservations(s)) {
                    out.add(problem(obs, ctx));
                }
            }
            case MEDICATIONS -> {
                if ("substanceAdministration".equals(name)) {
                    Product product = product(s, true, ctx);
                    out.add(new MedicationStatement(id(s), product, low(s), high(s), posology(s, product, ctx),
                            reasons(s, ctx), new SourceRef(s)));
                }
            }
            case PRESCRIPTIONS -> {
                if ("substanceAdministration".equals(name)) {
                    out.add(prescription(s, ctx));
                }
                return;
            }
            case DISPENSED -> {
                if ("supply".equals(name)) {
                    out.add(dispensed(s, ctx));
                }
                return;
            }
            case PROCEDURES -> {
                if ("procedure".equals(name)) {
                    out.add(new ProcedureEntry(id(s), coded(child(s, "code")), time(s),
                            narrativeId(s, ctx, child(s, "code")), new SourceRef(s)));
                }
            }
            case IMMUNIZATIONS -> {
                if ("substanceAdministration".equals(name)) {
                    Element material = path(s, "consumable", "manufacturedProduct", "manufacturedMaterial");
                    out.add(new Immunization(id(s), codedOrTranslation(child(material, "code")),
                            text(child(material, "name")), time(s), coded(child(s, "routeCode")),
                            narrativeId(s, ctx, child(material, "code")),
                            new SourceRef(s)));
                }
            }
            case DEVICES -> {
                if ("supply".equals(name) && attr(s, "moodCode") == null) {
                    // Without its mood a supply is neither a use nor a prescription: reported, never guessed.
                    out.add(new UnmodelledEntry(name, coded(child(s, "code")), narrativeId(s), new SourceRef(s)));
                } else if ("supply".equals(name) && PRESCRIBED.contains(attr(s, "moodCode"))) {
                    out.add(deviceRequest(s, ctx));
                } else if ("supply".equals(name)) {
                    for (Element participant : children(s, "participant")) {
                        Element device = path(participant, "participantRole", "playingDevice");
                        if (device != null) {
                            String narrative = narrativeId(s, ctx, child(device, "code"));
                            out.add(new DeviceUse(id(s), coded(child(device, "code")), low(s), narrative,
                                    new SourceRef(s)));
                        }
                    }
                }
            }
            case PLAN_OF_CARE -> out.add(planned(s, ctx));
            case OTHER -> out.add(new UnmodelledEntry(name, coded(child(s, "code")), narrativeId(s), new SourceRef(s)));
            default -> {
                if ("observation".equals(name)) {
                    out.add(observation(s, ctx));
                } else if ("organizer".equals(name)) {
                    for (Element component : children(s, "component")) {
                        Element obs = child(component, "observation");
                        if (obs != null) {
                            out.add(observation(obs, ctx));
                        }
                    }
                }
            }
        }
        if (out.size() == before) {
            // Nothing the model understands: kept so that the writers report it, never dropped unseen.
            out.add(new UnmodelledEntry(name, coded(child(s, "code")), narrativeId(s), new SourceRef(s)));
        }
    }

    /** The observations inside a concern act (or the observation itself when there is no concern wrapper). */
    private static List<Element> concernObservations(Element statement) {
        if ("observation".equals(statement.getLocalName())) {
            return List.of(statement);
        }
        return children(statement, "entryRelationship").stream().map(rel -> child(rel, "observation"))
                .filter(Objects::nonNull).toList();
    }

    private Allergy allergy(Element obs, Context ctx) {
        Element agent = path(obs, "participant", "participantRole", "playingEntity", "code");
        List<Reaction> reactions = new ArrayList<>();
        for (Element rel : children(obs, "entryRelationship")) {
            Element inner = child(rel, "observation");
            if (inner != null && "MFST".equals(attr(rel, "typeCode"))) {
                Map<String, Qualifier> q = qualifiers(inner);
                reactions.add(new Reaction(coded(child(inner, "value")), low(inner), high(inner), q.get(SEVERITY),
                        narrativeId(inner, ctx, child(inner, "value")), new SourceRef(inner)));
            }
        }
        Map<String, Qualifier> q = qualifiers(obs);
        return new Allergy(id(obs), coded(child(obs, "code")), coded(agent), coded(child(obs, "value")),
                "true".equals(attr(obs, "negationInd")), reactions, low(obs), high(obs),
                q.get(STATUS), q.get(CRITICALITY), q.get(CERTAINTY), narrativeId(obs, ctx, agent), new SourceRef(obs));
    }

    private Problem problem(Element obs, Context ctx) {
        Map<String, Qualifier> q = qualifiers(obs);
        return new Problem(id(obs), coded(child(obs, "code")), coded(child(obs, "value")),
                "true".equals(attr(obs, "negationInd")), low(obs), high(obs),
                q.get(STATUS), q.get(SEVERITY), q.get(CERTAINTY), q.get(HEALTH_STATUS),
                narrativeId(obs, ctx, child(obs, "value")),
                new SourceRef(obs));
    }

    /** HL7 ActCode SEV: the severity observation. */
    private static final String SEVERITY = "SEV";
    /** LOINC 33999-4 Status: a problem's or an allergy's clinical status. */
    private static final String STATUS = "33999-4";
    /** LOINC 66455-7 Condition status: certainty (verification status). */
    private static final String CERTAINTY = "66455-7";
    /** LOINC 82606-5 Allergy or intolerance criticality. */
    private static final String CRITICALITY = "82606-5";
    /** LOINC 11323-3 Health status: the patient's clinical status with respect to the problem. */
    private static final String HEALTH_STATUS = "11323-3";

    /**
     * The qualifying observations of an entry (severity, status, certainty, criticality, health status), keyed
     * by their observation code: IHE PCC and the French CI-SIS name them by code, whatever their relationship.
     */
    private static Map<String, Qualifier> qualifiers(Element obs) {
        Map<String, Qualifier> out = new HashMap<>();
        for (Element rel : children(obs, "entryRelationship")) {
            Element inner = child(rel, "observation");
            String code = attr(child(inner, "code"), "code");
            if (inner == null || code == null || "MFST".equals(attr(rel, "typeCode"))) {
                continue;
            }
            CodedValue value = coded(child(inner, "value"));
            if (value != null) {
                out.putIfAbsent(code, new Qualifier(value, narrativeId(inner), new SourceRef(inner)));
            }
        }
        return out;
    }

    /** An act of a plan of care, whatever its CDA class, with the code of what is planned. */
    private PlannedItem planned(Element s, Context ctx) {
        Element material = path(s, "consumable", "manufacturedProduct", "manufacturedMaterial");
        CodedValue code = material != null ? codedOrTranslation(child(material, "code"))
                : codedOrTranslation(child(s, "code"));
        String name = material != null ? text(child(material, "name")) : null;
        Element time = child(s, "effectiveTime");
        String start = attr(time, "value") != null ? attr(time, "value") : low(s);
        CodedValue actCode = material != null ? coded(child(s, "code")) : null;
        return new PlannedItem(id(s), s.getLocalName(), attr(s, "moodCode"), actCode, code, name, start, high(s),
                attr(child(s, "statusCode"), "code"), ctx.narrative().of(child(s, "text")), narrativeId(s),
                new SourceRef(s));
    }

    /** The ID the statement's {@code <text><reference value="#ID"/>} points at, if it names one. */
    private static String narrativeId(Element statement) {
        return referenceId(child(statement, "text"));
    }

    /**
     * The narrative ID of an entry: its own text reference when that names an element of the document, else the
     * original-text reference of its main coded element (French entries sometimes point their text at an ID the
     * narrative lacks, while the code's original text names the right cell).
     */
    private static String narrativeId(Element statement, Context ctx, Element coded) {
        String own = narrativeId(statement);
        if (own != null && ctx.narrative().hasId(own)) {
            return own;
        }
        String original = referenceId(child(coded, "originalText"));
        return original != null && ctx.narrative().hasId(original) ? original : own;
    }

    private static String referenceId(Element text) {
        String value = attr(child(text, "reference"), "value");
        if (value == null || !value.startsWith("#") || value.strip().length() < 2) {
            return null;
        }
        return value.strip().substring(1);
    }

    /** The statement's time: a point in time or the start of an interval. */
    private static String time(Element s) {
        return pointOrStart(child(s, "effectiveTime"));
    }

    /** A TS's point in time, or an IVL_TS's start. */
    private static String pointOrStart(Element time) {
        return attr(time, "value") != null ? attr(time, "value") : attr(child(time, "low"), "value");
    }

    private Observation observation(Element obs, Context ctx) {
        Element value = child(obs, "value");
        CodedValue coded = null;
        Quantity quantity = null;
        String text = null;
        String valueNarrativeId = null;
        String timeValue = null;
        if (value != null) {
            String type = value.getAttributeNS(CdaNodes.XSI, "type");
            if (type.endsWith("PQ")) {
                // A nullFlavored quantity (value UNK) has no value: the observation's value is unknown.
                quantity = pq(value, ctx);
            } else if (type.endsWith("CD") || type.endsWith("CE") || type.endsWith("CO") || type.endsWith("CV")) {
                coded = coded(value);
                if (coded == null && child(value, "originalText") != null) {
                    // No code, only the author's words in the narrative: carried as text.
                    text = ctx.narrative().of(child(value, "originalText"));
                    valueNarrativeId = referenceId(child(value, "originalText"));
                }
            } else if (type.endsWith("ST") || type.endsWith("ED")) {
                text = text(value);
            } else if (type.endsWith("INT") || type.endsWith("REAL")) {
                quantity = attr(value, "value") == null ? null : decimal(new Quantity(attr(value, "value"), null), value, ctx);
            } else if (type.endsWith("BL")) {
                text = attr(value, "value");
            } else if (type.endsWith("TS")) {
                // TS or IVL_TS (an expected delivery date, a last menstrual period): the point, or the start.
                timeValue = pointOrStart(value);
            }
        }
        return new Observation(id(obs), coded(child(obs, "code")), coded, quantity, text, timeValue, valueNarrativeId,
                time(obs), narrativeId(obs), new SourceRef(obs));
    }

    private PrescriptionLine prescription(Element s, Context ctx) throws TranslationException {
        Product product = product(s, true, ctx);
        Integer repeats = null;
        String r = attr(child(s, "repeatNumber"), "value");
        if (r != null) {
            try {
                repeats = Integer.valueOf(r.strip());
            } catch (NumberFormatException e) {
                ctx.irregular().add(new IrregularValue(new SourceRef(child(s, "repeatNumber")), "number of renewals",
                        "an integer"));
            }
        }
        Quantity toDispense = null;
        boolean substitution = true;
        String substitutionReason = null;
        List<Observation> qualifiers = new ArrayList<>();
        for (Element rel : children(s, "entryRelationship")) {
            Element supply = child(rel, "supply");
            if (supply != null && toDispense == null) {
                Element q = child(supply, "quantity");
                if (q != null && attr(q, "value") != null) {
                    toDispense = pq(q, ctx);
                }
            }
            Element act = child(rel, "act");
            Element code = act == null ? null : child(act, "code");
            if (code != null && SUBSTITUTION_SYSTEM.equals(attr(code, "codeSystem"))) {
                if ("N".equals(attr(code, "code"))) {
                    substitution = false;
                }
                substitutionReason = placeholderFree(ctx.narrative().of(child(code, "originalText")));
            }
            Element obs = child(rel, "observation");
            if (obs != null && "COMP".equals(attr(rel, "typeCode"))) {
                qualifiers.add(observation(obs, ctx));
            }
        }
        return new PrescriptionLine(id(s), product, low(s), high(s), posology(s, product, ctx), toDispense,
                repeats, substitution, substitutionReason, reasons(s, ctx),
                qualifiers, ctx.narrative().of(child(s, "text")), new SourceRef(s));
    }

    /** A device prescribed in an ePrescription: a supply in intent mood naming the device it provides. */
    private DeviceRequest deviceRequest(Element supply, Context ctx) {
        CodedValue device = null;
        for (Element participant : children(supply, "participant")) {
            Element d = path(participant, "participantRole", "playingDevice");
            if (d != null && device == null) {
                device = coded(child(d, "code"));
            }
        }
        List<Observation> qualifiers = children(supply, "entryRelationship").stream().map(rel -> child(rel, "observation"))
                .filter(Objects::nonNull).map(obs -> observation(obs, ctx)).toList();
        return new DeviceRequest(id(supply), device, low(supply), high(supply), pq(child(supply, "quantity"), ctx),
                integer(attr(child(supply, "repeatNumber"), "value")), pq(path(supply, "expectedUseTime", "width"), ctx),
                ctx.narrative().of(child(supply, "text")), qualifiers, new SourceRef(supply));
    }

    private static Integer integer(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private DispensedLine dispensed(Element supply, Context ctx) throws TranslationException {
        Element product = path(supply, "product", "manufacturedProduct", "manufacturedMaterial");
        Product p = product == null ? null : productOf(product, true, ctx);
        if (p == null) {
            throw new TranslationException(new TranslationFailure.MedicationWithoutCode(CdaNodes.xpath(supply) + "/product"));
        }
        Element q = child(supply, "quantity");
        String prescriptionId = null;
        String lineId = null;
        boolean substituted = false;
        for (Element rel : children(supply, "entryRelationship")) {
            Element sa = child(rel, "substanceAdministration");
            if (sa != null && lineId == null) {
                lineId = id(sa);
            }
            Element act = child(rel, "act");
            Element actCode = child(act, "code");
            // IHE Pharmacy: a substitution act coded in ActSubstanceAdminSubstitution (anything but N = none);
            // eHDSI: an act coded SUBST.
            if (actCode != null && ("SUBST".equals(attr(actCode, "code"))
                    || (SUBSTITUTION_SYSTEM.equals(attr(actCode, "codeSystem")) && !"N".equals(attr(actCode, "code"))))) {
                substituted = true;
            }
        }
        Element ref = path(supply, "reference", "externalDocument", "id");
        if (ref != null) {
            prescriptionId = attr(ref, "extension") != null ? attr(ref, "extension") : attr(ref, "root");
        }
        return new DispensedLine(id(supply), p, pq(q, ctx),
                prescriptionId, lineId, substituted, attr(child(supply, "effectiveTime"), "value"), new SourceRef(supply));
    }

    private Product product(Element substanceAdministration, boolean codeRequired, Context ctx) throws TranslationException {
        Element material = path(substanceAdministration, "consumable", "manufacturedProduct", "manufacturedMaterial");
        if (material == null) {
            throw new TranslationException(new TranslationFailure.MedicationWithoutCode(
                    CdaNodes.xpath(substanceAdministration) + "/consumable"));
        }
        return productOf(material, codeRequired, ctx);
    }

    private Product productOf(Element material, boolean codeRequired, Context ctx) throws TranslationException {
        CodedValue code = coded(child(material, "code"));
        String name = text(child(material, "name"));
        if (name == null && ctx != null) {
            // Compounded preparations have no product code; the prescriber describes them in the narrative.
            name = ctx.narrative().of(child(child(material, "code"), "originalText"));
        }
        Element kind = path(material, "asSpecializedKind", "generalizedMedicineClass", "code");
        if (kind == null) {
            kind = path(material, "asSpecializedKind", "generalizedMaterialKind", "code");
        }
        CodedValue atc = coded(kind);
        List<Ingredient> ingredients = new ArrayList<>();
        for (Element ing : children(material, "ingredient")) {
            if (!"ACTI".equals(attr(ing, "classCode"))) {
                continue;
            }
            Element substance = child(ing, "ingredientSubstance");
            if (substance == null) {
                substance = child(ing, "ingredient");
            }
            Element qty = child(ing, "quantity");
            ingredients.add(new Ingredient(coded(child(substance, "code")), text(child(substance, "name")),
                    pq(child(qty, "numerator"), ctx), pq(child(qty, "denominator"), ctx)));
        }
        boolean anyCode = (code != null && code.isCoded()) || (atc != null && atc.isCoded())
                || ingredients.stream().anyMatch(i -> i.substance() != null && i.substance().isCoded());
        // A medicine is identifiable by a product, class or substance code, or — for a compounded
        // preparation — by its dose form together with the prescriber's description. Anything less is refused.
        boolean describedPreparation = child(material, "formCode") != null && attr(child(material, "formCode"), "code") != null
                && (name != null || child(child(material, "code"), "originalText") != null);
        if (codeRequired && !anyCode && !describedPreparation) {
            throw new TranslationException(new TranslationFailure.MedicationWithoutCode(CdaNodes.xpath(material)));
        }
        Element content = child(material, "asContent");
        Element container = child(content, "containerPackagedProduct");
        return new Product(code, name, atc, ingredients, coded(child(material, "formCode")),
                coded(child(container, "formCode")), pq(child(content, "quantity"), ctx), new SourceRef(material));
    }

    /** IHE PCC "split dose": the subordinate administrations apply together (morning and evening doses). */
    private static final String SPLIT_DOSE = "1.3.6.1.4.1.19376.1.5.3.1.4.9";
    /** IHE PCC instructions to the patient and to the dispenser. */
    private static final String PATIENT_INSTRUCTIONS = "1.3.6.1.4.1.19376.1.5.3.1.4.3";
    private static final String FULFILMENT_INSTRUCTIONS = "1.3.6.1.4.1.19376.1.5.3.1.4.3.1";
    private static final String IHE_ACT_CODE = "1.3.6.1.4.1.19376.1.5.3.2";

    /**
     * The posology of a medication line (IHE PCC / IHE PHARM): its phases — the subordinate substance
     * administrations, or the line itself when it has none —, its maximum doses, free text and instructions.
     */
    private Posology posology(Element s, Product product, Context ctx) {
        CodedValue route = coded(child(s, "routeCode"));
        String lineCondition = condition(s, ctx);
        List<Dosage> phases = new ArrayList<>();
        List<MaxDose> maxDoses = maxDoses(s, ctx);
        boolean split = CdaNodes.hasTemplate(s, SPLIT_DOSE);
        int index = 0;
        for (Element rel : children(s, "entryRelationship")) {
            Element sub = child(rel, "substanceAdministration");
            if (sub == null || !"COMP".equals(attr(rel, "typeCode"))) {
                continue;
            }
            index++;
            Integer number = integer(attr(child(rel, "sequenceNumber"), "value"));
            int sequence = split ? 1 : number != null ? number : index;
            phases.add(dosage(sub, sequence, route, lineCondition, ctx));
            maxDoses.addAll(maxDoses(sub, ctx));
        }
        if (phases.isEmpty()) {
            Dosage single = dosage(s, 1, route, lineCondition, ctx);
            if (single.hasTiming() || single.hasStructuredDose() || single.rateLow() != null || single.rateHigh() != null
                    || single.route() != null || single.site() != null || single.siteText() != null
                    || single.condition() != null) {
                phases.add(new Dosage(1, single.start(), single.end(), single.duration(), single.repeats(),
                        single.doseLow(), single.doseHigh(), single.rateLow(), single.rateHigh(), single.route(),
                        single.site(), single.siteText(), frequencyText(s, ctx), single.doseText(), single.condition(),
                        single.source()));
            }
        }
        String text = placeholderFree(ctx.narrative().of(child(s, "text")));
        if (text != null && namesOnlyTheProduct(text, product)) {
            // The French eP points the line's text at the product name: that is not a posology.
            text = null;
        }
        return new Posology(phases, maxDoses, text, instructions(s, PATIENT_INSTRUCTIONS, "PINSTRUCT", ctx),
                instructions(s, FULFILMENT_INSTRUCTIONS, "FINSTRUCT", ctx));
    }

    private Dosage dosage(Element sa, int sequence, CodedValue inheritedRoute, String inheritedCondition, Context ctx) {
        Timing timing = new Timing(ctx);
        for (Element t : children(sa, "effectiveTime")) {
            timing.read(t);
        }
        Element dose = child(sa, "doseQuantity");
        Quantity low = pq(child(dose, "low") != null ? child(dose, "low") : dose, ctx);
        Quantity high = pq(child(dose, "high") != null ? child(dose, "high") : dose, ctx);
        Element rate = child(sa, "rateQuantity");
        Quantity rateLow = pq(child(rate, "low") != null ? child(rate, "low") : rate, ctx);
        Quantity rateHigh = pq(child(rate, "high") != null ? child(rate, "high") : rate, ctx);
        CodedValue route = coded(child(sa, "routeCode"));
        Element site = child(sa, "approachSiteCode");
        String condition = condition(sa, ctx);
        String text = placeholderFree(ctx.narrative().of(child(sa, "text")));
        if (text == null) {
            text = frequencyText(sa, ctx);
        }
        return new Dosage(sequence, timing.start, timing.end, timing.duration, timing.repeats, low, high, rateLow,
                rateHigh, route != null ? route : inheritedRoute, coded(site),
                placeholderFree(ctx.narrative().of(child(site, "originalText"))), text, doseText(dose, ctx),
                condition != null ? condition : inheritedCondition, new SourceRef(sa));
    }

    /** Reads the effectiveTime forms of a posology: treatment interval, period, time of day, event, and SXPR_TS of them. */
    private static final class Timing {
        private final Context ctx;
        private String start;
        private String end;
        private Quantity duration;
        private final List<Repeat> repeats = new ArrayList<>();

        Timing(Context ctx) {
            this.ctx = ctx;
        }

        void read(Element t) {
            String type = t.getAttributeNS(CdaNodes.XSI, "type");
            if (type.endsWith("SXPR_TS")) {
                for (Element comp : children(t, "comp")) {
                    read(comp);
                }
            } else if (type.endsWith("PIVL_TS")) {
                Quantity period = pq(child(t, "period"), ctx);
                String phase = attr(path(t, "phase", "low"), "value");
                if (phase == null) {
                    phase = attr(child(t, "phase"), "value");
                }
                if (period != null || phase != null) {
                    repeats.add(new Repeat(period, "true".equals(attr(t, "institutionSpecified")),
                            timeOfDay(phase), null, null));
                }
            } else if (type.endsWith("EIVL_TS")) {
                String event = attr(child(t, "event"), "code");
                if (event != null) {
                    Element offset = child(t, "offset");
                    Quantity o = pq(child(offset, "low") != null ? child(offset, "low") : child(offset, "width"), ctx);
                    repeats.add(new Repeat(null, false, null, event, o));
                }
            } else if (type.endsWith("IVL_TS")) {
                if (start == null) {
                    start = attr(child(t, "low"), "value");
                }
                if (end == null) {
                    end = attr(child(t, "high"), "value");
                }
                if (duration == null) {
                    duration = pq(child(t, "width"), ctx);
                }
            } else if (attr(t, "value") != null && start == null) {
                // A single administration time.
                start = attr(t, "value");
                end = attr(t, "value");
            }
        }

        /** HH:mm:ss from an HL7 TS carrying a time of day (the date part of a PIVL phase is arbitrary). */
        private static String timeOfDay(String ts) {
            if (ts == null || ts.length() < 10) {
                return null;
            }
            String digits = FROM_FIRST_NON_DIGIT.matcher(ts).replaceAll("");
            if (digits.length() < 10) {
                return null;
            }
            String hh = digits.substring(8, 10);
            String mm = digits.length() >= 12 ? digits.substring(10, 12) : "00";
            String ss = digits.length() >= 14 ? digits.substring(12, 14) : "00";
            return hh + ":" + mm + ":" + ss;
        }
    }

    /** The frequency as the prescriber wrote it (the narrative a PIVL period points at), if any. */
    private static String frequencyText(Element sa, Context ctx) {
        String text = children(sa, "effectiveTime").stream().flatMap(t -> CdaNodes.descendants(t, "originalText").stream())
                .map(original -> placeholderFree(ctx.narrative().of(original))).filter(Objects::nonNull).distinct()
                .collect(Collectors.joining(" "));
        return text.isEmpty() ? null : text;
    }

    /** The dose as the narrative writes it ("1 cp à 2 cp"), from the originalText the structured dose points at. */
    private static String doseText(Element dose, Context ctx) {
        if (dose == null) {
            return null;
        }
        String low = placeholderFree(ctx.narrative().of(path(dose, "low", "translation", "originalText")));
        String high = placeholderFree(ctx.narrative().of(path(dose, "high", "translation", "originalText")));
        String single = placeholderFree(ctx.narrative().of(path(dose, "translation", "originalText")));
        if (low != null && high != null) {
            return low.equals(high) ? low : low + " - " + high;
        }
        return low != null ? low : high != null ? high : single;
    }

    private static String condition(Element sa, Context ctx) {
        List<String> parts = new ArrayList<>();
        for (Element pre : children(sa, "precondition")) {
            Element criterion = child(pre, "criterion");
            String text = placeholderFree(ctx.narrative().of(child(criterion, "text")));
            if (text == null) {
                CodedValue value = coded(child(criterion, "value"));
                text = value == null ? null : value.displayName() != null ? value.displayName() : value.code();
            }
            if (text != null) {
                parts.add(text);
            }
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    private static List<MaxDose> maxDoses(Element sa, Context ctx) {
        List<MaxDose> out = new ArrayList<>();
        for (Element m : children(sa, "maxDoseQuantity")) {
            Quantity numerator = pq(child(m, "numerator"), ctx);
            if (numerator != null) {
                out.add(new MaxDose(numerator, pq(child(m, "denominator"), ctx)));
            }
        }
        return out;
    }

    /** Instructions acts (IHE PCC patient or fulfilment instructions), their texts joined. */
    private static String instructions(Element s, String template, String code, Context ctx) {
        List<String> parts = new ArrayList<>();
        for (Element rel : children(s, "entryRelationship")) {
            Element act = child(rel, "act");
            if (act == null) {
                continue;
            }
            Element c = child(act, "code");
            boolean matches = CdaNodes.hasTemplate(act, template)
                    || (code.equals(attr(c, "code")) && IHE_ACT_CODE.equals(attr(c, "codeSystem")));
            if (matches) {
                String text = placeholderFree(ctx.narrative().of(child(act, "text")));
                if (text != null) {
                    parts.add(text);
                }
            }
        }
        return parts.isEmpty() ? null : String.join(" ", parts);
    }

    /** Why the medicine is given: RSON relationships to an internal reference (act) or an observation. */
    private static List<Reason> reasons(Element s, Context ctx) {
        List<Reason> out = new ArrayList<>();
        for (Element rel : children(s, "entryRelationship")) {
            if (!"RSON".equals(attr(rel, "typeCode"))) {
                continue;
            }
            Element act = child(rel, "act");
            Element obs = child(rel, "observation");
            if (act != null) {
                Element code = child(act, "code");
                String text = placeholderFree(ctx.narrative().of(child(code, "originalText")));
                if (text == null) {
                    text = placeholderFree(ctx.narrative().of(child(act, "text")));
                }
                out.add(new Reason(id(act), coded(code), text, referenceId(child(code, "originalText")),
                        new SourceRef(act)));
            } else if (obs != null) {
                CodedValue value = coded(child(obs, "value"));
                out.add(new Reason(id(obs), value != null ? value : coded(child(obs, "code")),
                        placeholderFree(ctx.narrative().of(child(obs, "text"))), narrativeId(obs), new SourceRef(obs)));
            }
        }
        return out;
    }

    /** "-" is how French narratives fill an empty cell: no statement. */
    private static String placeholderFree(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        return t.isEmpty() || PLACEHOLDER.matcher(t).matches() ? null : t;
    }

    /** True when the text says nothing but the product's name (how the French eP fills a line's text). */
    private static boolean namesOnlyTheProduct(String text, Product product) {
        String t = normalised(text);
        return Stream.of(product.name(), product.code() == null ? null : product.code().displayName())
                .anyMatch(n -> n != null && normalised(n).equals(t));
    }

    private static String normalised(String s) {
        return SPACES_AND_PUNCTUATION.matcher(s.toLowerCase(java.util.Locale.ROOT)).replaceAll(" ").strip();
    }

    private static Quantity pq(Element e, Context ctx) {
        if (e == null || attr(e, "value") == null) {
            return null;
        }
        return decimal(new Quantity(attr(e, "value"), attr(e, "unit")), e, ctx);
    }

    /** The quantity as written; one whose value is not an HL7 decimal is also recorded as irregular. */
    private static Quantity decimal(Quantity q, Element e, Context ctx) {
        if (q.decimal() == null) {
            ctx.irregular().add(new IrregularValue(new SourceRef(e), "quantity value", "a decimal number with a point"));
        }
        return q;
    }

    private static String low(Element s) {
        for (Element t : children(s, "effectiveTime")) {
            String v = attr(child(t, "low"), "value");
            if (v != null) {
                return v;
            }
            if (attr(t, "value") != null && !t.getAttributeNS(CdaNodes.XSI, "type").endsWith("PIVL_TS")) {
                return attr(t, "value");
            }
        }
        return null;
    }

    private static String high(Element s) {
        for (Element t : children(s, "effectiveTime")) {
            String v = attr(child(t, "high"), "value");
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static String id(Element e) {
        Element id = child(e, "id");
        if (id == null) {
            return null;
        }
        String root = attr(id, "root");
        String ext = attr(id, "extension");
        return ext == null ? root : root + "^" + ext;
    }

    /** A coded element with its translations; null when absent, nullFlavored without code, or uncoded. */
    static CodedValue coded(Element e) {
        if (e == null) {
            return null;
        }
        String code = attr(e, "code");
        if (code == null) {
            return null;
        }
        List<CodedValue> translations = children(e, "translation").stream().map(CdaReader::coded)
                .filter(Objects::nonNull).toList();
        return new CodedValue(code.strip(), attr(e, "codeSystem"), attr(e, "displayName"), translations, new SourceRef(e));
    }

    /**
     * A coded element, or — when it has no code of its own (nullFlavor, or only an originalText) — its first
     * coded translation, so that "other product (free text)" and ATC-only vaccines keep the code they do have.
     */
    static CodedValue codedOrTranslation(Element e) {
        CodedValue own = coded(e);
        if (own != null || e == null) {
            return own;
        }
        return children(e, "translation").stream().map(CdaReader::coded).filter(Objects::nonNull).findFirst()
                .orElse(null);
    }

    /** Per-document state: the narrative (its ID index built on first use), the irregular values. */
    private record Context(Narrative narrative, List<IrregularValue> irregular) {
        Context(Element root) {
            this(new Narrative(root), new ArrayList<>());
        }
    }
}
