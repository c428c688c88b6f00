package fr.passerelle.gateway.soap.bench;

import fr.passerelle.gateway.ehdsi.ExchangeError;
import fr.passerelle.gateway.ihe.ProtocolModel;
import fr.passerelle.gateway.soap.BusinessRefusal;
import fr.passerelle.gateway.testsupport.CpuTimeLoop;
import fr.passerelle.gateway.xca.AdhocQueryResponseWriter;
import fr.passerelle.gateway.xca.DocumentClass;
import fr.passerelle.gateway.xca.DocumentEntry;
import fr.passerelle.gateway.xca.DocumentQuery;
import fr.passerelle.gateway.xca.DocumentQueryOutcome;
import fr.passerelle.gateway.xca.DocumentReference;
import fr.passerelle.gateway.xca.PrescriptionItemMetadata;
import fr.passerelle.gateway.xca.RetrieveOutcome;
import fr.passerelle.gateway.xca.RetrieveResponseWriter;
import fr.passerelle.gateway.xca.RetrievedDocument;
import fr.passerelle.gateway.xca.XdsCode;
import fr.passerelle.gateway.xca.XdsPatientId;
import fr.passerelle.gateway.xdr.DispensationOutcome;
import fr.passerelle.gateway.xdr.RegistryResponseWriter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * CPU time per answer of the XCA and XDR answer writers (road outcome to the DOM body CXF sends), on the calling
 * thread ({@code ThreadMXBean}). Run on two commits to compare writer implementations (docs/benchmarks.md, issue 21).
 *
 * <p>Usage: {@code ResponseWriterCostHarness [seconds per measure, default 5]}.
 */
public final class ResponseWriterCostHarness {

    private static final String HOME = "1.2.250.1.213.4.1.99";

    private ResponseWriterCostHarness() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        DocumentQuery query = new DocumentQuery(new XdsPatientId("248098765432109", "1.2.250.1.213.1.4.11"),
                Set.of(DocumentClass.PATIENT_SUMMARY), List.of(), true);
        DocumentEntry l3 = entry("urn:uuid:7bea8a52-9fdc-4b81-b47f-736e79df164b", "text/xml", Optional.empty());
        DocumentQueryOutcome found = new DocumentQueryOutcome.Found(List.of(l3,
                entry("urn:uuid:5e099a45-ff39-41bb-857a-506c0b9a5ca7", "application/pdf", Optional.of(l3.entryUuid()))),
                List.of(), List.of());
        RetrieveOutcome retrieved = new RetrieveOutcome.Retrieved(List.of(new RetrievedDocument(new DocumentReference(
                Optional.empty(), HOME + ".1", "1.2.250.1.999.1^PS.L3"), HOME, "text/xml", new byte[200_000])), List.of());
        DispensationOutcome refused = new DispensationOutcome.Refused(BusinessRefusal.of(ExchangeError.ERROR_NO_CONSENT));
        AdhocQueryResponseWriter queryWriter = new AdhocQueryResponseWriter(ProtocolModel.XDS);
        RetrieveResponseWriter retrieveWriter = new RetrieveResponseWriter(ProtocolModel.XDS);
        RegistryResponseWriter registryWriter = new RegistryResponseWriter(ProtocolModel.XDS);

        System.out.printf("%-46s | %14s%n", "writer", "CPU µs");
        measure("XCA query, LeafClass, 2 entries (L3 + L1 XFRM)", seconds, () -> queryWriter.write(query, found));
        measure("XCA retrieve, 1 document of 200 kB (MTOM)", seconds, () -> retrieveWriter.write(retrieved));
        measure("XDR RegistryResponse, Failure with 1 error", seconds, () -> registryWriter.write(refused));
    }

    private static DocumentEntry entry(String entryUuid, String mimeType, Optional<String> transformOf) {
        return new DocumentEntry(entryUuid, "1.2.250.1.999.1^" + mimeType, HOME + ".1", HOME,
                new XdsPatientId("248098765432109", "1.2.250.1.213.1.4.11"), "Patient Summary", mimeType,
                DocumentClass.PATIENT_SUMMARY.asCode(), new XdsCode("60591-5", "2.16.840.1.113883.6.1",
                "Patient Summary"), new XdsCode("urn:epSOS:ps:ps:2010", "eHDSI formatCodes", "eHDSI coded PS"),
                new XdsCode("N", "2.16.840.1.113883.5.25", "Normal"), new XdsCode("FR", "1.0.3166.1", "FRANCE"),
                new XdsCode("Not Used", "eHDSI Practice Setting Codes-Not Used", "Not Used"),
                Instant.parse("2024-03-01T10:15:30Z"), "fr-FR", 54321, "2fd4e1c67a2d28fced849ee1bb76e7391b93eb12",
                transformOf, PrescriptionItemMetadata.none(), Optional.empty(), Optional.empty());
    }

    static void measure(String name, int seconds, CpuTimeLoop.Step step) throws Exception {
        System.out.printf("%-46s | %14.1f%n", name, CpuTimeLoop.microsPerCall(seconds, step));
    }
}
