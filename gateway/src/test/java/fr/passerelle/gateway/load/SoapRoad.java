package fr.passerelle.gateway.load;

import fr.passerelle.trust.issue.AssertionIssuer;
import fr.passerelle.trust.issue.CountrySigner;
import fr.passerelle.trust.issue.HcpClaims;
import fr.passerelle.trust.issue.SoapEnvelopes;
import fr.passerelle.trust.issue.TrcClaims;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The SOAP roads: XCPD patient discovery, XCA query (patient summaries) and XCA retrieve, each request with its own
 * HCP (+ TRC for XCA) assertion signed by the demo Spanish signer. {@code soap} cycles the three in turn; the
 * others send one kind. Requests are signed ahead ({@link #stock}) because the replay guard accepts each assertion
 * once and signing on the same cores would be measured as gateway time.
 */
public final class SoapRoad implements Road {

    static final List<String> PATIENTS = List.of("284056912304563", "156113523811249", "238016311300935",
            "101085935020352");
    private static final String TEST_NIR = "1.2.250.1.213.1.4.10";
    private static final String DOCUMENT_UNIQUE_ID = "urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab";
    private static final Pattern UNIQUE_ID = Pattern.compile("identificationScheme=\"" + DOCUMENT_UNIQUE_ID
            + "\"[^>]*value=\"([^\"]+)\"");
    private static final Map<String, String> ACTIONS = Map.of(
            "xcpd", SoapEnvelopes.ACTION_XCPD, "query", SoapEnvelopes.ACTION_XCA_QUERY,
            "retrieve", SoapEnvelopes.ACTION_XCA_RETRIEVE);

    /** LOINC class codes of the documents queried: patient summaries, or ePrescriptions for {@code retrieve-ep}. */
    private static final String SUMMARIES = "60591-5";
    private static final String PRESCRIPTIONS = "57833-6";

    private final String name;
    private final List<String> kinds;
    private final String classCode;
    private final CountrySigner signer;
    private final Map<String, String> documents;
    private final ConcurrentLinkedQueue<Call> stock = new ConcurrentLinkedQueue<>();
    private final AtomicLong turn = new AtomicLong();
    private final AtomicLong signedLate = new AtomicLong();
    private final ThreadLocal<AssertionIssuer> issuer;

    private SoapRoad(String name, List<String> kinds, String classCode, CountrySigner signer,
                     Map<String, String> documents) {
        this.name = name;
        this.kinds = kinds;
        this.classCode = classCode;
        this.signer = signer;
        this.documents = documents;
        this.issuer = ThreadLocal.withInitial(() -> new AssertionIssuer(signer, Clock.systemUTC()));
    }

    /**
     * A SOAP road against a running gateway; for retrieves, one patient-summary unique id per demo patient is looked
     * up first with a real query ({@code retrieve-ep}: one ePrescription, the first item of a multi-line one).
     */
    public static SoapRoad open(String name, CountrySigner signer, String baseUrl) throws Exception {
        List<String> kinds = switch (name) {
            case "soap" -> List.of("xcpd", "query", "retrieve");
            case "xcpd", "query", "retrieve" -> List.of(name);
            case "retrieve-ep" -> List.of("retrieve");
            default -> throw new IllegalArgumentException("Unknown SOAP road " + name);
        };
        String classCode = name.equals("retrieve-ep") ? PRESCRIPTIONS : SUMMARIES;
        SoapRoad probe = new SoapRoad(name, kinds, classCode, signer, Map.of());
        Map<String, String> documents = new java.util.LinkedHashMap<>();
        if (kinds.contains("retrieve")) {
            HttpClient http = HttpClient.newHttpClient();
            for (String patient : PATIENTS) {
                Call query = probe.call("query", patient);
                HttpResponse<String> answer = http.send(query.request(baseUrl).build(),
                        HttpResponse.BodyHandlers.ofString());
                Matcher id = UNIQUE_ID.matcher(answer.body());
                if (id.find()) {
                    documents.put(patient, id.group(1));
                }
            }
            if (documents.isEmpty()) {
                throw new IllegalStateException("The gateway at " + baseUrl + " listed no " + classCode + " document"
                        + " for the demo patients; is it the demo health space with consent for all participating"
                        + " countries?");
            }
        }
        return new SoapRoad(name, kinds, classCode, signer, Map.copyOf(documents));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Call next(int caller) {
        Call stocked = stock.poll();
        if (stocked != null) {
            return stocked;
        }
        signedLate.incrementAndGet();
        return make(turn.getAndIncrement());
    }

    @Override
    public void stock(int count) {
        long first = turn.getAndAdd(count);
        List<Call> made = IntStream.range(0, count).parallel().mapToObj(i -> make(first + i)).toList();
        stock.addAll(made);
    }

    @Override
    public long signedWhileMeasuring() {
        return signedLate.getAndSet(0);
    }

    private Call make(long n) {
        String kind = kinds.get((int) (n % kinds.size()));
        List<String> patients = kind.equals("retrieve") ? List.copyOf(documents.keySet()) : PATIENTS;
        return call(kind, patients.get((int) ((n / kinds.size()) % patients.size())));
    }

    private Call call(String kind, String patient) {
        String cx = patient + "^^^&" + TEST_NIR + "&ISO";
        String body = switch (kind) {
            case "xcpd" -> xcpd(patient);
            case "query" -> query(cx, classCode);
            case "retrieve" -> retrieve(documents.get(patient));
            default -> throw new IllegalArgumentException(kind);
        };
        String action = ACTIONS.get(kind);
        Signed signed = signed(action, body, kind.equals("xcpd") ? null : cx);
        // The SOAP road audits a request under its WS-Addressing MessageID: send it as the correlation id too, so a
        // test can find the request's audit record (it is a safe token: urn:uuid:…).
        // ITI-39 goes as an MTOM/XOP package, as IHE requires and the gateway enforces.
        boolean mtom = kind.equals("retrieve");
        return new Call(kind, Protocol.SOAP, kind.equals("xcpd") ? "/services/xcpd" : "/services/xca",
                mtom ? fr.passerelle.gateway.soap.SoapHttp.mtomContentType(action)
                        : "application/soap+xml; charset=UTF-8; action=\"" + action + "\"",
                mtom ? fr.passerelle.gateway.soap.SoapHttp.mtomPackage(signed.xml())
                        : signed.xml().getBytes(StandardCharsets.UTF_8), null, signed.messageId());
    }

    private record Signed(String xml, String messageId) {
    }

    private Signed signed(String action, String body, String treatedPatient) {
        try {
            Document envelope = SoapEnvelopes.envelope(action);
            Element security = SoapEnvelopes.security(envelope);
            HcpClaims doctor = HcpClaims.demoDoctor(signer.country());
            Element hcp = issuer.get().hcp(security, doctor);
            if (treatedPatient != null) {
                issuer.get().trc(security, TrcClaims.treating(treatedPatient), doctor.practitionerId(),
                        hcp.getAttribute("ID"));
            }
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Element parsed = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
            envelope.getElementsByTagNameNS(SoapEnvelopes.SOAP12_NS, "Body").item(0)
                    .appendChild(envelope.importNode(parsed, true));
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(envelope), new StreamResult(out));
            String messageId = envelope.getElementsByTagNameNS(SoapEnvelopes.WSA_NS, "MessageID").item(0)
                    .getTextContent().trim();
            return new Signed(out.toString(), messageId);
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign a load request", e);
        }
    }

    private static String xcpd(String patient) {
        return fr.passerelle.gateway.soap.SoapMessages.sampleBody("gematik/PRPA_IN201305UV02_298.xml")
                .replace("root=\"1.2.276.0.76.3.1.580.147\" extension=\"X114428538\"",
                        "root=\"" + TEST_NIR + "\" extension=\"" + patient + "\"");
    }

    private static String query(String cx, String classCode) {
        return "<query:AdhocQueryRequest xmlns:query=\"urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0\" "
                + "xmlns=\"urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0\"><query:ResponseOption returnComposedObjects="
                + "\"true\" returnType=\"LeafClass\"/><AdhocQuery id=\"urn:uuid:14d4debf-8f97-4251-9a74-a90016b0af0d\">"
                + "<Slot name=\"$XDSDocumentEntryPatientId\"><ValueList><Value>'" + cx.replace("&", "&amp;")
                + "'</Value></ValueList></Slot><Slot name=\"$XDSDocumentEntryClassCode\">"
                + "<ValueList><Value>('" + classCode + "^^2.16.840.1.113883.6.1')</Value></ValueList></Slot></AdhocQuery>"
                + "</query:AdhocQueryRequest>";
    }

    private static String retrieve(String uniqueId) {
        String home = GatewayProcess.HOME_COMMUNITY;
        return "<RetrieveDocumentSetRequest xmlns=\"urn:ihe:iti:xds-b:2007\"><DocumentRequest>"
                + "<HomeCommunityId>urn:oid:" + home + "</HomeCommunityId><RepositoryUniqueId>" + home
                + "</RepositoryUniqueId><DocumentUniqueId>" + uniqueId + "</DocumentUniqueId></DocumentRequest>"
                + "</RetrieveDocumentSetRequest>";
    }

    static List<String> names() {
        return new ArrayList<>(List.of("soap", "xcpd", "query", "retrieve", "retrieve-ep"));
    }
}
