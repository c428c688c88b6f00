package fr.passerelle.gateway.audit.atna;

import java.nio.file.Path;
import java.util.List;

/** A collector key pair (CN/SAN localhost) and a trust store holding its certificate, made with the JDK's keytool. */
record TestPki(Path keyStore, Path trustStore, String password) {

    static TestPki create(Path dir) throws Exception {
        String password = "changeit-test";
        Path keyStore = dir.resolve("collector.p12");
        Path certificate = dir.resolve("collector.cer");
        Path trustStore = dir.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "collector", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", password,
                "-keypass", password);
        keytool("-exportcert", "-alias", "collector", "-keystore", keyStore.toString(), "-storepass", password,
                "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "collector", "-file", certificate.toString(),
                "-storetype", "PKCS12", "-keystore", trustStore.toString(), "-storepass", password);
        return new TestPki(keyStore, trustStore, password);
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
    }
}
