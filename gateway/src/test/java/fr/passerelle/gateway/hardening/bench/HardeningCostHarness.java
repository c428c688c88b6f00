package fr.passerelle.gateway.hardening.bench;

import fr.passerelle.gateway.http.BodyLimitFilter;
import fr.passerelle.gateway.http.EntryPoints;
import fr.passerelle.gateway.http.ProblemEntryPoint;
import fr.passerelle.gateway.soap.SoapMessages;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.testsupport.CpuTimeLoop;
import fr.passerelle.trust.xml.HardenedXml;
import fr.passerelle.trust.xml.IdAttributes;
import fr.passerelle.trust.xml.XmlLimits;
import fr.passerelle.translation.cda.CdaReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.w3c.dom.Document;

/**
 * CPU time per call of what the hardening added to every request, on the calling thread ({@code ThreadMXBean}, which
 * a busy machine disturbs far less than wall-clock time), to set against the roads' CPU per request
 * (docs/benchmarks.md): the body limit filter on a GET and on a POST whose 4 KiB body is read through its counter;
 * the assertion-ID scan of a SOAP Body (XCPD, XDR); and, on the XDR road, the eDispensation's one hardened parse
 * against the three unbounded parses it replaced.
 *
 * <p>Usage: {@code HardeningCostHarness [seconds per measure, default 5]}.
 */
public final class HardeningCostHarness {


    private HardeningCostHarness() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        BodyLimitFilter filter = new BodyLimitFilter(new EntryPoints(List.of(new ProblemEntryPoint("/fhir", 2 << 20),
                new ProblemEntryPoint("/services", 10 << 20), new ProblemEntryPoint("/api/patient", 65_536)),
                new ProblemEntryPoint("/", 65_536)));
        byte[] post = "x".repeat(4096).getBytes(StandardCharsets.UTF_8);
        Ins patient = new Ins(Ins.TEST_NIR, "284056912304563");
        HardenedXml hardened = new HardenedXml(XmlLimits.ENVELOPE);
        Document xcpd = hardened.parse(SoapMessages.xcpdBody(patient).getBytes(StandardCharsets.UTF_8));
        String xdrBody = SoapMessages.sampleBody("gematik/ProvideAndRegisterDocumentSetRequest.xml");
        Document xdr = hardened.parse(xdrBody.getBytes(StandardCharsets.UTF_8));
        byte[] dispensation = dispensationOf(xdrBody);
        CdaReader cda = new CdaReader();

        System.out.printf("%-58s | %12s%n", "step", "CPU µs/call");
        measure("  (the same GET without the filter)", seconds, () -> {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/fhir/Patient/x/$summary");
            request.setServletPath("/fhir");
            request.setPathInfo("/Patient/x/$summary");
            new MockFilterChain().doFilter(request, new MockHttpServletResponse());
        });
        measure("body limit filter, GET /fhir/Patient/…/$summary", seconds, () -> {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/fhir/Patient/x/$summary");
            request.setServletPath("/fhir");
            request.setPathInfo("/Patient/x/$summary");
            filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
        });
        measure("body limit filter, POST /services/xca, 4 KiB read", seconds, () -> {
            MockHttpServletRequest request = new MockHttpServletRequest("POST", "/services/xca");
            request.setServletPath("/services");
            request.setPathInfo("/xca");
            request.setContent(post);
            filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> req.getInputStream().readAllBytes());
        });
        measure("  (the same request read without the filter)", seconds, () -> {
            MockHttpServletRequest request = new MockHttpServletRequest("POST", "/services/xca");
            request.setServletPath("/services");
            request.setPathInfo("/xca");
            request.setContent(post);
            request.getInputStream().readAllBytes();
        });
        measure("assertion IDs in the SOAP Body, XCPD", seconds, () -> IdAttributes.uses(xcpd, "_a-random-id"));
        measure("assertion IDs in the SOAP Body, XDR (inline CDA)", seconds,
                () -> IdAttributes.uses(xdr, "_a-random-id"));
        measure("eDispensation: one hardened parse + CDA read", seconds, () -> cda.read(hardened.parse(dispensation)));
        measure("eDispensation: before, two plain parses + translation's", seconds, () -> {
            plainParse(dispensation);
            plainParse(dispensation);
            cda.read(dispensation);
        });
    }


    static void measure(String name, int seconds, CpuTimeLoop.Step step) throws Exception {
        System.out.printf("%-58s | %12.2f%n", name, CpuTimeLoop.microsPerCall(seconds, step));
    }

    private static Document plainParse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static byte[] dispensationOf(String xdrBody) {
        Matcher inline = Pattern.compile("(?s)<xds:Document id=\"[^\"]+\">(.*?)</xds:Document>").matcher(xdrBody);
        if (!inline.find()) {
            throw new IllegalStateException("the XDR sample carries no inline document");
        }
        return Base64.getMimeDecoder().decode(inline.group(1).trim());
    }
}
