package fr.passerelle.gateway.healthspace.demo;

import fr.passerelle.gateway.healthspace.Ins;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The re-identification tool: derives the demo documents from the ANS sample documents by putting each synthetic
 * patient of {@code patients.json} in place of the sample's patient, everywhere the sample names them: the
 * recordTarget (ids, name, gender, birth, address, telecoms, guardian, birthplace), the relatives (informants), the
 * PDFs embedded in the document (which render the original identity: replaced by a synthetic rendering), plus new
 * document, set and prescription-item ids. Deterministic: running it again yields the same bytes.
 *
 * <p>Run: {@code DemoDataDerivationTest} with {@code -Dpasserelle.demo.regenerate=true} (writes
 * {@code src/data/demo/documents/}); without it, the test checks the committed documents are exactly what this
 * derivation produces.
 */
final class DemoDocumentDerivation {

    static final String HL7 = "urn:hl7-org:v3";
    /** Name spaces of the name-based UUIDs that become the demo ids. */
    private static final String ID_SEED = "passerelle-demo:";
    private static final Pattern UUID_ROOT = Pattern.compile("[0-9A-Fa-f]{8}(-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}");
    private static final DateTimeFormatter HL7_TS = DateTimeFormatter.ofPattern("yyyyMMddHHmmssxx", Locale.ROOT);
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);

    /** Family names of the samples' patients and relatives: any person name with one of them is a relative. */
    private static final Set<String> SAMPLE_FAMILY_NAMES = Set.of("PAT-TROIS", "NESSI", "DECOURCY");
    /** The samples' patient and relative telephone numbers (not the professionals'). */
    private static final Set<String> SAMPLE_PRIVATE_PHONES = Set.of("tel:0144534551", "tel:0647151010",
            "tel:0647150100");

    private final Path samples;

    DemoDocumentDerivation(Path samples) {
        this.samples = samples;
    }

    /** All documents of the data set, by file name, in manifest order. */
    Map<String, byte[]> derive(DemoDataSet dataSet) throws Exception {
        Map<String, byte[]> documents = new LinkedHashMap<>();
        for (DemoDataSet.Patient patient : dataSet.patients()) {
            for (DemoDataSet.Document document : patient.documents()) {
                byte[] sample = Files.readAllBytes(sampleFile(document.sample()));
                documents.put(document.file(), derive(sample, patient, document));
            }
        }
        return documents;
    }

    /** The sample's file: {@code samples} is the {@code fr-cda} folder, the reports are in its sibling. */
    Path sampleFile(FrenchSample sample) {
        String folder = sample.kind().originalClinicalDocument() ? "fr-cda-orcd" : "fr-cda";
        return samples.resolveSibling(folder).resolve(sample.sourceFile());
    }

    byte[] derive(byte[] sample, DemoDataSet.Patient patient, DemoDataSet.Document target) throws Exception {
        Document cda = parse(sample);
        Element root = cda.getDocumentElement();
        String hl7Time = HL7_TS.format(target.creationTime());

        Element id = child(root, "id");
        id.setAttribute("root", oid(target.file() + "#document"));
        id.removeAttribute("extension");
        Element setId = child(root, "setId");
        if (setId != null) {
            setId.setAttribute("root", oid(target.file() + "#set"));
            setId.removeAttribute("extension");
        }
        Element version = child(root, "versionNumber");
        if (version != null) {
            version.setAttribute("value", "1");
        }
        child(root, "effectiveTime").setAttribute("value", hl7Time);
        for (String participation : List.of("author", "legalAuthenticator")) {
            for (Element element : children(root, participation)) {
                Element time = child(element, "time");
                if (time != null) {
                    time.setAttribute("value", hl7Time);
                }
            }
        }

        Element patientRole = child(child(root, "recordTarget"), "patientRole");
        rewritePatientRole(cda, patientRole, patient);
        rewriteRelatives(root, patient);
        replaceEmbeddedPdfs(root, patient, target);
        renumberPrescriptionItems(root, target);
        return serialize(cda);
    }

    private void rewritePatientRole(Document cda, Element patientRole, DemoDataSet.Patient patient) {
        while (patientRole.getFirstChild() != null) {
            patientRole.removeChild(patientRole.getFirstChild());
        }
        Element ins = add(cda, patientRole, "id");
        ins.setAttribute("extension", patient.insValue());
        ins.setAttribute("root", Ins.TEST_NIR);
        Element addr = add(cda, patientRole, "addr");
        text(cda, addr, "houseNumber", patient.address().houseNumber());
        text(cda, addr, "streetName", patient.address().streetName());
        text(cda, addr, "postalCode", patient.address().postalCode());
        text(cda, addr, "city", patient.address().city());
        text(cda, addr, "country", "FRANCE");
        Element mobile = add(cda, patientRole, "telecom");
        mobile.setAttribute("value", "tel:" + patient.mobilePhone());
        mobile.setAttribute("use", "MC");
        Element mail = add(cda, patientRole, "telecom");
        mail.setAttribute("value", "mailto:" + patient.insValue() + "@patient.mssante.fr");

        Element person = add(cda, patientRole, "patient");
        person.setAttribute("classCode", "PSN");
        Element name = add(cda, person, "name");
        text(cda, name, "family", patient.familyName()).setAttribute("qualifier", "BR");
        text(cda, name, "given", String.join(" ", patient.givenNames()));
        text(cda, name, "given", patient.givenNames().get(0)).setAttribute("qualifier", "BR");
        text(cda, name, "family", patient.familyName()).setAttribute("qualifier", "CL");
        text(cda, name, "given", patient.givenNames().get(0)).setAttribute("qualifier", "CL");
        Element gender = add(cda, person, "administrativeGenderCode");
        gender.setAttribute("code", patient.gender());
        gender.setAttribute("displayName", patient.gender().equals("F") ? "Féminin" : "Masculin");
        gender.setAttribute("codeSystem", "2.16.840.1.113883.5.1");
        add(cda, person, "birthTime").setAttribute("value",
                patient.birthDate().format(DateTimeFormatter.BASIC_ISO_DATE));
        Element birthAddr = add(cda, add(cda, add(cda, person, "birthplace"), "place"), "addr");
        text(cda, birthAddr, "county", patient.birthPlaceCode());
        text(cda, birthAddr, "city", patient.birthPlaceName());
    }

    /** Relatives (informants, participants) named like the sample's patient get the synthetic family's names. */
    private void rewriteRelatives(Element root, DemoDataSet.Patient patient) {
        NodeList names = root.getElementsByTagNameNS(HL7, "name");
        for (int i = 0; i < names.getLength(); i++) {
            Element name = (Element) names.item(i);
            Element family = child(name, "family");
            if (family != null && SAMPLE_FAMILY_NAMES.contains(family.getTextContent().strip().toUpperCase(Locale.ROOT))) {
                for (Element part : children(name, "family")) {
                    part.setTextContent(patient.familyName());
                }
                for (Element part : children(name, "given")) {
                    part.setTextContent(patient.relativeGivenName());
                }
            }
        }
        NodeList telecoms = root.getElementsByTagNameNS(HL7, "telecom");
        for (int i = 0; i < telecoms.getLength(); i++) {
            Element telecom = (Element) telecoms.item(i);
            if (SAMPLE_PRIVATE_PHONES.contains(telecom.getAttribute("value"))) {
                telecom.setAttribute("value", "tel:" + relativePhone(patient));
            }
        }
    }

    private void replaceEmbeddedPdfs(Element root, DemoDataSet.Patient patient, DemoDataSet.Document target) {
        NodeList values = root.getElementsByTagNameNS(HL7, "value");
        String title = child(root, "title").getTextContent().strip();
        for (int i = 0; i < values.getLength(); i++) {
            Element value = (Element) values.item(i);
            if ("application/pdf".equals(value.getAttribute("mediaType")) && "B64".equals(value.getAttribute("representation"))) {
                Element media = (Element) value.getParentNode();
                String attachment = media.getAttribute("ID");
                byte[] pdf = SyntheticPdf.of("Passerelle - document de démonstration", List.of(
                        "Données synthétiques : aucun patient réel.",
                        "Document : " + title,
                        "Pièce jointe : " + (attachment.isBlank() ? "rendu PDF" : attachment),
                        "",
                        "Nom de naissance : " + patient.familyName(),
                        "Prénom(s) de naissance : " + String.join(" ", patient.givenNames()),
                        "Sexe : " + (patient.gender().equals("F") ? "Féminin" : "Masculin"),
                        "Date de naissance : " + patient.birthDate().format(FRENCH_DATE),
                        "Lieu de naissance : " + patient.birthPlaceCode() + " | " + patient.birthPlaceName(),
                        "Matricule INS : " + patient.insValue() + " [INS-NIR de test]",
                        "",
                        "Le PDF de l'exemple ANS (qui montrait l'identité du patient de l'exemple)",
                        "est remplacé par ce rendu lors de la ré-identification (" + target.file() + ")."));
                value.setTextContent(Base64.getEncoder().encodeToString(pdf));
            }
        }
    }

    /** Medication items get ids of their own per document, so lines are unique across the health space. */
    private void renumberPrescriptionItems(Element root, DemoDataSet.Document target) {
        NodeList administrations = root.getElementsByTagNameNS(HL7, "substanceAdministration");
        for (int i = 0; i < administrations.getLength(); i++) {
            Element id = child((Element) administrations.item(i), "id");
            if (id != null && UUID_ROOT.matcher(id.getAttribute("root")).matches()) {
                // By position, not by the old id: the eP sample gives both of its items the same id.
                id.setAttribute("root", UUID.nameUUIDFromBytes((ID_SEED + target.file() + "#item-" + i)
                        .getBytes(StandardCharsets.UTF_8)).toString().toUpperCase(Locale.ROOT));
            }
        }
    }

    private static String relativePhone(DemoDataSet.Patient patient) {
        String phone = patient.mobilePhone();
        return phone.substring(0, phone.length() - 1) + ((phone.charAt(phone.length() - 1) - '0' + 5) % 10);
    }

    /** A UUID-based OID (ITU-T X.667, arc 2.25): unique without registration, stable per name. */
    static String oid(String name) {
        UUID uuid = UUID.nameUUIDFromBytes((ID_SEED + name).getBytes(StandardCharsets.UTF_8));
        ByteBuffer bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits());
        return "2.25." + new BigInteger(1, bytes.array());
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        try (InputStream in = new ByteArrayInputStream(xml)) {
            return factory.newDocumentBuilder().parse(in);
        }
    }

    private static byte[] serialize(Document cda) throws Exception {
        cda.setXmlStandalone(true);
        // The JDK's own serialiser, whatever else the test class path offers: the bytes must not depend on it.
        var transformer = TransformerFactory.newDefaultInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        transformer.setOutputProperty(OutputKeys.INDENT, "no");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        transformer.transform(new DOMSource(cda), new StreamResult(out));
        return out.toByteArray();
    }

    private static Element child(Element parent, String localName) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && HL7.equals(element.getNamespaceURI())
                    && localName.equals(element.getLocalName())) {
                return element;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && HL7.equals(element.getNamespaceURI())
                    && localName.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    private static Element add(Document cda, Element parent, String localName) {
        Element element = cda.createElementNS(HL7, parent.getPrefix() == null ? localName
                : parent.getPrefix() + ":" + localName);
        parent.appendChild(element);
        return element;
    }

    private static Element text(Document cda, Element parent, String localName, String text) {
        Element element = add(cda, parent, localName);
        element.setTextContent(text);
        return element;
    }

    /** Writes the derived documents (the tool's "regenerate" mode). */
    static void write(Map<String, byte[]> documents, Path directory) throws IOException {
        Files.createDirectories(directory);
        for (Map.Entry<String, byte[]> document : documents.entrySet()) {
            Files.write(directory.resolve(document.getKey()), document.getValue());
        }
    }
}
