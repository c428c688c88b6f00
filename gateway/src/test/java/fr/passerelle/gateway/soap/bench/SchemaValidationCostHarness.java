package fr.passerelle.gateway.soap.bench;

import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.soap.BodySchemas;
import fr.passerelle.gateway.soap.EhdsiOperation;
import fr.passerelle.gateway.soap.Namespaces;
import fr.passerelle.gateway.soap.SoapMessages;
import fr.passerelle.gateway.testsupport.CpuTimeLoop;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * CPU time per request of SOAP body schema validation ({@link BodySchemas}), on the calling thread
 * ({@code ThreadMXBean}): the one-off compilation of each operation's schemas, then one validation per request of
 * each transaction's sample body, to set against the SOAP roads' CPU per request (docs/benchmarks.md).
 *
 * <p>Usage: {@code SchemaValidationCostHarness [seconds per measure, default 5]}.
 */
public final class SchemaValidationCostHarness {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private SchemaValidationCostHarness() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Ins patient = new Ins(Ins.TEST_NIR, "284056912304563");
        Map<EhdsiOperation, String> bodies = new LinkedHashMap<>();
        bodies.put(EhdsiOperation.PATIENT_DISCOVERY, SoapMessages.sampleBody("ipf-iti55/iti55-sample-request.xml"));
        bodies.put(EhdsiOperation.CROSS_GATEWAY_QUERY, SoapMessages.queryBody(patient, "60591-5"));
        bodies.put(EhdsiOperation.CROSS_GATEWAY_RETRIEVE, SoapMessages.retrieveBody("1.2.3", "1.2.3.4^5"));
        bodies.put(EhdsiOperation.PROVIDE_AND_REGISTER,
                SoapMessages.sampleBody("gematik/ProvideAndRegisterDocumentSetRequest.xml"));

        System.out.printf("%-46s | %14s%n", "step", "CPU µs");
        for (EhdsiOperation operation : bodies.keySet()) {
            long start = THREADS.getCurrentThreadCpuTime();
            new BodySchemas(EnumSet.of(operation));
            System.out.printf("%-46s | %14.0f%n", "compile once, " + operation,
                    (THREADS.getCurrentThreadCpuTime() - start) / 1_000.0);
        }
        BodySchemas schemas = new BodySchemas(EnumSet.allOf(EhdsiOperation.class));
        for (Map.Entry<EhdsiOperation, String> body : bodies.entrySet()) {
            Element element = bodyOf(body.getValue());
            if (schemas.firstViolation(body.getKey(), element).isPresent()
                    && body.getKey() != EhdsiOperation.PATIENT_DISCOVERY) {
                throw new IllegalStateException(body.getKey() + " sample is not valid: the measure would stop early");
            }
            measure("validate per request, " + body.getKey() + " (" + body.getValue().length() / 1024 + " KiB)",
                    seconds, () -> schemas.firstViolation(body.getKey(), element));
        }
        // ITI-41 as MTOM: the document is an xop:Include, validated on a copy without it.
        Element mtom = bodyOf(bodies.get(EhdsiOperation.PROVIDE_AND_REGISTER).replaceFirst(
                "(?s)(<xds:Document id=\"[^\"]+\">).*?(</xds:Document>)",
                "$1<xop:Include xmlns:xop=\"" + Namespaces.XOP + "\" href=\"cid:a%40b\"/>$2"));
        measure("validate per request, PROVIDE_AND_REGISTER, MTOM", seconds,
                () -> schemas.firstViolation(EhdsiOperation.PROVIDE_AND_REGISTER, mtom));
    }

    private static Element bodyOf(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document envelope = factory.newDocumentBuilder().parse(new ByteArrayInputStream(
                SoapMessages.envelope("urn:bench", xml).getBytes(StandardCharsets.UTF_8)));
        return (Element) ((Element) envelope.getElementsByTagNameNS(Namespaces.SOAP12, "Body").item(0))
                .getElementsByTagName("*").item(0);
    }


    static void measure(String name, int seconds, CpuTimeLoop.Step step) throws Exception {
        System.out.printf("%-46s | %14.1f%n", name, CpuTimeLoop.microsPerCall(seconds, step));
    }
}
