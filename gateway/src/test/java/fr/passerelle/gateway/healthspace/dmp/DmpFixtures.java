package fr.passerelle.gateway.healthspace.dmp;

import fr.passerelle.gateway.ihe.XdsVocabulary;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.testsupport.Fixtures;
import fr.passerelle.trust.VerifiedRequester;
import fr.passerelle.trust.assertion.PurposeOfUse;
import fr.passerelle.gateway.ihe.XmlTree;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * DMP answers built from the ANS XDS metadata examples (copied under {@code src/test/resources/dmp/}, see its
 * README) and the shared French CDA samples, plus the requesters and properties the tests use.
 */
public final class DmpFixtures {

    static final String RIM = XdsVocabulary.RIM;
    static final Path CDA_DIR = Fixtures.FR_CDA;
    static final String REPOSITORY_ID = "1.2.250.1.213.1.1.9.2";
    /** The patient of the IPS-FR, VSM and eP-MED-DM examples (test NIR). */
    public static final Ins PATIENT = new Ins(Ins.TEST_NIR, "279035121518989");
    static final String IPS_ID = "1.2.250.1.213.1.1.1.51.2024.1.1";
    public static final String IPS = "IPS-FR_2024.01";
    public static final String VSM = "VSM_1.4_2022.01";
    static final String EP = "eP-MED-DM_2024.01_PosoStruct";
    static final String EDISP = "eDISP-MED_2024.01";

    private DmpFixtures() {
    }

    static VerifiedRequester requester(PurposeOfUse purpose, String roleCode) {
        return new VerifiedRequester("HCP-4711", "Anna Berger", "Universitätsklinikum Wien", "2.999.1.1", "AT",
                "Medical Doctors", roleCode, purpose, Set.of("PRD-006", "PRD-004"), "Wien", "22232009",
                Optional.of(PATIENT.value() + "^^^&" + PATIENT.oid() + "&ISO"), "_hcp-1", Optional.of("_trc-1"),
                Optional.empty(), Instant.now().plus(Duration.ofHours(2)));
    }

    public static VerifiedRequester doctor() {
        return requester(PurposeOfUse.TREATMENT, "221");
    }

    public static DmpProperties properties(DmpTestPki pki, String baseUrl, DmpProperties.Resilience resilience) {
        return new DmpProperties(baseUrl + "/registry", baseUrl + "/repository", baseUrl + "/patient",
                new DmpProperties.Tls(pki.organisationKeyStore.toString(), "PKCS12", DmpTestPki.PASSWORD, null, null,
                        pki.organisationTrustStore.toString(), "PKCS12", DmpTestPki.PASSWORD),
                new DmpProperties.Identity("3180036000012", "NCPeH France", "SA29", "AUTRE", "1.2.250.1.999.1",
                        "1.2.250.1.999.1.2", "Passerelle", "0.1.0", "DMP-HOMOL-TEST", Map.of(), Map.of()),
                resilience);
    }

    /**
     * The application arguments that point a whole gateway at a DMP stub (and make it sign as the test organisation),
     * the same values {@link #properties} gives a connector; {@code more} follow them.
     */
    static String[] applicationArguments(DmpTestPki pki, String baseUrl, String... more) {
        return Stream.concat(Stream.of("--passerelle.health-space=dmp",
                "--passerelle.dmp.registry-url=" + baseUrl + "/registry",
                "--passerelle.dmp.repository-url=" + baseUrl + "/repository",
                "--passerelle.dmp.patient-service-url=" + baseUrl + "/patient",
                "--passerelle.dmp.tls.key-store=" + pki.organisationKeyStore,
                "--passerelle.dmp.tls.key-store-password=" + DmpTestPki.PASSWORD,
                "--passerelle.dmp.identity.structure-id=3180036000012",
                "--passerelle.dmp.identity.software-homologation=DMP-HOMOL-TEST",
                "--passerelle.dmp.identity.source-id=1.2.250.1.999.1",
                "--passerelle.dmp.identity.unique-id-root=1.2.250.1.999.1.2"), Stream.of(more))
                .toArray(String[]::new);
    }

    public static DmpProperties.Resilience resilience(Duration readTimeout, int maxAttempts, int window, int minimumCalls,
                                               Duration openDuration) {
        return new DmpProperties.Resilience(Duration.ofSeconds(1), readTimeout, 4, Duration.ofMillis(100), 50f,
                window, minimumCalls, openDuration, 1, maxAttempts, Duration.ofMillis(50));
    }

    public static byte[] cda(String name) {
        try {
            return Files.readAllBytes(CDA_DIR.resolve(name + ".xml"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ExtrinsicObject of an ANS example, as a registry returns it: hash and size of the stored bytes. */
    public static Element entry(String example, byte[] stored) {
        Document metadata = parse(resource("/dmp/" + example + ".METADATA.xml"));
        Element object = (Element) metadata.getElementsByTagNameNS(RIM, "ExtrinsicObject").item(0);
        Document own = newDocument();
        Element copy = (Element) own.importNode(object, true);
        own.appendChild(copy);
        setSlot(copy, "hash", ProvideAndRegisterMessage.sha1(stored).toUpperCase(Locale.ROOT));
        setSlot(copy, "size", Integer.toString(stored.length));
        addSlot(copy, "repositoryUniqueId", REPOSITORY_ID);
        return copy;
    }

    static void addConfidentiality(Element entry, String code, String system) {
        Element classification = entry.getOwnerDocument().createElementNS(RIM, "ns2:Classification");
        classification.setAttributeNS(null, "id", "urn:uuid:" + java.util.UUID.randomUUID());
        classification.setAttributeNS(null, "classificationScheme", XdsVocabulary.DOC_CONFIDENTIALITY);
        classification.setAttributeNS(null, "classifiedObject", entry.getAttribute("id"));
        classification.setAttributeNS(null, "nodeRepresentation", code);
        Element slot = slotElement(entry.getOwnerDocument(), "codingScheme", system);
        classification.appendChild(slot);
        Node firstIdentifier = entry.getElementsByTagNameNS(RIM, "ExternalIdentifier").item(0);
        entry.insertBefore(classification, firstIdentifier);
    }

    static void setUniqueId(Element entry, String uniqueId) {
        var identifiers = entry.getElementsByTagNameNS(RIM, "ExternalIdentifier");
        for (int i = 0; i < identifiers.getLength(); i++) {
            Element identifier = (Element) identifiers.item(i);
            if (XdsVocabulary.DOC_UNIQUE_ID.equals(identifier.getAttribute("identificationScheme"))) {
                identifier.setAttribute("value", uniqueId);
            }
        }
    }

    static void setPatient(Element entry, Ins patient) {
        var identifiers = entry.getElementsByTagNameNS(RIM, "ExternalIdentifier");
        for (int i = 0; i < identifiers.getLength(); i++) {
            Element identifier = (Element) identifiers.item(i);
            if (XdsVocabulary.DOC_PATIENT_ID.equals(identifier.getAttribute("identificationScheme"))) {
                identifier.setAttribute("value", XdsQueries.patientCx(patient) + "^NH");
            }
        }
    }

    /** The text with the first occurrence of {@code target} after {@code from} replaced. */
    static byte[] replaceFirst(byte[] document, String target, String replacement, int occurrence) {
        String text = new String(document, StandardCharsets.UTF_8);
        int at = -1;
        for (int i = 0; i <= occurrence; i++) {
            at = text.indexOf(target, at + 1);
            if (at < 0) {
                throw new IllegalStateException("occurrence " + occurrence + " of " + target + " not found");
            }
        }
        return (text.substring(0, at) + replacement + text.substring(at + target.length()))
                .getBytes(StandardCharsets.UTF_8);
    }

    public static String queryResponse(List<Element> entries) {
        StringBuilder objects = new StringBuilder();
        for (Element entry : entries) {
            objects.append(serialize(entry));
        }
        return soap("<query:AdhocQueryResponse xmlns:query=\"urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0\""
                + " status=\"urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success\">"
                + "<rim:RegistryObjectList xmlns:rim=\"" + RIM + "\">" + objects + "</rim:RegistryObjectList>"
                + "</query:AdhocQueryResponse>");
    }

    static String queryFailure(String errorCode) {
        return soap("<query:AdhocQueryResponse xmlns:query=\"urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0\""
                + " status=\"urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Failure\">"
                + "<rs:RegistryErrorList xmlns:rs=\"" + XdsVocabulary.RS + "\"><rs:RegistryError errorCode=\""
                + errorCode + "\" codeContext=\"refused\" severity=\"urn:oasis:names:tc:ebxml-regrep:ErrorSeverityType:"
                + "Error\"/></rs:RegistryErrorList></query:AdhocQueryResponse>");
    }

    static String registryResponse(String status, String errorCode) {
        String errors = errorCode == null ? "" : "<rs:RegistryErrorList><rs:RegistryError errorCode=\"" + errorCode
                + "\" severity=\"urn:oasis:names:tc:ebxml-regrep:ErrorSeverityType:Error\"/></rs:RegistryErrorList>";
        return soap("<rs:RegistryResponse xmlns:rs=\"" + XdsVocabulary.RS + "\" status=\"" + status + "\">" + errors
                + "</rs:RegistryResponse>");
    }

    static String soap(String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\""
                + " xmlns:wsa=\"http://www.w3.org/2005/08/addressing\"><env:Header>"
                + "<wsa:Action>urn:answer</wsa:Action></env:Header><env:Body>" + body + "</env:Body></env:Envelope>";
    }

    static final String BOUNDARY = "MIMEBoundary_dmp_test";
    static final String MTOM_CONTENT_TYPE = "multipart/related; type=\"application/xop+xml\"; boundary=\"" + BOUNDARY
            + "\"; start=\"<root@dmp>\"; start-info=\"application/soap+xml\"";

    /** An ITI-43 answer as the DMP sends it: MTOM, the document as a binary MIME part. */
    static byte[] retrieveResponse(String uniqueId, byte[] document) {
        String envelope = soap("<xdsb:RetrieveDocumentSetResponse xmlns:xdsb=\"urn:ihe:iti:xds-b:2007\">"
                + "<rs:RegistryResponse xmlns:rs=\"" + XdsVocabulary.RS
                + "\" status=\"urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success\"/>"
                + "<xdsb:DocumentResponse><xdsb:RepositoryUniqueId>" + REPOSITORY_ID + "</xdsb:RepositoryUniqueId>"
                + "<xdsb:DocumentUniqueId>" + uniqueId + "</xdsb:DocumentUniqueId><xdsb:mimeType>text/xml"
                + "</xdsb:mimeType><xdsb:Document><xop:Include xmlns:xop=\"http://www.w3.org/2004/08/xop/include\""
                + " href=\"cid:document1%40dmp\"/></xdsb:Document></xdsb:DocumentResponse>"
                + "</xdsb:RetrieveDocumentSetResponse>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String head = "--" + BOUNDARY + "\r\nContent-Type: application/xop+xml; charset=UTF-8; "
                + "type=\"application/soap+xml\"\r\nContent-Transfer-Encoding: binary\r\nContent-ID: <root@dmp>\r\n\r\n"
                + envelope + "\r\n--" + BOUNDARY + "\r\nContent-Type: text/xml\r\nContent-Transfer-Encoding: binary\r\n"
                + "Content-ID: <document1@dmp>\r\n\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(document);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** A TD0.2 answer (PRPA_IN201308UV02) for the test patient. */
    static String patientCheckResponse(String queryResponseCode, String status) {
        String subject = !"OK".equals(queryResponseCode) ? "" : "<subject typeCode=\"SUBJ\"><registrationEvent"
                + " classCode=\"REG\" moodCode=\"EVN\"><statusCode code=\"" + status + "\"/><subject1 typeCode=\"SBJ\">"
                + "<patient classCode=\"PAT\"><id root=\"" + PATIENT.oid() + "\" extension=\"" + PATIENT.value() + "\"/>"
                + "<statusCode code=\"active\"/><patientPerson classCode=\"PSN\" determinerCode=\"INSTANCE\">"
                + "<name><given>DOMINIQUE</given><given>MARIE-LOUISE</given><family qualifier=\"BR\">PAT-TROIS</family>"
                + "</name><name><given>DOMINIQUE</given><family qualifier=\"SP\">DUPONT</family></name>"
                + "<administrativeGenderCode code=\"F\"/><birthTime value=\"19790328\"/></patientPerson></patient>"
                + "</subject1></registrationEvent></subject>";
        return soap("<PRPA_IN201308UV02 xmlns=\"urn:hl7-org:v3\" ITSVersion=\"XML_1.0\"><id root=\"1.2.250.1.213.4.1\""
                + " extension=\"a1\"/><creationTime value=\"20260101120000\"/><interactionId root=\"2.16.840.1.113883.1.6\""
                + " extension=\"PRPA_IN201308UV02\"/><processingCode code=\"P\"/><processingModeCode code=\"T\"/>"
                + "<acceptAckCode code=\"NE\"/><acknowledgement><typeCode code=\"AA\"/></acknowledgement>"
                + "<controlActProcess classCode=\"CACT\" moodCode=\"EVN\"><code code=\"PRPA_TE201308UV02\"/>" + subject
                + "<queryAck><queryId root=\"1.2.250.1.999.1\" extension=\"q\"/><queryResponseCode code=\""
                + queryResponseCode + "\"/></queryAck></controlActProcess></PRPA_IN201308UV02>");
    }

    static String serialize(Node node) {
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(node), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] resource(String name) {
        try (InputStream in = DmpFixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Document newDocument() {
        return XmlTree.newDocument();
    }

    private static void setSlot(Element object, String name, String value) {
        for (Element slot : XmlTree.children(object, RIM, "Slot")) {
            if (name.equals(slot.getAttribute("name"))) {
                Element v = (Element) slot.getElementsByTagNameNS(RIM, "Value").item(0);
                v.setTextContent(value);
                return;
            }
        }
        addSlot(object, name, value);
    }

    private static void addSlot(Element object, String name, String value) {
        Node firstSlot = object.getElementsByTagNameNS(RIM, "Slot").item(0);
        object.insertBefore(slotElement(object.getOwnerDocument(), name, value), firstSlot);
    }

    private static Element slotElement(Document document, String name, String value) {
        Element slot = document.createElementNS(RIM, "ns2:Slot");
        slot.setAttributeNS(null, "name", name);
        Element list = document.createElementNS(RIM, "ns2:ValueList");
        Element v = document.createElementNS(RIM, "ns2:Value");
        v.setTextContent(value);
        list.appendChild(v);
        slot.appendChild(list);
        return slot;
    }
}
