package fr.passerelle.gateway.trust;

import fr.passerelle.gateway.cli.OperatorCommand;
import fr.passerelle.trust.Check;
import fr.passerelle.trust.Diagnosis;
import fr.passerelle.trust.Refusal;
import fr.passerelle.trust.RequestValidator;
import fr.passerelle.trust.Transaction;
import fr.passerelle.trust.TrustSettings;
import fr.passerelle.trust.VerifiedRequester;
import fr.passerelle.trust.replay.CachingReplayGuard;
import fr.passerelle.trust.replay.InMemoryReplayStore;
import fr.passerelle.trust.trustlist.DirectoryTrustList;
import fr.passerelle.trust.xml.HardenedXml;
import fr.passerelle.trust.xml.UnsafeXmlException;
import fr.passerelle.trust.xml.XmlLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code trust verify --trust-list DIR [--at INSTANT] [--transaction T] [--patient ID] FILE}: checks a saved SOAP
 * envelope, header, Security header or bare assertion against a trust-list directory at a given instant, and prints
 * each check and the verdict — so an agency can see why a partner's request was refused. Runs without Spring.
 */
public final class TrustVerifyCommand implements OperatorCommand {

    private static final Map<String, Transaction> ACTIONS = Map.of(
            "urn:hl7-org:v3:PRPA_IN201305UV02:CrossGatewayPatientDiscovery", Transaction.XCPD,
            "urn:ihe:iti:2007:CrossGatewayQuery", Transaction.XCA_QUERY,
            "urn:ihe:iti:2007:CrossGatewayRetrieve", Transaction.XCA_RETRIEVE,
            "urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b", Transaction.XDR);

    @Override
    public String name() {
        return "trust verify";
    }

    @Override
    public String summary() {
        return "check a saved SOAP header or assertion against a trust list, printing each check and the verdict";
    }

    @Override
    public String usage() {
        return """
                Usage: trust verify --trust-list DIR [--at INSTANT] [--transaction T] [--patient ID] FILE

                  FILE            a SOAP envelope, SOAP Header, wsse:Security header or bare SAML assertion
                  --trust-list    directory of <ISO 3166 alpha-2>/*.pem trusted certificates
                  --at            validation instant, e.g. 2025-07-26T11:40:00Z (default: now)
                  --transaction   XCPD, XCA_QUERY, XCA_RETRIEVE, XDR, FHIR_PATIENT_SEARCH, FHIR_DOCUMENT
                                  (default: from the message's wsa:Action)
                  --patient       the patient the request is about, e.g. 123^^^&1.2.250.1.213.1.4.8&ISO
                                  (without it the TRC patient is shown but not compared)

                Exit status: 0 accepted, 1 refused, 2 usage error.""";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            return usageError(err, "trust verify: " + e.getMessage());
        }
        if (!Files.isDirectory(arguments.trustList())) {
            err.println("trust verify: trust-list directory " + arguments.trustList() + " does not exist");
            return 2;
        }
        if (!Files.isRegularFile(arguments.file())) {
            err.println("trust verify: file " + arguments.file() + " does not exist");
            return 2;
        }
        Document document;
        try (InputStream in = Files.newInputStream(arguments.file())) {
            document = new HardenedXml(XmlLimits.ENVELOPE).parse(in);
        } catch (UnsafeXmlException e) {
            out.println("[FAIL] xml: " + e.getMessage());
            out.println("VERDICT: refused — the file is not acceptable XML");
            return 1;
        } catch (IOException e) {
            err.println("trust verify: cannot read " + arguments.file());
            return 2;
        }
        Optional<Transaction> transaction = arguments.transaction().or(() -> fromAction(document));
        if (transaction.isEmpty()) {
            err.println("trust verify: the file has no known wsa:Action; give --transaction");
            return 2;
        }

        Clock clock = Clock.fixed(arguments.at(), ZoneOffset.UTC);
        DirectoryTrustList trustList = new DirectoryTrustList(arguments.trustList(), clock, Duration.ofDays(1));
        out.println("trust list " + arguments.trustList() + ": " + trustList.entries().size() + " certificate(s)");
        trustList.problems().forEach(problem -> out.println("  warning: " + problem));
        out.println("transaction " + transaction.get() + " at " + arguments.at());
        RequestValidator validator = new RequestValidator(TrustSettings.ehdsiDefaults(), trustList,
                new CachingReplayGuard(new InMemoryReplayStore(), clock, 100), clock);
        Diagnosis diagnosis = validator.diagnose(document.getDocumentElement(), transaction.get(),
                arguments.patient());
        for (Check check : diagnosis.checks()) {
            out.println((check.passed() ? "[ ok ] " : "[FAIL] ") + check.name() + ": " + check.detail());
        }
        if (diagnosis.validation() instanceof VerifiedRequester requester) {
            out.println("VERDICT: accepted — " + requester.country() + " practitioner, role " + requester.roleCode()
                    + ", purpose " + requester.purposeOfUse() + ", believed until " + requester.expiry());
            return 0;
        }
        Refusal refusal = (Refusal) diagnosis.validation();
        out.println("VERDICT: refused — " + refusal.error().code() + " at " + refusal.check() + ": " + refusal.reason());
        return 1;
    }

    private static Optional<Transaction> fromAction(Document document) {
        NodeList actions = document.getElementsByTagNameNS("http://www.w3.org/2005/08/addressing", "Action");
        if (actions.getLength() != 1) {
            return Optional.empty();
        }
        return Optional.ofNullable(ACTIONS.get(((Element) actions.item(0)).getTextContent().trim()));
    }

    record Arguments(Path trustList, Instant at, Optional<Transaction> transaction, Optional<String> patient,
            Path file) {

        static Arguments parse(List<String> args) {
            Path trustList = null;
            Instant at = Instant.now();
            Optional<Transaction> transaction = Optional.empty();
            Optional<String> patient = Optional.empty();
            Path file = null;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                switch (arg) {
                    case "--trust-list" -> trustList = Path.of(value(args, ++i, arg));
                    case "--at" -> at = instant(value(args, ++i, arg));
                    case "--transaction" -> transaction = Optional.of(transaction(value(args, ++i, arg)));
                    case "--patient" -> patient = Optional.of(value(args, ++i, arg));
                    default -> {
                        if (arg.startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + arg);
                        }
                        if (file != null) {
                            throw new IllegalArgumentException("only one FILE may be given");
                        }
                        file = Path.of(arg);
                    }
                }
            }
            if (trustList == null) {
                throw new IllegalArgumentException("--trust-list is required");
            }
            if (file == null) {
                throw new IllegalArgumentException("FILE is required");
            }
            return new Arguments(trustList, at, transaction, patient, file);
        }

        private static String value(List<String> args, int index, String option) {
            if (index >= args.size()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args.get(index);
        }

        private static Instant instant(String value) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--at must be an ISO-8601 instant such as 2025-07-26T11:40:00Z");
            }
        }

        private static Transaction transaction(String value) {
            try {
                return Transaction.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown transaction " + value);
            }
        }
    }
}
