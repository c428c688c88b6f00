package fr.passerelle.gateway.load;

import fr.passerelle.trust.issue.CountrySigner;
import fr.passerelle.trust.issue.DemoPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One-command load run ({@code src/load/run}): starts a gateway from the packaged jar (fresh data folder, embedded
 * H2 or {@code --postgres URL}) or uses running ones ({@code --base-url}), then for each caller count warms up and
 * measures a closed loop, and prints callers, requests, errors, req/s, p50, p90, p99, max and the gateway's own
 * CPU time per request (from its metrics page: the figure a busy machine disturbs least). {@code --soak} runs a
 * steady rate instead and judges heap and threads flat (exit status 1 when they grow).
 *
 * <pre>
 * LoadHarness --road soap|xcpd|query|retrieve|fhir [--callers 1,10,50] [--duration 30s] [--warmup 10s]
 *             [--base-url URL[,URL…] --data-dir DIR] [--jar PATH] [--postgres JDBC_URL] [--timeout 30s]
 *             [--soak 30m --rate 20 [--sample-every 15s]] [--gateway-jvm "-Xmx512m …"]
 * </pre>
 * With {@code --base-url}, {@code --data-dir} is the running gateway's data folder: its demo PKI
 * ({@code demo-pki/demo-pki.p12}) signs the requests, so that gateway must run in demo-trust mode with consent
 * defaulting to all participating countries and {@code passerelle.soap.home-community-id=}{@value GatewayProcess#HOME_COMMUNITY}
 * for retrieves.
 */
public final class LoadHarness {

    private LoadHarness() {
    }

    record Options(String road, List<Integer> callers, Duration duration, Duration warmUp, List<String> baseUrls,
                   Path dataDir, Path jar, String postgres, Duration timeout, Duration soak, double rate,
                   Duration sampleEvery, List<String> gatewayJvm, List<String> gatewayArguments) {

        static Options parse(String... args) {
            String road = "soap";
            List<Integer> callers = List.of(1, 10, 50);
            Duration duration = Duration.ofSeconds(30);
            Duration warmUp = Duration.ofSeconds(10);
            List<String> baseUrls = List.of();
            Path dataDir = Path.of("data");
            Path jar = null;
            String postgres = null;
            Duration timeout = Duration.ofSeconds(30);
            Duration soak = null;
            double rate = 20;
            Duration sampleEvery = null;
            // The production image's GC (gateway/pom.xml, jib jvmFlags); --gateway-jvm replaces it.
            List<String> gatewayJvm = List.of("-XX:+UseParallelGC");
            List<String> gatewayArguments = List.of();
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                String value = args[++i];
                switch (name) {
                    case "--road" -> road = value;
                    case "--callers" -> callers = Arrays.stream(value.split(",")).map(String::trim)
                            .map(Integer::valueOf).toList();
                    case "--duration" -> duration = duration(value);
                    case "--warmup" -> warmUp = duration(value);
                    case "--base-url" -> baseUrls = Arrays.stream(value.split(",")).map(String::trim)
                            .map(u -> u.replaceAll("/+$", "")).toList();
                    case "--data-dir" -> dataDir = Path.of(value);
                    case "--jar" -> jar = Path.of(value);
                    case "--postgres" -> postgres = value;
                    case "--timeout" -> timeout = duration(value);
                    case "--soak" -> soak = duration(value);
                    case "--rate" -> rate = Double.parseDouble(value);
                    case "--sample-every" -> sampleEvery = duration(value);
                    case "--gateway-jvm" -> gatewayJvm = Arrays.stream(value.trim().split("\\s+")).toList();
                    case "--gateway-args" -> gatewayArguments = Arrays.stream(value.trim().split("\\s+")).toList();
                    default -> throw new IllegalArgumentException("Unknown option " + name);
                }
            }
            if (!road.equals("fhir") && !SoapRoad.names().contains(road)) {
                throw new IllegalArgumentException("--road must be soap, xcpd, query, retrieve or fhir: " + road);
            }
            if (sampleEvery == null && soak != null) {
                sampleEvery = Duration.ofMillis(Math.max(2_000, soak.toMillis() / 120));
            }
            return new Options(road, callers, duration, warmUp, baseUrls, dataDir, jar, postgres, timeout, soak, rate,
                    sampleEvery, gatewayJvm, gatewayArguments);
        }

        static Duration duration(String text) {
            return LoadHarness.duration(text);
        }
    }

    /** {@code 30s}, {@code 2m}, {@code 500ms}, {@code 1h} or an ISO-8601 duration. */
    public static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("p")) {
            return Duration.parse(text.toUpperCase(Locale.ROOT));
        }
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        return switch (t.charAt(t.length() - 1)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            default -> throw new IllegalArgumentException("Duration like 30s, 2m or 1h expected: " + text);
        };
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("load: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(run(options) ? 0 : 1);
    }

    static boolean run(Options options) throws Exception {
        List<GatewayProcess> started = new ArrayList<>();
        try {
            DemoPki pki;
            List<String> nodes;
            if (options.baseUrls().isEmpty()) {
                pki = GatewayProcess.demoPki();
                Path jar = options.jar() != null ? options.jar() : GatewayProcess.packagedJar();
                Path home = Files.createTempDirectory("passerelle-load");
                List<String> arguments = new ArrayList<>(List.of("--logging.level.root=WARN"));
                arguments.addAll(options.gatewayArguments());
                if (options.postgres() != null) {
                    arguments.add("--spring.profiles.active=postgres");
                    arguments.add("--spring.datasource.url=" + options.postgres());
                }
                long t0 = System.nanoTime();
                GatewayProcess node = GatewayProcess.start(jar, home.resolve("node"), pki, options.gatewayJvm(), arguments,
                        Duration.ofMinutes(6));
                started.add(node);
                System.out.printf(Locale.ROOT, "gateway %s from %s started in %.1f s (data %s)%n", node.baseUrl(),
                        jar, (System.nanoTime() - t0) / 1e9, node.dataDir());
                nodes = List.of(node.baseUrl());
            } else {
                Path keyStore = options.dataDir().resolve("demo-pki").resolve("demo-pki.p12");
                if (!Files.exists(keyStore)) {
                    throw new IllegalStateException("No demo PKI at " + keyStore + ": pass --data-dir of the gateway");
                }
                pki = DemoPki.load(keyStore, GatewayProcess.DEMO_PKI_PASSWORD);
                nodes = options.baseUrls();
            }
            CountrySigner signer = pki.signer("ES");
            Road road = options.road().equals("fhir") ? new FhirRoad(signer)
                    : SoapRoad.open(options.road(), signer, nodes.get(0));
            System.out.printf(Locale.ROOT, "machine: %d cores, %s, load average %s; java %s%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), loadAverage(),
                    System.getProperty("java.version"));
            return options.soak() != null ? soak(options, nodes.get(0), road) : measure(options, nodes, road);
        } finally {
            started.forEach(GatewayProcess::close);
        }
    }

    private static boolean measure(Options options, List<String> nodes, Road road) throws Exception {
        Driver driver = new Driver(nodes, road, options.timeout());
        System.out.printf(Locale.ROOT, "road %s on %s: %s warm-up then %s per level%n", road.name(), nodes,
                options.warmUp(), options.duration());
        System.out.println(LevelResult.header());
        double expectedRate = 100;
        for (int callers : options.callers()) {
            if (!options.warmUp().isZero()) {
                road.stock((int) Math.min(200_000, expectedRate * options.warmUp().toSeconds() * 1.5 + callers));
                LevelResult warm = driver.closedLoop(callers, options.warmUp(), false);
                expectedRate = Math.max(expectedRate, warm.perSecond());
            }
            road.stock((int) Math.min(200_000, expectedRate * options.duration().toSeconds() * 1.5 + callers));
            long cpuBefore = gatewayCpu(nodes);
            LevelResult level = driver.closedLoop(callers, options.duration(), false);
            long cpuAfter = gatewayCpu(nodes);
            expectedRate = Math.max(expectedRate, level.perSecond());
            System.out.println(level.row(cpuBefore < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuBefore));
            if (level.errors() > 0) {
                System.out.println("  errors: " + level.errorBreakdown());
            }
            if (level.signedWhileMeasuring() > 0) {
                System.out.println("  (" + level.signedWhileMeasuring() + " requests signed while measuring: "
                        + "the stock ran out, so those included the driver's signing time)");
            }
        }
        System.out.println("load average after: " + loadAverage());
        return true;
    }

    private static boolean soak(Options options, String node, Road road) throws Exception {
        System.out.printf(Locale.ROOT, "soak: road %s on %s at %.1f req/s for %s, sampling every %s%n", road.name(),
                node, options.rate(), options.soak(), options.sampleEvery());
        Soak.Result result = Soak.run(node, road, options.rate(), options.soak(), options.sampleEvery(),
                System.out::println);
        System.out.println(LevelResult.header());
        System.out.println(result.load().row());
        if (result.load().errors() > 0) {
            System.out.println("  errors: " + result.load().errorBreakdown());
        }
        System.out.println(result.flatness().report());
        System.out.println("load average after: " + loadAverage());
        return result.flatness().flat() && result.load().errors() == 0;
    }

    /** CPU time used so far by all the gateway processes, from their metrics page; -1 if one does not say. */
    private static long gatewayCpu(List<String> nodes) {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        long total = 0;
        for (String node : nodes) {
            try {
                long cpu = Metrics.scrape(http, node).cpuNanos();
                if (cpu < 0) {
                    return -1;
                }
                total += cpu;
            } catch (Exception e) {
                return -1;
            }
        }
        return total;
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (Exception e) {
            return "unknown";
        }
    }
}
