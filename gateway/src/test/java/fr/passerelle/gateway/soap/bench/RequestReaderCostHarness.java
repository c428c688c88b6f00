package fr.passerelle.gateway.soap.bench;

import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.soap.Namespaces;
import fr.passerelle.gateway.soap.SoapMessages;
import fr.passerelle.gateway.testsupport.CpuTimeLoop;
import fr.passerelle.gateway.xca.AdhocQueryRequestReader;
import fr.passerelle.gateway.xca.RetrieveRequestReader;
import fr.passerelle.gateway.xdr.ProvideAndRegisterRequestReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;

/**
 * CPU time per request of the SOAP request readers (body DOM, as CXF hands it over, to the road's request record),
 * on the calling thread ({@code ThreadMXBean}), for the XCA query, XCA retrieve and XDR readers. Run on two commits
 * to compare reader implementations (docs/benchmarks.md, issue 21).
 *
 * <p>Usage: {@code RequestReaderCostHarness [seconds per measure, default 5]}.
 */
public final class RequestReaderCostHarness {


    private RequestReaderCostHarness() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Element query = bodyOf(SoapMessages.queryBody(new Ins(Ins.TEST_NIR, "284056912304563"), "60591-5"));
        Element retrieve = bodyOf(SoapMessages.retrieveBody("1.2.3", "1.2.3.4^5"));
        String submission = SoapMessages.sampleBody("gematik/ProvideAndRegisterDocumentSetRequest.xml");
        Element inline = bodyOf(submission);
        Element mtom = bodyOf(submission.replaceFirst("(?s)(<xds:Document id=\"[^\"]+\">).*?(</xds:Document>)",
                "$1<xop:Include xmlns:xop=\"" + Namespaces.XOP + "\" href=\"cid:a%40b\"/>$2"));
        byte[] part = "<ClinicalDocument/>".getBytes(StandardCharsets.UTF_8);

        System.out.printf("%-46s | %14s%n", "reader", "CPU µs");
        measure("XCA query (FindDocuments)", seconds, () -> new AdhocQueryRequestReader().read(query));
        measure("XCA retrieve (1 DocumentRequest)", seconds, () -> new RetrieveRequestReader().read(retrieve));
        measure("XDR gematik sample, inline base64", seconds,
                () -> new ProvideAndRegisterRequestReader().read(inline, cid -> Optional.empty()));
        measure("XDR gematik sample, MTOM part", seconds,
                () -> new ProvideAndRegisterRequestReader().read(mtom, cid -> Optional.of(part)));
    }

    private static Element bodyOf(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
    }

    static void measure(String name, int seconds, CpuTimeLoop.Step step) throws Exception {
        System.out.printf("%-46s | %14.1f%n", name, CpuTimeLoop.microsPerCall(seconds, step));
    }
}
